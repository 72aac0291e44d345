/**
 * What a reader fills in or a writer leaves out of a config example: `<placeholders>`,
 * `{{ templates }}`, `${VARIABLES}`, and `...` elisions. The example rules mask them with
 * text of the same length before parsing, so every offset the parser reports stays true.
 */

/** A stretch of an example's text, by offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * `<namespace>`, `<N>`, `<your value>` (the runbook idiom for "fill this in"), `{{ .Values.x }}`
 * (Helm, Go, Jinja, Prometheus alert templates, on one line) and `${VAR}`, `${VAR:-default}`.
 */
const FILL_IN = /<[A-Za-z_][\w .:/|=-]{0,80}>|\{\{[^{}\n]{0,200}\}\}|\$\{[^${}\n]{1,80}\}/g;

/** Every fill-in of the text, in order. */
export function fillIns(text: string): Span[] {
  return [...text.matchAll(FILL_IN)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}

/** `...` or `…` standing for content the writer left out. */
export const ELISION = /\.\.\.|…/g;

/** A line that only holds an elision: `...`, `…`, `[...]`, `[…]`, `(...)`, `[snip]`, `<snip>`. */
const ELIDED_LINE = /^[ \t]*(?:\.\.\.|…|\[(?:\.\.\.|…|snip)\]|\((?:\.\.\.|…)\)|<snip>)[ \t]*$/gm;

/**
 * The lines that only hold an elision. `documentEnd`: for YAML, where `...` at column 0 ends a
 * document, unless nothing comes before it in the block.
 */
export function elidedLines(text: string, { documentEnd = false } = {}): Span[] {
  const spans = spansOf(text, ELIDED_LINE);
  if (!documentEnd) return spans;
  return spans.filter((span) => text[span.start] !== '.' || text.slice(0, span.start).trim() === '');
}

/** Every match of a global pattern, as spans. */
export function spansOf(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}

/** The text with each span replaced by `fill(length)`; fills must keep the length. */
export function maskSpans(text: string, spans: readonly Span[], fill: (length: number) => string): string {
  let masked = '';
  let at = 0;
  for (const span of spans) {
    masked += text.slice(at, span.start) + fill(span.end - span.start);
    at = span.end;
  }
  return masked + text.slice(at);
}

/** A JSON string of the given length (at least 2): stands for any value or property name. */
export const jsonString = (length: number): string => (length < 2 ? ' '.repeat(length) : `"${'x'.repeat(length - 2)}"`);

/** Letters: a plain YAML scalar, whatever the context. */
export const plainScalar = (length: number): string => 'x'.repeat(length);

export const blank = (length: number): string => ' '.repeat(length);
