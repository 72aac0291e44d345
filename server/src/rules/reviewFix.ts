import { formatIsoDate, type CalendarDate } from '../engine/review/dates';
import type { RuleContext } from '../engine/rule';
import type { Fix } from '../engine/types';
import type { ReviewDate } from '../engine/review/review';

/** Replaces the stated review date, wherever it was stated, with today's. */
export function setReviewDateToday(context: RuleContext, review: ReviewDate, today: CalendarDate): Fix {
  return {
    title: `Set review date to today (${formatIsoDate(today)})`,
    edits: [{ range: context.range(review.start, review.end), newText: formatIsoDate(today) }],
    isPreferred: true,
  };
}
