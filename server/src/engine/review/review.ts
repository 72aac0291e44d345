import { isMap, isPair, isScalar, Scalar } from 'yaml';
import { visit } from '../document/visit';
import type { OpsDocument } from '../document/parse';
import { toString } from 'mdast-util-to-string';
import type { Table } from 'mdast';
import { addCycle, daysBetween, leadingDate, parseCycle, parseIsoDate, parseStatedDate, type CalendarDate, type Cycle } from './dates';

/** Where a document states when it was last reviewed. */
export interface ReviewDate {
  source: 'frontmatter' | 'body';
  label: string;
  value: string;
  /** Offsets of the value alone, so a fix replaces just the date. */
  start: number;
  end: number;
  date?: CalendarDate;
}

export const REVIEW_KEYS = ['last_reviewed', 'last_updated', 'last-reviewed'];

/**
 * A line that states the review date starts with its label, after list and quote markers and
 * emphasis: `**Last Updated**: 2025-10-19`, `*Last Reviewed for accuracy:* 2019-11-18`,
 * `- **Last Reviewed:** …`, `Last review date: …`, `Reviewed on 18 Nov 2019`, `Review date: …`.
 */
const LABEL =
  /^[^\p{L}\p{N}\r\n]{0,12}(last[ \t_-]*(?:reviewed|review|updated|modified)(?:[ \t]+for[ \t]+\p{L}{1,20})?(?:[ \t]+(?:on|date))?|reviewed(?:[ \t]+on)?|review[ \t]+date|date[ \t]+reviewed)(?![\p{L}\p{N}])/iu;

/** Between a label and its date: emphasis, a colon or a dash. */
const SEPARATOR = /^[*_ \t:\u2013\u2014-]{0,12}/;

/** Up to three words: "2019-11-18", "18 Nov 2019", "November 18, 2019". */
const VALUE = /^\S+(?:[ \t]+\S+){0,2}/;

/** Text that a writer meant as a date, even if it is not one we accept. */
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|^\d{1,2}(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

export function findReviewDate(doc: OpsDocument): ReviewDate | undefined {
  return fromFrontMatter(doc) ?? fromBody(doc);
}

const REVIEW_KEY = new RegExp(`^(?:${REVIEW_KEYS.join('|')})[ \\t]*:`, 'm');
/** Between a label and its date, in a line of prose or a table row. */
const ROW_SEPARATOR = /^[|*_ \t:\u2013\u2014-]{0,16}/;

/**
 * Whether a document's text may state a review date, without parsing it: what `findReviewDate`
 * finds, and more (a date line in a code block counts), so that a collection is never taken to
 * state no dates when one of its documents does. Fast enough to read a whole collection with.
 */
export function mayStateReviewDate(text: string): boolean {
  if (!/review|updated|modified/i.test(text)) return false;
  const fm = frontMatterText(text);
  if (fm !== undefined && REVIEW_KEY.test(fm)) return true;
  for (const line of text.matchAll(/[^\r\n]+/g)) {
    const label = LABEL.exec(line[0]);
    if (!label) continue;
    const rest = line[0].slice(label[0].length);
    const value = trimDecoration(VALUE.exec(rest.slice(ROW_SEPARATOR.exec(rest)![0].length))?.[0] ?? '');
    if (DATE_LIKE.test(value)) return true;
  }
  return false;
}

/** The YAML between a document's opening and closing `---`, read as text. */
function frontMatterText(text: string): string | undefined {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*$/m.exec(rest);
  return close ? rest.slice(0, close.index) : undefined;
}

function fromFrontMatter(doc: OpsDocument): ReviewDate | undefined {
  const fm = doc.frontMatter;
  if (!fm?.data || !isMap(fm.yaml.contents)) return undefined;
  for (const pair of fm.yaml.contents.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !REVIEW_KEYS.includes(String(pair.key.value))) continue;
    if (!isScalar(pair.value) || !pair.value.range) return undefined;
    const value = String(pair.value.value);
    const quoted = pair.value.type === Scalar.QUOTE_DOUBLE || pair.value.type === Scalar.QUOTE_SINGLE;
    const start = fm.contentStart + pair.value.range[0] + (quoted ? 1 : 0);
    const end = fm.contentStart + pair.value.range[1] - (quoted ? 1 : 0);
    return { source: 'frontmatter', label: String(pair.key.value), value, start, end, date: parseIsoDate(value) };
  }
  return undefined;
}

