import type { Node, Point, Position } from 'unist';
import type { Root } from 'mdast';
import type { LineIndex } from './text';

/** A whole text's parser, and that of a text that is not the document's start (which cannot hold front matter). */
export interface Parsers {
  document: (text: string) => Root;
  fragment: (text: string) => Root;
}

/** What a reparse starts from: the last version's text and tree. */
export interface ParsedText {
  text: string;
  tree: Root;
  lines: LineIndex;
}

/**
 * The tree of `text` made from the tree of an earlier version of it: only the top-level blocks an
 * edit touched are parsed again (with one block either side, which a setext underline, a table's
 * delimiter row or an unclosed fence can change), and the blocks after the edit are moved by the
 * edit's length. Undefined where the result could differ from a full parse: the caller then parses
 * the whole text.
 *
 * A top-level block that ends where it ended before, as the same kind of block, leaves the parser
 * as the full parse would leave it there: CommonMark's only state beyond the open blocks is the
 * document's link and footnote definitions, so a text that may hold any is parsed whole.
 */
export function reparse(previous: ParsedText, text: string, lines: LineIndex, parse: Parsers): Root | undefined {
  if (mayDefine(text) || mayDefine(previous.text)) return undefined;
  const blocks = previous.tree.children;
  if (blocks.length === 0 || unclosedFrontMatter(previous, text)) return undefined;
  const edit = editBetween(previous.text, text);
  if (!edit) return previous.tree;
  const first = blocks.findIndex((block) => end(block) >= edit.start);
  const touched = first < 0 ? blocks.length - 1 : first;
  let last = touched;
  while (last + 1 < blocks.length && start(blocks[last + 1]) <= edit.oldEnd) last++;
  const from = Math.max(0, touched - 1);
  const to = Math.min(blocks.length - 1, last + 1);
  // Front matter is read only at the very start of a text: a fragment must not begin with it.
  if (from === 0 && blocks[0].type === 'yaml' && touched === 0) return undefined;

  const shift = text.length - previous.text.length;
  const fragmentStart = from === 0 ? 0 : lines.lineStart(lines.positionAt(start(blocks[from])).line);
  // The fragment ends with the line break after its last block, as that block ended before the rest of the text.
  const fragmentEnd = to === last ? text.length : lines.lineStart(lines.positionAt(end(blocks[to]) + shift).line + 1);
  const fragment = (fragmentStart === 0 ? parse.document : parse.fragment)(text.slice(fragmentStart, fragmentEnd)).children;
  if (fragment.length === 0) return undefined;
  const startLine = lines.positionAt(fragmentStart).line;
  for (const node of fragment) moveInPlace(node, startLine, fragmentStart);

  if (from < touched && !sameBlock(fragment[0], blocks[from], 0)) return undefined;
  if (to > last && !sameBlock(fragment[fragment.length - 1], blocks[to], shift)) return undefined;

  const lineShift = lines.lineCount - previous.lines.lineCount;
  const after = blocks.slice(to + 1).map((block) => moved(block, lineShift, shift));
  const endPoint = lines.positionAt(text.length);
  return {
    type: 'root',
    children: [...blocks.slice(0, from), ...fragment, ...after],
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: endPoint.line + 1, column: endPoint.character + 1, offset: text.length } },
  };
}

/** Link reference and footnote definitions apply to the whole document, wherever they stand. */
function mayDefine(text: string): boolean {
  return text.includes(']:') || text.includes('[^');
}

/**
 * A text that opens front matter it never closes: remark-frontmatter's failed attempt at its start
 * changes how lists are read through the rest of the text, so no block is parsed as it would be alone.
 */
function unclosedFrontMatter(previous: ParsedText, text: string): boolean {
  return (text.startsWith('---') || previous.text.startsWith('---')) && previous.tree.children[0].type !== 'yaml';
}

/** Where two texts differ: from their common prefix to their common suffix (`oldEnd` in the earlier text). */
function editBetween(before: string, after: string): { start: number; oldEnd: number } | undefined {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix === before.length && prefix === after.length) return undefined;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, oldEnd: before.length - suffix };
}

function start(node: Node): number {
  return node.position!.start.offset!;
}

function end(node: Node): number {
  return node.position!.end.offset!;
}

/**
 * The same blocks over the same source (moved by `shift`), down to their last inline node: the
 * parser stood where it stood before. (A block's own extent is not enough: where the text ends
 * decides where some nodes inside it end.)
 */
function sameBlock(reparsed: Node, before: Node, shift: number): boolean {
  if (reparsed.type !== before.type || start(reparsed) !== start(before) + shift || end(reparsed) !== end(before) + shift) return false;
  const children = 'children' in reparsed ? (reparsed.children as Node[]) : [];
  const earlier = 'children' in before ? (before.children as Node[]) : [];
  return children.length === earlier.length && children.every((child, index) => sameBlock(child, earlier[index], shift));
}

/** A fragment's fresh nodes, from positions in the fragment to positions in the document. */
function moveInPlace(node: Node, lines: number, offset: number): void {
  if (node.position) node.position = movedPosition(node.position, lines, offset);
  if ('children' in node) for (const child of node.children as Node[]) moveInPlace(child, lines, offset);
}

/** A copy of an earlier version's node, moved: the earlier tree stays as it was for whoever still reads it. */
function moved<T extends Node>(node: T, lines: number, offset: number): T {
  const copy = { ...node };
  if (node.position) copy.position = movedPosition(node.position, lines, offset);
  if ('children' in node) (copy as unknown as { children: Node[] }).children = (node.children as Node[]).map((child) => moved(child, lines, offset));
  return copy;
}

function movedPosition(position: Position, lines: number, offset: number): Position {
  return { start: movedPoint(position.start, lines, offset), end: movedPoint(position.end, lines, offset) };
}

function movedPoint(point: Point, lines: number, offset: number): Point {
  return { line: point.line + lines, column: point.column, offset: point.offset === undefined ? undefined : point.offset + offset };
}
