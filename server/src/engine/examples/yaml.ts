import { parseAllDocuments } from 'yaml';
import { fillIns, maskSpans, plainScalar, type Span } from './fillIns';
import type { ExampleProblem } from './json';

/** A line that only holds a template directive (`{{- if .Values.x }}`): the block is a template, not YAML. */
const TEMPLATE_DIRECTIVE = /^[ \t-]*\{\{[-\s]*(?:if|else|end|range|with|define|template|include|block|\/\*)/m;
/** An indented `...` line: the writer left content out. (`...` at column 0 is YAML's document end.) */
const ELIDED_LINE = /^[ \t]+(?:\.\.\.|…)[ \t]*$|^…[ \t]*$/gm;

/**
 * The first fault of a YAML example, all its documents. Inline `{{ templates }}` and `<placeholders>`
 * stand for scalars and elided lines for content left out; Helm-style templates are not YAML and are
 * not checked.
 */
export function yamlProblem(text: string): ExampleProblem | undefined {
  if (TEMPLATE_DIRECTIVE.test(text)) return undefined;
  const elided: Span[] = [...text.matchAll(ELIDED_LINE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const withoutElisions = maskSpans(text, elided, (length) => ' '.repeat(length));
  const masked = maskSpans(withoutElisions, fillIns(withoutElisions), plainScalar);
  for (const document of parseAllDocuments(masked, { prettyErrors: false, uniqueKeys: true })) {
    const error = document.errors[0];
    if (error) return { message: `Invalid YAML: ${reason(error.message)}`, start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) };
  }
  return undefined;
}

function reason(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
