import { formatIsoDate, namesMonth } from '../engine/review/dates';
import type { Rule } from '../engine/rule';
import { REVIEW_DATE_FIXES, setReviewDateToday } from './reviewFix';

export const reviewInvalid: Rule = {
  id: 'review-invalid',
  description: 'A review date that is not a real YYYY-MM-DD date, or lies in the future.',
  defaultSeverity: 'error',
  fixes: REVIEW_DATE_FIXES,
  check(context) {
    const { review: status } = context.analysis;
    if (status.state !== 'invalid' || !status.review) return;
    const { value, date } = status.review;
    const message = date
      ? `Review date ${value} is in the future (today is ${formatIsoDate(context.today)})`
      : /^\d{4}-\d{2}-\d{2}$/.test(value) || namesMonth(value)
        ? `Review date "${value}" is not a real date`
        : `Review date "${value}" is not a date in YYYY-MM-DD form`;
    context.report({ message, range: context.range(status.review.start, status.review.end), fixes: [setReviewDateToday(context, status.review, context.today)] });
  },
};
