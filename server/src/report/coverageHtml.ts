import type { CoverageReport } from '../engine/workspace/coverage';
import { typeLabel } from './typeLabel';

/**
 * The coverage report as a self-contained page: no script, no remote resource, and a
 * Content-Security-Policy that says so (the same page serves the editor's webview).
 */
export function coverageHtml(report: CoverageReport, options: { cspSource?: string; nonce?: string } = {}): string {
  const style = options.nonce ? `style-src 'nonce-${options.nonce}'` : `style-src 'unsafe-inline'`;
  const csp = `default-src 'none'; ${style}; img-src ${options.cspSource ?? "'none'"};`;
  const { totals } = report;
  const typeRows = report.types
    .map((t) => `<tr><td>${esc(t.title)} <code>${esc(t.type)}</code></td><td>${bar(t.coverage)} ${t.coverage}%</td><td>${t.documents}</td><td>${t.overdue}</td></tr>`)
    .join('');
  const docRows = report.documents
    .map(
      (d) =>
        `<tr><td>${esc(d.relativePath)}</td><td>${esc(typeLabel(d))}</td><td>${d.type ? `${d.sectionsPresent}/${d.sectionsRequired}` : '—'}</td><td>${esc(d.missingSections.join(', ') || '—')}</td><td class="review-${d.review}">${esc(d.review)}</td><td>${esc(d.lastReviewed ?? '—')}</td><td class="review-${d.drill ?? 'none'}">${esc(d.drill ? `${d.drill}${d.lastTested ? ` (${d.lastTested})` : ''}` : '—')}</td></tr>`,
    )
    .join('');
  const requiredRows = report.required
    .map((r) => `<tr><td>${esc(r.entry)}</td><td>${r.kind}</td><td class="${r.present ? 'ok' : 'missing'}">${r.present ? 'present' : 'missing'}</td><td>${esc(r.documents.join(', ') || '—')}</td></tr>`)
    .join('');
  const alertRows = report.alerts
    .map((a) => `<tr><td>${esc(a.alert)}</td><td>${esc(a.file)}:${a.line + 1}</td><td class="${a.runbook ? 'ok' : 'missing'}">${esc(a.runbook ?? (a.runbookUrl ? `missing (${a.runbookUrl})` : 'no runbook_url'))}</td></tr>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Documentation coverage</title>
<style${options.nonce ? ` nonce="${options.nonce}"` : ''}>
body { font-family: var(--vscode-font-family, system-ui, sans-serif); margin: 1.5rem; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
th, td { text-align: left; padding: .25rem .75rem; border-bottom: 1px solid rgba(128,128,128,.3); }
meter { width: 6rem; vertical-align: middle; }
.review-overdue, .review-invalid, .missing { color: #d33; font-weight: 600; }
.review-due-soon { color: #c80; }
</style>
</head>
<body>
<h1>Documentation coverage</h1>
<p>${totals.documents} documents · ${totals.coverage}% section coverage · ${totals.overdue} reviews overdue · ${totals.dueSoon} due soon · ${totals.drillsOverdue} drills overdue</p>
<h2>By type</h2>
<table><thead><tr><th>Area</th><th>Coverage</th><th>Documents</th><th>Overdue reviews</th></tr></thead><tbody>${typeRows}</tbody></table>
<h2>By document</h2>
<table><thead><tr><th>Document</th><th>Type</th><th>Sections</th><th>Missing</th><th>Review</th><th>Last reviewed</th><th>Drill</th></tr></thead><tbody>${docRows}</tbody></table>
${report.alerts.length > 0 ? `<h2>Alerts and their runbooks</h2>\n<table><thead><tr><th>Alert</th><th>Rule file</th><th>Runbook</th></tr></thead><tbody>${alertRows}</tbody></table>` : ''}
${report.required.length > 0 ? `<h2>Required documents</h2>\n<table><thead><tr><th>Required</th><th>Kind</th><th>Status</th><th>Documents</th></tr></thead><tbody>${requiredRows}</tbody></table>` : ''}
</body>
</html>
`;
}

/** A meter, not a styled span: inline style attributes are what a strict CSP forbids. */
function bar(percent: number): string {
  return `<meter min="0" max="100" low="60" high="90" optimum="100" value="${percent}"></meter>`;
}

function esc(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);
}
