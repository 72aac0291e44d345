/**
 * Whether a text is PromQL, by Prometheus' own grammar (@prometheus-io/lezer-promql), loaded on the
 * first text that has PromQL's look: a label matcher, a range, or an aggregation or rate over one.
 */
import type { LRParser } from '@lezer/lr';
import { fillIns, maskSpans } from '../examples/fillIns';

/** `{label="x"`, `[5m]`, `sum by (job) (`, `rate(`, `histogram_quantile(`: what only queries hold. */
const PROMQL_LOOK =
  /\{\s*[a-zA-Z_]\w*\s*(?:=~|!~|!=|=)\s*["'`]|\[\d+(?:ms|[smhdwy])(?::\d*(?:ms|[smhdwy])?)?\]|\b(?:sum|avg|min|max|count|topk|bottomk|quantile|stddev|count_values|group)\s*(?:(?:by|without)\s*\([^()]{0,200}\)\s*)?\(|\b(?:rate|irate|increase|delta|deriv|histogram_quantile|predict_linear|absent|label_replace|[a-z]+_over_time)\s*\(/;

let parser: LRParser | undefined;

export function hasPromqlLook(text: string): boolean {
  return PROMQL_LOOK.test(text);
}

export function readsAsPromql(text: string): boolean {
  if (!hasPromqlLook(text)) return false;
  // Dashboard variables and alert templates stand for values; `#` comments are PromQL's own.
  const masked = maskSpans(text, fillIns(text), (length) => 'x'.repeat(length)).replace(/\$\w+/g, (v) => 'x'.repeat(v.length));
  parser ??= (require('@prometheus-io/lezer-promql') as { parser: LRParser }).parser;
  return queriesOf(masked).every(parses);
}

/** The whole text as one query, else one a paragraph, else one a line. */
function queriesOf(text: string): string[] {
  if (parses(text)) return [text];
  for (const separator of [/\n[ \t]*\n/, /\n/]) {
    const parts = text.split(separator).filter((part) => part.trim() !== '' && !/^\s*#/.test(part));
    if (parts.length > 1 && parts.every(parses)) return parts;
  }
  return [text];
}

function parses(query: string): boolean {
  if (query.trim() === '') return false;
  let clean = true;
  parser!.parse(query).iterate({
    enter(node) {
      if (node.type.isError) clean = false;
      return clean;
    },
  });
  return clean;
}
