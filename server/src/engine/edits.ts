import { LineIndex } from './document/text';
import type { TextEdit } from './types';

/** Applies non-overlapping edits, given against the same original text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const located = edits
    .map((edit, index) => ({ index, start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    // From the end backwards, so earlier offsets stay valid; inserts at one offset keep their given order.
    .sort((a, b) => b.start - a.start || b.end - a.end || b.index - a.index);
  let result = text;
  for (const edit of located) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
