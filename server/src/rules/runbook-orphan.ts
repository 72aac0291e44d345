import * as path from 'node:path';
import { alertNames, alertsOf } from '../engine/workspace/alerts';
import { documentAnchor } from '../engine/authoring/insertions';
import type { Rule } from '../engine/rule';

export const runbookOrphan: Rule = {
  id: 'runbook-orphan',
  description: 'An alert runbook that no alert rule names (by runbook_url or by the alert name as file name).',
  defaultSeverity: 'warning',
  check({ doc, analysis, config, fs, report, range }) {
    if (analysis.type?.id !== 'alert-runbook' || config.alerts.length === 0) return;
    if (path.basename(doc.path).startsWith('_index')) return;
    const alerts = alertsOf(config, fs);
    if (alerts.some((alert) => alertNames(alert, config, doc.path))) return;
    const anchor = documentAnchor(doc);
    report({
      message: `No alert rule names this runbook: no runbook_url in ${config.alerts.join(', ')} points here and no alert is called ${path.basename(doc.path, path.extname(doc.path))}`,
      range: range(anchor.start, anchor.end),
    });
  },
};
