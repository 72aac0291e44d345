import * as path from 'node:path';
import { alertNames, alertSetOf, annotationKeys, ruleFilesDescription, setNamesDocuments } from '../engine/workspace/alerts';
import { documentAnchor } from '../engine/authoring/insertions';
import type { Rule } from '../engine/rule';

export const runbookOrphan: Rule = {
  id: 'runbook-orphan',
  description: 'An alert runbook that no alert rule names (by its runbook annotation or by the alert name as file name).',
  defaultSeverity: 'warning',
  check({ doc, analysis, config, fs, report, range }) {
    if (analysis.type?.id !== 'alert-runbook') return;
    if (path.basename(doc.path).startsWith('_index')) return;
    const set = alertSetOf(config, fs);
    // Without `alerts`, only rule files that name some document of this set speak for its runbooks.
    if (set.discovered ? !setNamesDocuments(set, config) : set.files.length === 0 && (config.alerts.files ?? []).length === 0) return;
    if (set.alerts.some((alert) => alertNames(alert, config, doc.path))) return;
    const anchor = documentAnchor(doc);
    report({
      message: `No alert rule names this runbook: no ${annotationKeys(config)} annotation in ${ruleFilesDescription(config, set)} points here and no alert is called ${path.basename(doc.path, path.extname(doc.path))}`,
      range: range(anchor.start, anchor.end),
    });
  },
};
