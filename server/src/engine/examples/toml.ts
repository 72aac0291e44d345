import { blank, fillIns, maskSpans, jsonString, type Span } from './fillIns';
import type { ExampleProblem } from './json';
import { loadParser } from './lazy';
import { quotedSpans, within } from './quoted';
import { offsetOfLineColumn, visibleAt } from './offsets';

/** A line that only holds `...` or `…`: content the writer left out. */
const ELIDED_LINE = /^[ \t]*(?:\.\.\.|…)[ \t]*$/gm;

/** The first fault of a TOML example; `<placeholders>` outside strings stand for values, `...` lines for left-out content. */
export async function tomlProblem(text: string): Promise<ExampleProblem | undefined> {
  const elided = spansOf(text, ELIDED_LINE);
  const { strings } = quotedSpans(text, { quotes: `"'`, escapes: true, comment: '#' });
  const values = fillIns(text).filter((span) => !within(span, strings));
  const masked = maskSpans(maskSpans(text, elided, blank), values, jsonString);
  const { tomlProblem: parse } = await loadParser('toml');
  const problem = parse(masked);
  if (!problem) return undefined;
  return { message: `Invalid TOML: ${problem.message}`, ...visibleAt(text, offsetOfLineColumn(text, problem.line, problem.column)) };
}

function spansOf(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}