/** The first line of prose, or row of a table, that states a review date. */
function fromBody(doc: OpsDocument): ReviewDate | undefined {
  let found: ReviewDate | undefined;
  visit(doc.tree, (node) => {
    if (found) return false;
    if (node.type === 'paragraph') found = fromLines(doc, node.position!.start.offset!, node.position!.end.offset!);
    else if (node.type === 'table') found = fromTable(doc, node as Table);
    return undefined;
  });
  return found;
}

function fromLines(doc: OpsDocument, start: number, end: number): ReviewDate | undefined {
  const source = doc.text.slice(start, end);
  for (const line of source.matchAll(/[^\r\n]+/g)) {
    const label = LABEL.exec(line[0]);
    if (!label) continue;
    const found = dateAfter(line[0], label[0].length, label[1], start + line.index!);
    if (found) return found;
  }
  return undefined;
}

/** A metadata table's row `| Last reviewed | 2019-11-18 |`: the label in one cell, the date in the next. */
function fromTable(doc: OpsDocument, table: Table): ReviewDate | undefined {
  for (const row of table.children) {
    const [labelCell, valueCell] = row.children;
    if (!labelCell || !valueCell?.position) continue;
    const label = LABEL.exec(toString(labelCell).trim());
    if (!label || !/^[*_:\s]*$/.test(toString(labelCell).trim().slice(label[0].length))) continue;
    const start = valueCell.position.start.offset!;
    const cell = doc.text.slice(start, valueCell.position.end.offset!).replace(/\|[ \t]*$/, '');
    const found = dateAfter(cell, /^[|*_ \t]*/.exec(cell)![0].length, label[1], start);
    if (found) return found;
  }
  return undefined;
}

/** The date stated at `from` in `text` (whose first character is at `offset` in the document), if one is. */
function dateAfter(text: string, from: number, label: string, offset: number): ReviewDate | undefined {
  const at = from + SEPARATOR.exec(text.slice(from))![0].length;
  const value = trimDecoration(VALUE.exec(text.slice(at))?.[0] ?? '');
  if (!DATE_LIKE.test(value)) return undefined;
  const token = leadingDate(value) ?? /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.exec(value)?.[0] ?? value;
  const start = offset + at;
  return { source: 'body', label, value: token, start, end: start + token.length, date: parseStatedDate(token) };
}

function trimDecoration(value: string): string {
  let end = value.length;
  while (end > 0 && '*_`|.,;)'.includes(value[end - 1])) end--;
  return value.slice(0, end).trim();
}

export type ReviewState = 'fresh' | 'due-soon' | 'overdue' | 'invalid' | 'none';

export interface ReviewStatus {
  state: ReviewState;
  review?: ReviewDate;
  cycle: Cycle;
  cycleText: string;
  due?: CalendarDate;
  /** Days until due (negative when overdue). */
  daysLeft?: number;
}

export function reviewStatus(
  review: ReviewDate | undefined,
  cycleText: string,
  warnDays: number,
  today: CalendarDate,
): ReviewStatus {
  const cycle = parseCycle(cycleText) ?? { amount: 3, unit: 'month' };
  if (!review) return { state: 'none', cycle, cycleText };
  if (!review.date || daysBetween(today, review.date) > 0) return { state: 'invalid', review, cycle, cycleText };
  const due = addCycle(review.date, cycle);
  const daysLeft = daysBetween(today, due);
  // A short cycle warns in its second half at most: a 2w review is not "due soon" the day it was made.
  const warnWindow = Math.min(warnDays, Math.floor(daysBetween(review.date, due) / 2));
  const state = daysLeft < 0 ? 'overdue' : daysLeft <= warnWindow ? 'due-soon' : 'fresh';
  return { state, review, cycle, cycleText, due, daysLeft };
}
