import { blank, fillIns, maskSpans, spansOf } from './fillIns';
import type { ExampleProblem } from './json';
import { loadParser } from './lazy';
import { quotedSpans, within } from './quoted';
import { lineEndAt } from './offsets';
import { sessionCode } from './transcript';

/** The interpreter's prompts: `>>> ` and `... ` (a line of its own, `...`, is a continuation too). */
const PROMPT = /^(?:>>>|\.\.\.)(?: |$)/;
/** IPython and Jupyter sessions (`In [1]: `): their magics (`%timeit`, `!ls`) are not Python. */
const IPYTHON = /^In \[\d+\]: /m;
/** `…` left for omitted code (`...` is Python's Ellipsis, and parses). */
const ELISION = /…/g;
/** A shell command where Python was expected (`pip install`, `python -m`). */
const SHELL_COMMAND = /^\s*(?:\$ |(?:sudo )?(?:pip3?|python3?|pipx|poetry|conda|uv) [-\w])/;
/** Statements whose header ends with a colon. */
const COMPOUND = /^\s*(?:if|elif|else|for|while|def|class|try|except|finally|with|async|match|case)\b/;

/** The first syntax error of a Python example, a script or an interpreter session. */
export async function pythonProblem(text: string): Promise<ExampleProblem | undefined> {
  if (IPYTHON.test(text)) return undefined;
  const code = sessionCode(text, PROMPT) ?? text;
  const { strings } = quotedSpans(code, { quotes: `"'`, escapes: true, comment: '#' });
  const placeholders = fillIns(code).filter((span) => !within(span, strings));
  const masked = maskSpans(maskSpans(code, spansOf(code, ELISION), blank), placeholders, (length) => 'x'.repeat(length));
  const { pythonError } = await loadParser('python');
  const error = pythonError(masked);
  if (!error || placeholders.some((span) => error.at <= span.end && error.end >= span.start)) return undefined;
  return describe(masked, error);
}

function describe(code: string, error: { at: number; end: number; within: string }): ExampleProblem {
  const lineStart = code.lastIndexOf('\n', error.at - 1) + 1;
  const line = code.slice(lineStart, lineEndAt(code, error.at));
  if (SHELL_COMMAND.test(line)) {
    return { message: 'Python: this line is a shell command, not Python; show it in a bash or console block', start: lineStart + line.search(/\S/), end: lineStart + line.trimEnd().length };
  }
  const token = /^[ \t]*(\w+|\S)/.exec(code.slice(error.at, lineEndAt(code, error.at)));
  if (token) {
    const start = error.at + token[0].length - token[1].length;
    return { message: `Python: unexpected \`${token[1]}\``, start, end: start + token[1].length };
  }
  // The error is at the end of a line: something the line opened or promised is missing.
  const before = code.slice(lineStart, error.at);
  const at = Math.max(lineStart, lineStart + before.trimEnd().length - 1);
  const open = unclosed(code.slice(0, error.at));
  const reason = open
    ? `\`${open}\` is not closed`
    : COMPOUND.test(before) && !before.trimEnd().endsWith(':')
      ? 'expected `:` at the end of the line'
      : error.within === 'Body'
        ? 'expected an indented block'
        : 'the statement is incomplete';
  return { message: `Python: ${reason}`, start: at, end: Math.max(at + 1, lineStart + before.trimEnd().length) };
}

function unclosed(code: string): string | undefined {
  const opened: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const { strings, comments } = quotedSpans(code, { quotes: `"'`, escapes: true, comment: '#' });
  for (const ch of maskSpans(code, [...strings, ...comments].sort((a, b) => a.start - b.start), blank)) {
    if ('([{'.includes(ch)) opened.push(ch);
    else if (ch in pairs && opened.at(-1) === pairs[ch]) opened.pop();
  }
  return opened.at(-1);
}

