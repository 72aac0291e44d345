import { blank, fillIns, maskSpans, elidedLines } from './fillIns';
import type { ExampleProblem } from './json';
import { loadParser } from './lazy';
import { quotedSpans, within } from './quoted';
import { offsetOfByte } from './offsets';
import { sessionCode } from './transcript';

/** irb (`irb(main):001:0> `, `>> `, `?> `), pry (`[1] pry(main)> `) and RVM-style (`3.2.2 :001 > `) prompts. */
const PROMPT = /^(?:irb\([^)\n]*\):\d+:\d+[>*"'] ?|(?:\[\d+\] )?pry\([^)\n]*\)[>*] ?|\d+\.\d+\.\d+(?:-p\d+)? :\d+ [>*] ?|[>?]> )/;
/** The first syntax error of a Ruby example, a script or an irb/pry session. */
export async function rubyProblem(text: string): Promise<ExampleProblem | undefined> {
  const code = sessionCode(text, PROMPT) ?? text;
  const { strings } = quotedSpans(code, { quotes: `"'`, escapes: true, comment: '#' });
  const placeholders = fillIns(code).filter((span) => !within(span, strings));
  const masked = maskSpans(maskSpans(code, elidedLines(code), blank), placeholders, (length) => 'x'.repeat(length));
  const { rubyProblem: parse } = await loadParser('ruby');
  const problem = parse(masked);
  if (!problem) return undefined;
  const start = offsetOfByte(masked, problem.startByte);
  const end = offsetOfByte(masked, problem.startByte + problem.lengthBytes);
  if (placeholders.some((span) => start < span.end && end >= span.start)) return undefined;
  return { message: `Ruby: ${problem.message.replace(/, ignoring it$/, '')}`, start, end: Math.max(end, Math.min(start + 1, text.length)) };
}

