import type { CoverageReport } from '../engine/workspace/coverage';
import { typeLabel } from './typeLabel';

const REVIEW_LABEL = { fresh: 'fresh', 'due-soon': 'due soon', overdue: 'overdue', invalid: 'invalid date', none: 'none' } as const;
const DRILL_LABEL = { fresh: 'drilled', overdue: 'drill overdue', invalid: 'invalid date', none: 'never drilled' } as const;

/** The seeds' "coverage metrics" table, per type, then per document, then the manifest. */
export function coverageMarkdown(report: CoverageReport): string {
  const { totals } = report;
  const lines = [
    '# Documentation coverage',
    '',
    `${totals.documents} documents · ${totals.coverage}% section coverage · ${totals.overdue} reviews overdue · ${totals.dueSoon} due soon` +
      (totals.drillsOverdue > 0 ? ` · ${totals.drillsOverdue} drills overdue` : '') +
      (report.required.length > 0 ? ` · ${report.required.length - totals.requiredMissing} of ${report.required.length} required documents present` : ''),
    '',
    '## By type',
    '',
    '| Area | Coverage | Documents | Overdue reviews |',
    '|------|----------|-----------|-----------------|',
    ...report.types.map((t) => `| ${cell(t.title)} (\`${t.type}\`) | ${t.coverage}% (${t.sectionsPresent}/${t.sectionsRequired} sections) | ${t.documents} | ${t.overdue} |`),
    '',
    '## By document',
    '',
    '| Document | Type | Sections | Missing | Review | Last reviewed | Drill |',
    '|----------|------|----------|---------|--------|---------------|-------|',
    ...report.documents.map(
      (d) =>
        `| ${cell(d.relativePath)} | ${typeLabel(d)} | ${d.type ? `${d.sectionsPresent}/${d.sectionsRequired}` : '—'} | ${cell(d.missingSections.join(', ')) || '—'} | ${REVIEW_LABEL[d.review]} | ${d.lastReviewed ?? '—'} | ${d.drill ? `${DRILL_LABEL[d.drill]}${d.lastTested ? ` (${d.lastTested})` : ''}` : '—'} |`,
    ),
  ];
  if (report.required.length > 0) {
    lines.push('', '## Required documents', '', '| Required | Kind | Present | Documents |', '|----------|------|---------|-----------|');
    for (const r of report.required) lines.push(`| ${cell(r.entry)} | ${r.kind} | ${r.present ? 'yes' : '**missing**'} | ${cell(r.documents.join(', ')) || '—'} |`);
  }
  if (report.alerts.length > 0) {
    lines.push('', '## Alerts and their runbooks', '', '| Alert | Rule file | Runbook |', '|-------|-----------|---------|');
    for (const a of report.alerts) lines.push(`| ${cell(a.alert)} | ${cell(a.file)}:${a.line + 1} | ${a.runbook ? cell(a.runbook) : a.runbookUrl ? `**missing** (${cell(a.runbookUrl)})` : '**no runbook_url**'} |`);
  }
  return lines.join('\n') + '\n';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
