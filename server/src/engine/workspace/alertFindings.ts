import * as path from 'node:path';
import { alertsOf, runbookTarget, type AlertRule } from './alerts';
import { toPosix } from '../analysis';
import type { OpsDocsConfig } from '../config/config';
import type { FileSystem } from '../fileSystem';
import { LineIndex } from '../document/text';
import type { Finding, Severity } from '../types';

/** Not a per-document rule: it reads the config's alert rule files against the documentation set. */
export const ALERT_RUNBOOK_MISSING = {
  id: 'alert-runbook-missing',
  description: "An alert rule whose runbook_url names no existing runbook, or that has none (reported on the rule file).",
  defaultSeverity: 'warning' as Severity,
};

/** An alert and the runbook it leads to, for the coverage view and report. */
export interface AlertCoverage {
  alert: string;
  /** Rule file, relative to the config root. */
  file: string;
  line: number;
  runbookUrl?: string;
  /** The runbook, relative to the config root, when it exists. */
  runbook?: string;
}

export function alertCoverage(config: OpsDocsConfig, fs: FileSystem, documents: readonly string[]): AlertCoverage[] {
  const lines = new Map<string, LineIndex>();
  const lineOf = (alert: AlertRule) => {
    if (!lines.has(alert.file)) lines.set(alert.file, new LineIndex(fs.readFile(alert.file) ?? ''));
    return lines.get(alert.file)!.positionAt(alert.nameStart).line;
  };
  return alertsOf(config, fs).map((alert) => {
    const target = runbookTarget(alert, config, documents, fs);
    return {
      alert: alert.name,
      file: toPosix(path.relative(config.root, alert.file)),
      line: lineOf(alert),
      runbookUrl: alert.runbookUrl,
      runbook: target ? toPosix(path.relative(config.root, target)) : undefined,
    };
  });
}

/** alert-runbook-missing findings, by rule file. */
export function alertFindings(config: OpsDocsConfig, fs: FileSystem, documents: readonly string[]): Map<string, Finding[]> {
  const severity = config.rules[ALERT_RUNBOOK_MISSING.id]?.severity ?? ALERT_RUNBOOK_MISSING.defaultSeverity;
  const byFile = new Map<string, Finding[]>();
  if (severity === 'off') return byFile;
  for (const alert of alertsOf(config, fs)) {
    if (!byFile.has(alert.file)) byFile.set(alert.file, []);
    if (runbookTarget(alert, config, documents, fs)) continue;
    const lines = new LineIndex(fs.readFile(alert.file) ?? '');
    const [start, end] = alert.urlStart !== undefined ? [alert.urlStart, alert.urlEnd!] : [alert.nameStart, alert.nameEnd];
    const message = alert.runbookUrl
      ? `The runbook_url of alert ${alert.name} (${alert.runbookUrl}) names no runbook of this documentation set`
      : `Alert ${alert.name} has no runbook_url annotation`;
    byFile.get(alert.file)!.push({ rule: ALERT_RUNBOOK_MISSING.id, severity, message, range: lines.range(start, end) });
  }
  return byFile;
}
