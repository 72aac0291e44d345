import type { Analysis } from './analysis';
import { formatIsoDate, type CalendarDate } from './dates';
import type { DocType, SectionSpec } from './docTypes';
import type { OpsDocument } from './parse';
import type { EntryMatch } from './sections';
import type { TextEdit } from './types';

/**
 * An edit that inserts a Markdown block at a line boundary, adding only the line
 * breaks needed to keep it a separate block. Nothing around it is touched.
 */
export function insertBlock(doc: OpsDocument, offset: number, lines: string[]): TextEdit {
  const eol = doc.lines.eol;
  const before = doc.text.slice(0, offset);
  const after = doc.text.slice(offset);
  let prefix = '';
  if (before.length > 0 && !/(\r\n|\r|\n)$/.test(before)) prefix = eol + eol;
  else if (before.length > 0 && !/(\r\n|\r|\n)[ \t]*(\r\n|\r|\n)$/.test(before)) prefix = eol;
  const suffix = after.length === 0 || /^[ \t]*(\r\n|\r|\n)/.test(after) ? eol : eol + eol;
  const position = doc.lines.positionAt(offset);
  return { range: { start: position, end: position }, newText: prefix + lines.join(eol) + suffix };
}

/** The heading level required sections use in this document (that of their siblings, else 2). */
function sectionDepth(analysis: Analysis): number {
  return analysis.sections.find((s) => s.heading)?.heading?.depth ?? 2;
}

/** Inserts a missing section at its place in the type's order. */
export function insertSection(doc: OpsDocument, analysis: Analysis, missing: SectionSpec): TextEdit {
  const order = analysis.sections.findIndex((s) => s.spec === missing);
  const next = analysis.sections.slice(order + 1).find((s) => s.heading)?.heading;
  const previous = analysis.sections.slice(0, order).reverse().find((s) => s.heading)?.heading;
  const offset = next ? next.start : previous ? previous.sectionEnd : doc.text.length;
  const heading = `${'#'.repeat(sectionDepth(analysis))} ${missing.name}`;
  return insertBlock(doc, offset, [heading, '', missing.template]);
}

/** Inserts a missing part (Symptoms, Diagnosis, Resolution) at the end of a troubleshooting entry. */
export function insertEntryPart(doc: OpsDocument, entry: EntryMatch, part: SectionSpec): TextEdit {
  const block = entry.usesBoldLabels
    ? [`**${part.name}**: ${part.template}`]
    : [`${'#'.repeat(Math.min(entry.heading.depth + 1, 6))} ${part.name}`, '', part.template];
  return insertBlock(doc, entry.heading.sectionEnd, block);
}

/** Front matter with the keys a typed document should carry. */
export function frontMatterBlock(doc: OpsDocument, type: DocType | undefined, today: CalendarDate, cycle: string, reviewer?: string): TextEdit {
  const eol = doc.lines.eol;
  const title = doc.headings.find((h) => h.depth === 1)?.text;
  const keys = [
    title ? `title: ${JSON.stringify(title)}` : undefined,
    type ? `type: ${type.id}` : undefined,
    'owner: TODO',
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
  const afterFrontMatter = doc.frontMatter ? doc.lines.positionAt(doc.frontMatter.end).line + 1 : 0;
  const line = Math.min(afterFrontMatter, doc.lines.lineCount - 1);
  return { start: doc.lines.lineStart(line), end: doc.lines.lineEnd(line) };
}
