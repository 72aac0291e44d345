import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MermaidProblem } from './mermaidParser';

type ParseMermaid = (text: string) => Promise<MermaidProblem | undefined>;
let parser: Promise<ParseMermaid> | undefined;

/**
 * Mermaid's parser, loaded on first use. Bundled front ends load dist/mermaid-parse.js beside
 * them; run from source (tests), the module itself.
 */
export function mermaidParser(): Promise<ParseMermaid> {
  parser ??= load();
  return parser;
}

async function load(): Promise<ParseMermaid> {
  const bundled = path.join(__dirname, 'mermaid-parse.js');
  const specifier = __filename.endsWith('.ts') ? './mermaidParser' : pathToFileURL(bundled).href;
  const loaded = (await import(specifier)) as { parseMermaid?: ParseMermaid; default?: { parseMermaid: ParseMermaid } };
  return loaded.parseMermaid ?? loaded.default!.parseMermaid;
}
