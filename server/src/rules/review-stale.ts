import { formatIsoDate } from '../engine/review/dates';
import type { Rule } from '../engine/rule';
import { REVIEW_DATE_FIXES, setReviewDateToday } from './reviewFix';

export const reviewStale: Rule = {
  id: 'review-stale',
  description: 'The review date is older than the review cycle.',
  defaultSeverity: 'warning',
  fixes: REVIEW_DATE_FIXES,
  check(context) {
    const { review: status } = context.analysis;
    if (status.state !== 'overdue' || !status.review) return;
    const days = -status.daysLeft!;
    context.report({
      message: `Review overdue by ${days} day${days === 1 ? '' : 's'}: last reviewed ${status.review.value}, due ${formatIsoDate(status.due!)} (${status.cycleText} cycle)`,
      range: context.range(status.review.start, status.review.end),
      fixes: [setReviewDateToday(context, status.review, context.today)],
    });
  },
};
