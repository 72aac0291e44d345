/**
 * Mermaid's own parser, run in Node. Built as its own bundle (dist/mermaid-parse.js) and loaded
 * on the first mermaid block, because Mermaid is large and most documents have no diagram.
 */
import type { Mermaid } from 'mermaid';

/** Where a diagram fails, 1-based line and 0-based column within the diagram. */
export interface MermaidProblem {
  message: string;
  line?: number;
  column?: number;
}

let loaded: Promise<Mermaid> | undefined;

/**
 * Some diagram databases register sanitiser hooks while parsing. Without a DOM, DOMPurify has
 * no hooks to register; nothing is rendered here, so the hooks have nothing to do. Both are
 * imported the same way Mermaid imports DOMPurify, so that they share one instance.
 */
async function load(): Promise<Mermaid> {
  const purify = (await import('dompurify')).default as unknown as Record<string, unknown>;
  for (const name of ['addHook', 'removeHook', 'removeHooks', 'removeAllHooks']) purify[name] ??= () => undefined;
  purify.sanitize ??= (text: string) => text;
  return (await import('mermaid')).default;
}

/** Undefined when Mermaid accepts the diagram. */
export async function parseMermaid(text: string): Promise<MermaidProblem | undefined> {
  loaded ??= load();
  const mermaid = await loaded;
  try {
    await mermaid.parse(text);
    return undefined;
  } catch (error) {
    // Mermaid's error is the finding diagram-mermaid reports.
    const { message = String(error), hash } = error as { message?: string; hash?: { loc?: { first_line: number; first_column: number } } };
    return { message: summary(message), line: hash?.loc?.first_line, column: hash?.loc?.first_column };
  }
}

/** Jison's "Parse error on line 2: … Expecting 'A', 'B', … got 'C'" as one short sentence. */
function summary(message: string): string {
  // indexOf rather than one regular expression: messages can be long, and must not cost quadratic time.
  const expectingAt = message.lastIndexOf('Expecting ');
  const gotAt = message.lastIndexOf(', got ');
  if (expectingAt >= 0 && gotAt > expectingAt) {
    const expected = message.slice(expectingAt + 'Expecting '.length, gotAt).split(', ');
    const got = message.slice(gotAt + ', got '.length).trim().replace(/^'|'$/g, '');
    const shown = expected.slice(0, 4).join(', ') + (expected.length > 4 ? ', …' : '');
    // Some lexers report a token number rather than the text they met.
    return /^\d+$/.test(got) ? `expected ${shown}` : `unexpected ${got}; expected ${shown}`;
  }
  const unknownAt = message.indexOf('No diagram type detected');
  if (unknownAt >= 0) {
    const colon = message.indexOf(':', unknownAt);
    return `unknown diagram type "${colon < 0 ? '' : message.slice(colon + 1).trim().split(/\s/)[0]}"`;
  }
  const lastLine = message.trim().split('\n').pop() ?? message;
  return lastLine.replace(/^Error:\s*/, '').slice(0, 200);
}
