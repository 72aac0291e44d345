import { isMap, isPair, isScalar, Scalar } from 'yaml';
import { visit } from 'unist-util-visit';
import type { OpsDocument } from '../document/parse';
import { addCycle, daysBetween, parseCycle, parseIsoDate, type CalendarDate, type Cycle } from './dates';

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

/** `**Last Updated**: 2025-10-19`, `Last reviewed: 2025-10-19`, `- **Last Reviewed:** 2025-10-19`. */
const BODY_LINE =
  /^[ \t]*(?:[-*+][ \t]+)?(?:(?:\*\*|__)[ \t]*)?(last[ \t_-]*(?:reviewed|updated|review(?:ed)?[ \t]+(?:on|date)|modified))[ \t]*(?:(?:\*\*|__)[ \t]*)?:[ \t]*(?:(?:\*\*|__)[ \t]*)?(\S+(?:[ \t]+\S+){0,2})/gim;

/** Text that a writer meant as a date, even if it is not one we accept. */
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i;

export function findReviewDate(doc: OpsDocument): ReviewDate | undefined {
  return fromFrontMatter(doc) ?? fromBody(doc);
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

function fromBody(doc: OpsDocument): ReviewDate | undefined {
  let found: ReviewDate | undefined;
  visit(doc.tree, 'paragraph', (node) => {
    if (found) return false;
    const start = node.position!.start.offset!;
    const source = doc.text.slice(start, node.position!.end.offset!);
    for (const match of source.matchAll(BODY_LINE)) {
      const value = trimDecoration(match[2]);
      if (!DATE_LIKE.test(value)) continue;
      const token = /^\d{4}-\d{2}-\d{2}(?![\d-])/.exec(value)?.[0] ?? value;
      const at = start + match.index! + match[0].lastIndexOf(match[2]);
      found = { source: 'body', label: match[1], value: token, start: at, end: at + token.length, date: parseIsoDate(token) };
      return false;
    }
    return undefined;
  });
  return found;
}

function trimDecoration(value: string): string {
  let end = value.length;
  while (end > 0 && '*_`'.includes(value[end - 1])) end--;
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
