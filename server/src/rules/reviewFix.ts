import { formatIsoDate, formatLike, type CalendarDate } from '../engine/review/dates';
import type { RuleContext } from '../engine/rule';
import type { ProposedFix } from '../engine/types';
import type { ReviewDate } from '../engine/review/review';

/** The id of every fix that writes a review date: a suggestion, as only a person can say the document was reviewed. */
export const REVIEW_DATE_TODAY = 'review-date-today';

/** The fix declarations of a rule whose findings offer today's review date. */
export const REVIEW_DATE_FIXES = { [REVIEW_DATE_TODAY]: 'suggestion' } as const;

/** Replaces the stated review date, wherever it was stated, with today's, written as the old one was ("18 Nov 2019"). */
export function setReviewDateToday(context: RuleContext, review: ReviewDate, today: CalendarDate): ProposedFix {
  const date = review.source === 'body' ? formatLike(review.value, today) : formatIsoDate(today);
  return {
    id: REVIEW_DATE_TODAY,
    title: `Set review date to today (${date})`,
    edits: [{ range: context.range(review.start, review.end), newText: date }],
  };
}
