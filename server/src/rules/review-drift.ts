import * as path from 'node:path';
import { formatIsoDate } from '../engine/review/dates';
import { gitRoot, lastChange } from '../engine/review/git';
import { referencedFiles } from '../engine/document/references';
import type { Rule } from '../engine/rule';

export const reviewDrift: Rule = {
  id: 'review-drift',
  description: 'Files the document references changed in git after its review date.',
  defaultSeverity: 'info',
  runsProgram: true,
  async check({ doc, analysis, config, fs, trusted, report, range }) {
    const review = analysis.review.review;
    if (!trusted || !review?.date || analysis.review.state === 'invalid') return;
    const root = gitRoot(fs, path.dirname(doc.path));
    if (!root) return;
    const reviewed = formatIsoDate(review.date);
    const files = referencedFiles(doc, fs, config.root);
    const changes = await Promise.all(files.map(async (file) => ({ file, change: await lastChange(root, file) })));
    const failed = changes.filter((c): c is { file: string; change: { failed: string } } => c.change !== undefined && 'failed' in c.change);
    if (failed.length > 0) {
      const first = path.relative(path.dirname(doc.path), failed[0].file);
      report({
        message: `git ${failed[0].change.failed}: whether ${failed.length === 1 ? first : `${first} and ${failed.length - 1} more referenced files`} changed after the review is not checked`,
        severity: 'info',
        range: range(review.start, review.end),
      });
    }
    for (const { file, change } of changes) {
      if (!change || 'failed' in change || change.date <= reviewed) continue;
      report({
        message: `${path.relative(path.dirname(doc.path), file)} changed on ${change.date} (commit ${change.commit}), after this document was last reviewed on ${reviewed}`,
        range: range(review.start, review.end),
      });
    }
  },
};
