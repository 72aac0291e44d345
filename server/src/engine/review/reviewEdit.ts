import type { Analysis } from '../analysis';
import { formatIsoDate, formatLike, type CalendarDate } from './dates';
import { frontMatterBlock, insertFrontMatterKey, insertSection } from '../authoring/insertions';
import type { OpsDocument } from '../document/parse';
import type { TextEdit } from '../types';

/**
 * Marks a document reviewed today: the stated date is replaced where it stands, else
 * `last_reviewed` joins the front matter (or front matter is added). With a reviewer,
 * `reviewed_by` is set too.
 */
export function markReviewedEdits(doc: OpsDocument, analysis: Analysis, today: CalendarDate, reviewer?: string): TextEdit[] {
  const date = formatIsoDate(today);
  const review = analysis.review.review;
  const edits: TextEdit[] = [];
  if (review) {
    edits.push({ range: doc.lines.range(review.start, review.end), newText: review.source === 'body' ? formatLike(review.value, today) : date });
  } else if (doc.frontMatter) {
    edits.push(insertFrontMatterKey(doc, `last_reviewed: ${date}`)!);
  } else {
    return [frontMatterBlock(doc, analysis.type, today, analysis.review.cycleText, reviewer)];
  }
  if (reviewer && doc.frontMatter) edits.push(...reviewerEdits(doc, reviewer));
  return edits;
}

function reviewerEdits(doc: OpsDocument, reviewer: string): TextEdit[] {
  const fm = doc.frontMatter!;
  const content = doc.text.slice(fm.contentStart, fm.contentEnd);
  const existing = /^reviewed_by:[ \t]*(.*)$/m.exec(content);
  if (!existing) return [insertFrontMatterKey(doc, `reviewed_by: ${reviewer}`)!];
  const start = fm.contentStart + existing.index + existing[0].length - existing[1].length;
  return [{ range: doc.lines.range(start, start + existing[1].length), newText: reviewer }];
}

/** Every missing required section, each at its place in the type's order. */
export function insertMissingSectionsEdits(doc: OpsDocument, analysis: Analysis): TextEdit[] {
  return analysis.sections.filter((s) => !s.heading).map((s) => insertSection(doc, analysis, s.spec));
}
