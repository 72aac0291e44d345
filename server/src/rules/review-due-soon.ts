import { formatIsoDate } from '../engine/review/dates';
import type { Rule } from '../engine/rule';
import { REVIEW_DATE_FIXES, setReviewDateToday } from './reviewFix';

export const reviewDueSoon: Rule = {
  id: 'review-due-soon',
  description: 'The review falls due within review.warnDays.',
  defaultSeverity: 'info',
  fixes: REVIEW_DATE_FIXES,
  check(context) {
    const { review: status } = context.analysis;
    if (status.state !== 'due-soon' || !status.review) return;
    const days = status.daysLeft!;
    const when = days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`;
    context.report({
      message: `Review due ${when} (${formatIsoDate(status.due!)}, ${status.cycleText} cycle)`,
      range: context.range(status.review.start, status.review.end),
      fixes: [setReviewDateToday(context, status.review, context.today)],
    });
  },
};
