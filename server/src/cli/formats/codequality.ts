import { createHash } from 'node:crypto';
import type { Severity } from '../../engine/types';
import type { RunReport } from '../report';
import { oneBased } from './position';

/** GitLab's scale is info, minor, major, critical, blocker; as ESLint's GitLab formatter maps its levels. */
const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * The GitLab Code Quality report: a JSON array of issues (a subset of the Code Climate spec) that
 * the merge request widget compares between the source and the target branch by fingerprint.
 */
export function formatCodeQuality(report: RunReport): string {
  const issues = report.files.flatMap((file) => {
    const seen = new Map<string, number>();
    return file.findings.map((finding) => {
      // Stable across edits elsewhere in the file: no line number, only what the finding is and
      // which of its identical siblings, so a finding that merely moved is not "new" in the merge request.
      const identity = `${file.relativePath}\0${finding.rule}\0${finding.message}`;
      const occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
      return {
        description: finding.message,
        check_name: finding.rule,
        fingerprint: createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex'),
        severity: SEVERITY[finding.severity],
        location: { path: file.relativePath, lines: { begin: oneBased(finding).line } },
      };
    });
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
