import type { RunReport } from '../report';
import { oneBased, oneBasedRange } from './position';

/** The object SPEC.md fixes: files with their diagnostics, and a summary. */
export function formatJson(report: RunReport): string {
  const files = report.files.map((file) => ({
    path: file.relativePath,
    type: file.type ?? null,
    // How the type was found: front matter, a config glob, or inferred from the headings.
    typeSource: file.typeSource ?? null,
    diagnostics: file.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      ...oneBased(finding),
      ...(finding.fixes?.length && {
        fixes: finding.fixes.map((fix) => ({ kind: fix.kind, title: fix.title, edits: fix.edits.map((edit) => ({ ...oneBasedRange(edit.range), newText: edit.newText })) })),
      }),
    })),
  }));
  return JSON.stringify({ files, summary: report.summary }, null, 2) + '\n';
}
