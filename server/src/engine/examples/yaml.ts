import { parseAllDocuments } from 'yaml';
import { blank, elidedLines, fillIns, maskSpans, plainScalar, spansOf, type Span } from './fillIns';
import type { ExampleProblem } from './json';

/** A line that only holds a template directive (`{{- if .Values.x }}`): the block is a template, not YAML. */
export const TEMPLATE_DIRECTIVE = /^[ \t-]*\{\{[-\s]*(?:if|else|end|range|with|define|template|include|block|\/\*)/m;
/** `[3]` or `<3>` at the end of a line, after a space: a callout that a numbered list under the block explains. */
const CALLOUT = /(?:\[\d{1,2}\]|<\d{1,2}>)[ \t]*$/gm;
/** Indentation that holds a non-breaking space (pasted from a web page): YAML reads it as part of the key. */
const NBSP_INDENT = /^[ \t]*\u00a0/m;
/** A comment line at column 0 (`# After:`, `# ✅ More efficient`): it may head an alternative. */
const HEADING_COMMENT = /^#[^\n]*$/gm;

/** A YAML example as its parser should read it, of the same length, and its fill-ins. */
export interface PreparedYaml {
  masked: string;
  fills: Span[];
}

/**
 * Elided lines become comments (inside a block scalar, a blank would change its indentation),
 * callouts are blanked when the block numbers two lines at least, and fill-ins read as plain scalars.
 */
export function prepareYaml(text: string): PreparedYaml {
  const elided = elidedLines(text, { documentEnd: true }).map((span) => ({ start: span.start + indentOf(text, span.start), end: span.end }));
  const callouts = spansOf(text, CALLOUT).filter((span) => text[span.start - 1] === ' ' || text[span.start - 1] === '\t');
  const withoutElisions = maskSpans(maskSpans(text, elided, comment), callouts.length >= 2 ? callouts : [], blank);
  const fills = fillIns(withoutElisions);
  return { masked: maskSpans(withoutElisions, fills, plainScalar), fills };
}

function indentOf(text: string, at: number): number {
  let indent = 0;
  while (text[at + indent] === ' ' || text[at + indent] === '\t') indent++;
  return indent;
}

const comment = (length: number): string => '#'.padEnd(length, '.');

/**
 * The first fault of a YAML example, all its documents. Inline `{{ templates }}` and `<placeholders>`
 * stand for scalars and elided lines for content left out; Helm-style templates are not YAML and are
 * not checked.
 */
export function yamlProblem(text: string): ExampleProblem | undefined {
  if (TEMPLATE_DIRECTIVE.test(text)) return undefined;
  const { masked } = prepareYaml(text);
  const nbsp = NBSP_INDENT.exec(masked);
  if (nbsp) {
    const at = nbsp.index + nbsp[0].length - 1;
    return { message: 'Invalid YAML: a line is indented with a non-breaking space (U+00A0), which YAML does not read as indentation', start: at, end: at + 1 };
  }
  const problem = firstProblem(masked, 0);
  if (problem?.duplicateKey) return alternativesProblem(masked);
  return problem;
}

type YamlProblem = ExampleProblem & { duplicateKey: boolean };

function firstProblem(masked: string, offset: number): YamlProblem | undefined {
  for (const document of parseAllDocuments(masked, { prettyErrors: false, uniqueKeys: true })) {
    const error = document.errors[0];
    if (error) return { message: `Invalid YAML: ${reason(error.message)}`, start: offset + error.pos[0], end: offset + Math.max(error.pos[1], error.pos[0] + 1), duplicateKey: error.code === 'DUPLICATE_KEY' };
  }
  return undefined;
}

/**
 * A key repeated at the top of a block whose column-0 comments head its parts (`# Before:` …
 * `# After:`) shows alternatives, each a document of its own: the first fault of any part.
 */
function alternativesProblem(masked: string): ExampleProblem | undefined {
  const heads = spansOf(masked, HEADING_COMMENT).map((span) => span.start).filter((at) => at > 0 && masked.slice(0, at).trim() !== '');
  const starts = [0, ...heads];
  for (const [i, start] of starts.entries()) {
    const problem = firstProblem(masked.slice(start, starts[i + 1] ?? masked.length), start);
    if (problem) return { message: problem.message, start: problem.start, end: problem.end };
  }
  return undefined;
}

function reason(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
