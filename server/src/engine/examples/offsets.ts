/** Parsers count places in their own units; the example rules count UTF-16 offsets into the block. */

/** The offset of a 1-based line and column. */
export function offsetOfLineColumn(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(column - 1, 0), text.length);
}

/** The offset of a 0-based line and character. */
export function offsetOfPosition(text: string, position: { line: number; character: number }): number {
  return offsetOfLineColumn(text, position.line + 1, position.character + 1);
}

/** The offset of a UTF-8 byte offset (WebAssembly parsers count bytes). */
export function offsetOfByte(text: string, byte: number): number {
  return Buffer.from(text, 'utf8').subarray(0, byte).toString('utf8').length;
}

/** The offset of a code point offset (PostgreSQL counts characters). */
export function offsetOfCodePoint(text: string, codePoint: number): number {
  let offset = 0;
  for (let i = 0; i < codePoint && offset < text.length; i++) offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  return offset;
}

/** The end of the offset's line. */
export function lineEndAt(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

/** One character to show a fault at: a fault at the end of a line is shown on the line's last character. */
export function visibleAt(text: string, offset: number): { start: number; end: number } {
  let at = Math.min(offset, text.length);
  if (at < text.length && text[at] !== '\n' && text[at] !== '\r') return { start: at, end: at + 1 };
  while (at > 0 && /\s/.test(text[at - 1]) && text[at - 1] !== '\n') at--;
  return at > 0 && text[at - 1] !== '\n' ? { start: at - 1, end: at } : { start: at, end: at };
}
