import { blank, fillIns, maskSpans, jsonString, elidedLines } from './fillIns';
import type { ExampleProblem } from './json';
import { loadParser } from './lazy';
import { quotedSpans, within } from './quoted';
import { offsetOfLineColumn, visibleAt } from './offsets';

/** The first fault of a TOML example; `<placeholders>` outside strings stand for values, `...` lines for left-out content. */
export async function tomlProblem(text: string): Promise<ExampleProblem | undefined> {
  const elided = elidedLines(text);
  const { strings } = quotedSpans(text, { quotes: `"'`, escapes: true, comment: '#' });
  const values = fillIns(text).filter((span) => !within(span, strings));
  const masked = maskSpans(maskSpans(text, elided, blank), values, jsonString);
  const { tomlProblem: parse } = await loadParser('toml');
  const problem = parse(masked);
  if (!problem) return undefined;
  return { message: `Invalid TOML: ${problem.message}`, ...visibleAt(text, offsetOfLineColumn(text, problem.line, problem.column)) };
}

