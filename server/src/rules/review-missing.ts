import { documentAnchor, frontMatterBlock, insertFrontMatterKey } from '../engine/authoring/insertions';
import { formatIsoDate } from '../engine/review/dates';
import type { Rule } from '../engine/rule';
import type { ProposedFix } from '../engine/types';
import { REVIEW_DATE_TODAY } from './reviewFix';

export const reviewMissing: Rule = {
  id: 'review-missing',
  description: 'A typed document states no review date.',
  defaultSeverity: 'warning',
  // Both write today's date: a claim that somebody reviewed the document, which only a person can make.
  fixes: { [REVIEW_DATE_TODAY]: 'suggestion', 'add-front-matter': 'suggestion' },
  check({ doc, analysis, today, report, range, collection }) {
    // A stub (moved, deprecated, a pointer) has nothing to review.
    if (!analysis.type || analysis.stub || analysis.review.state !== 'none') return;
    // Front matter that does not parse may well hold the date: frontmatter-invalid speaks for it.
    if (doc.frontMatter && !doc.frontMatter.data) return;
    // A collection that states no review dates has not adopted them: one notice for it (reviewAdoptionNotice), not a warning here.
    if (!collection().reviewDatesAdopted) return;
    const anchor = documentAnchor(doc);
    const keyEdit = insertFrontMatterKey(doc, `last_reviewed: ${formatIsoDate(today)}`);
    const fix: ProposedFix = keyEdit
      ? { id: REVIEW_DATE_TODAY, title: 'Set last_reviewed to today', edits: [keyEdit] }
      : { id: 'add-front-matter', title: `Add front matter for type ${analysis.type.id}`, edits: [frontMatterBlock(doc, analysis.type, today, analysis.review.cycleText)] };
    report({
      message: `No review date: add last_reviewed to the front matter (${analysis.review.cycleText} review cycle)`,
      range: range(anchor.start, anchor.end),
      fixes: [fix],
    });
  },
};
