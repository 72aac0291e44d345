import type { Analysis } from '../analysis';
import { formatIsoDate, type CalendarDate } from '../review/dates';
import type { DocType, SectionSpec } from '../config/docTypes';
import type { OpsDocument } from '../document/parse';
import type { EntryMatch } from '../document/sections';
import type { TextEdit } from '../types';

/**
 * An edit that inserts a Markdown block at a line boundary, adding only the line
 * breaks needed to keep it a separate block. Nothing around it is touched.
 */
export function insertBlock(doc: OpsDocument, offset: number, lines: string[]): TextEdit {
  const eol = doc.lines.eol;
  // Line breaks normalised for the tests only: CR LF is one break, never two.
  const before = doc.text.slice(Math.max(0, offset - 200), offset).replace(/\r\n?/g, '\n');
  const after = doc.text.slice(offset, offset + 200).replace(/\r\n?/g, '\n');
  let prefix = '';
  if (offset > 0 && !before.endsWith('\n')) prefix = eol + eol;
  else if (offset > 0 && !/\n[ \t]*\n$/.test(before)) prefix = eol;
  const suffix = after.length === 0 || /^[ \t]*\n/.test(after) ? eol : eol + eol;
  const position = doc.lines.positionAt(offset);
  return { range: { start: position, end: position }, newText: prefix + lines.join(eol) + suffix };
}

/** The heading level required sections use in this document (that of their siblings, else 2). */
function sectionDepth(analysis: Analysis): number {
  return analysis.sections.find((s) => s.heading)?.heading?.depth ?? 2;
}

/** Inserts a missing section at its place in the type's order. */
export function insertSection(doc: OpsDocument, analysis: Analysis, missing: SectionSpec, guidance = missing.template): TextEdit {
  const order = analysis.sections.findIndex((s) => s.spec === missing);
  const next = analysis.sections.slice(order + 1).find((s) => s.heading)?.heading;
  const previous = analysis.sections.slice(0, order).reverse().find((s) => s.heading)?.heading;
  const offset = Math.min(next ? next.start : previous ? previous.sectionEnd : doc.text.length, openEnd(doc));
  const heading = `${'#'.repeat(sectionDepth(analysis))} ${missing.name}`;
  return insertBlock(doc, offset, [heading, '', ...guidance.split(/\r?\n/)]);
}

/** Inserts a missing part (Symptoms, Diagnosis, Resolution) at the end of a troubleshooting entry. */
export function insertEntryPart(doc: OpsDocument, entry: EntryMatch, part: SectionSpec): TextEdit {
  // Sub-headings need a deeper level; under a level-6 entry only a bold label stays inside it.
  const block =
    entry.usesBoldLabels || entry.heading.depth >= 6
      ? [`**${part.name}**: ${part.template}`]
      : [`${'#'.repeat(entry.heading.depth + 1)} ${part.name}`, '', part.template];
  return insertBlock(doc, Math.min(entry.heading.sectionEnd, openEnd(doc)), block);
}

/**
 * Where text appended to the document would still be Markdown: before a last block that
 * never closes (a fence without its closing fence, a comment without `-->`), which would
 * swallow anything put after it.
 */
function openEnd(doc: OpsDocument): number {
  const last = doc.tree.children[doc.tree.children.length - 1];
  if (!last?.position) return doc.text.length;
  const source = doc.text.slice(last.position.start.offset!, last.position.end.offset!);
  const unclosedFence = last.type === 'code' && /^[ \t]*(`{3,}|~{3,})/.test(source) && !isClosedFence(source);
  const unclosedHtml = last.type === 'html' && isUnclosedHtml(source.trimStart());
  return unclosedFence || unclosedHtml ? last.position.start.offset! : doc.text.length;
}

/** CommonMark's HTML blocks 1 to 5 run until their end marker; without it they take the rest of the document. */
const HTML_BLOCK_ENDS: Array<[RegExp, string]> = [
  [/^<(script|pre|style|textarea)[\s>]/i, '</'],
  [/^<!--/, '-->'],
  [/^<\?/, '?>'],
  [/^<![A-Za-z]/, '>'],
  [/^<!\[CDATA\[/, ']]>'],
];

function isUnclosedHtml(source: string): boolean {
  const kind = HTML_BLOCK_ENDS.find(([start]) => start.test(source));
  return kind !== undefined && !source.slice(2).includes(kind[1]);
}

function isClosedFence(source: string): boolean {
  const lines = source.split(/\r\n|\r|\n/);
  const fence = /^[ \t]*(`{3,}|~{3,})/.exec(lines[0])![1];
  const closing = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
  return lines.length > 1 && closing.test(lines[lines.length - 1]);
}

/**
 * Front matter with the keys a typed document should carry. No `owner: TODO`: a placeholder
 * written for the reader would be a finding the tool made itself.
 */
export function frontMatterBlock(doc: OpsDocument, type: DocType | undefined, today: CalendarDate, cycle: string, reviewer?: string): TextEdit {
  const eol = doc.lines.eol;
  const title = doc.headings.find((h) => h.depth === 1)?.text;
  const keys = [
    title ? `title: ${JSON.stringify(title)}` : undefined,
    type ? `type: ${type.id}` : undefined,
    `last_reviewed: ${formatIsoDate(today)}`,
    reviewer ? `reviewed_by: ${reviewer}` : undefined,
    `review_cycle: ${cycle}`,
  ].filter((line): line is string => line !== undefined);
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, newText: ['---', ...keys, '---', '', ''].join(eol) };
}

/** Adds a key at the end of existing front matter. */
export function insertFrontMatterKey(doc: OpsDocument, line: string): TextEdit | undefined {
  const fm = doc.frontMatter;
  if (!fm) return undefined;
  const eol = doc.lines.eol;
  const content = doc.text.slice(fm.contentStart, fm.contentEnd);
  const at = fm.contentEnd;
  const position = doc.lines.positionAt(at);
  const needsBreakBefore = content.length > 0;
  return { range: { start: position, end: position }, newText: needsBreakBefore ? eol + line : line + eol };
}

/** The range findings about the whole document point at: its title, else its first line after front matter. */
export function documentAnchor(doc: OpsDocument): { start: number; end: number } {
  const title = doc.headings.find((h) => h.depth === 1) ?? doc.headings[0];
  if (title) return { start: title.start, end: title.end };
  // The first block that is not front matter or a comment: a comment above it may silence the finding.
  const first = doc.tree.children.find((block) => block.type !== 'yaml' && !(block.type === 'html' && /^\s*<!--/.test(block.value)));
  const afterFrontMatter = doc.frontMatter ? doc.lines.positionAt(doc.frontMatter.end).line + 1 : 0;
  const line = Math.min(first?.position ? first.position.start.line - 1 : afterFrontMatter, doc.lines.lineCount - 1);
  return { start: doc.lines.lineStart(line), end: doc.lines.lineEnd(line) };
}
