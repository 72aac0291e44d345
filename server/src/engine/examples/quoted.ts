import type { Span } from './fillIns';

/**
 * The quoted strings of a line-oriented language, scanned once from left to right (a regular
 * expression for them backtracks on unterminated quotes). A string ends at its closing quote or,
 * unterminated, at the end of its line; a backslash escapes the next character where `escapes`
 * allows; `comment` starts a comment that runs to the end of the line, outside strings.
 */
export function quotedSpans(text: string, options: { quotes: string; escapes?: boolean; comment?: string }): { strings: Span[]; comments: Span[] } {
  const strings: Span[] = [];
  const comments: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (options.comment && ch === options.comment) {
      const end = lineEnd(text, i);
      comments.push({ start: i, end });
      i = end;
    } else if (options.quotes.includes(ch)) {
      let j = i + 1;
      while (j < text.length && text[j] !== ch && text[j] !== '\n') j += options.escapes && text[j] === '\\' && text[j + 1] !== '\n' ? 2 : 1;
      const closed = text[j] === ch;
      if (closed) strings.push({ start: i, end: j + 1 });
      i = closed ? j : j - 1;
    }
  }
  return { strings, comments };
}

/** Whether a span lies inside one of the others. */
export function within(span: Span, spans: readonly Span[]): boolean {
  return spans.some((s) => span.start >= s.start && span.end <= s.end);
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
