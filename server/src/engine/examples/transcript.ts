/**
 * Interactive sessions shown in code blocks (`>>> ` for Python, `irb(main):001:0> ` for Ruby):
 * the code is what follows each prompt, and the other lines are output.
 */
import { blank, maskSpans, type Span } from './fillIns';

/**
 * The session's code with the block's offsets: prompts and output lines blanked. Undefined when
 * no line starts with a prompt (the block is a script).
 */
export function sessionCode(text: string, prompt: RegExp): string | undefined {
  const spans: Span[] = [];
  let prompted = false;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const match = prompt.exec(text.slice(start, end));
    if (match) prompted = true;
    spans.push({ start, end: match ? start + match[0].length : end });
    start = end + 1;
  }
  return prompted ? maskSpans(text, spans.filter((s) => s.end > s.start), blank) : undefined;
}
