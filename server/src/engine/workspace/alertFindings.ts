import * as path from 'node:path';
import { alertSetOf, annotationKeys, linkTarget, runbookLink, type AlertRule, type AlertSet } from './alerts';
import { toPosix } from '../analysis';
import type { OpsDocsConfig } from '../config/config';
import type { FileSystem } from '../fileSystem';
import { closest } from '../closest';
import { anchorsOf, MARKDOWN_FILE, targetDocument } from '../document/links';
import { slugFlavourFor } from '../document/slugs';
import { LineIndex } from '../document/text';
import type { Finding, Severity } from '../types';

/** Not a per-document rule: it reads the alert rule files against the documentation set. */
export const ALERT_RUNBOOK_MISSING = {
  id: 'alert-runbook-missing',
  description: 'An alert rule whose runbook annotation (runbook_url, runbook or link) names no existing runbook or heading, or that has none (reported on the rule file).',
  defaultSeverity: 'warning' as Severity,
};

/**
 * A notice, not a rule: a rule file, or one YAML document of it, that could not be read, so its
 * alerts go unchecked. A warning on the files `alerts` names; on files found by their content, info.
 */
export const RULE_FILE_UNREADABLE = {
  id: 'rule-file-unreadable',
  description: 'An alert rule file, or a YAML document of it, that OpsDocs could not read: its alerts are not checked.',
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
  const lines = lineIndexes(fs);
  return alertSetOf(config, fs).alerts.map((alert) => {
    const link = runbookLink(alert, config);
    const target = link && linkTarget(link, documents, fs);
    return {
      alert: alert.name,
      file: toPosix(path.relative(config.root, alert.file)),
      line: lines(alert.file).positionAt(alert.nameStart).line,
      runbookUrl: alert.runbook?.value,
      runbook: target ? toPosix(path.relative(config.root, target)) : undefined,
    };
  });
}

/** alert-runbook-missing findings and rule-file-unreadable notices, by rule file (every rule file read is a key). */
export function alertFindings(config: OpsDocsConfig, fs: FileSystem, documents: readonly string[]): Map<string, Finding[]> {
  const severity = config.rules[ALERT_RUNBOOK_MISSING.id]?.severity ?? ALERT_RUNBOOK_MISSING.defaultSeverity;
  const set = alertSetOf(config, fs);
  const lines = lineIndexes(fs);
  const byFile = new Map<string, Finding[]>();
  for (const ruleFile of set.files) {
    const index = lines(ruleFile.file);
    byFile.set(
      ruleFile.file,
      ruleFile.problems.map((problem) => ({
        rule: RULE_FILE_UNREADABLE.id,
        severity: set.discovered ? 'info' : 'warning',
        message: problem.message,
        range: index.range(problem.start, problem.end),
      })),
    );
  }
  if (severity === 'off') return byFile;
  const expectRunbooks = runbooksExpected(set);
  for (const alert of set.alerts) {
    if (!alert.checked) continue;
    const problem = runbookProblem(alert, config, fs, documents, set, expectRunbooks);
    if (!problem) continue;
    byFile.get(alert.file)!.push({ rule: ALERT_RUNBOOK_MISSING.id, severity, message: problem.message, range: lines(alert.file).range(problem.start, problem.end) });
  }
  return byFile;
}

/**
 * Rule files that `alerts` names need a runbook for every alert. Rule files found by their content
 * are held to the collection's own habit: alerts without a runbook are reported only where most
 * alerts carry one, and a web address is only reported when `alerts.baseUrl` says it lies here.
 */
function runbooksExpected(set: AlertSet): boolean {
  if (!set.discovered) return true;
  const checked = set.alerts.filter((a) => a.checked);
  return checked.filter((a) => a.runbook).length * 2 > checked.length;
}

function runbookProblem(
  alert: AlertRule,
  config: OpsDocsConfig,
  fs: FileSystem,
  documents: readonly string[],
  set: AlertSet,
  expectRunbooks: boolean,
): { message: string; start: number; end: number } | undefined {
  const link = runbookLink(alert, config);
  if (!link || !alert.runbook) {
    if (!expectRunbooks) return undefined;
    return { message: `Alert ${alert.name} has no runbook annotation (${annotationKeys(config)})`, start: alert.nameStart, end: alert.nameEnd };
  }
  const { key, value, start, end } = alert.runbook;
  const target = linkTarget(link, documents, fs);
  if (!target) {
    if (link.web && !link.underBase && set.discovered) return undefined;
    const templates = link.wildcard
      ? '; its templates were read as any name where the rule sets no such label'
      : link.expanded !== value ? `; with the rule's labels that is ${link.expanded}` : '';
    return { message: `The ${key} of alert ${alert.name} (${value}) names no runbook of this documentation set${templates}`, start, end };
  }
  if (!link.fragment || !MARKDOWN_FILE.test(target) || link.wildcard) return undefined;
  const runbook = targetDocument(fs, target);
  if (!runbook) return undefined;
  const anchors = anchorsOf(runbook, slugFlavourFor(config, target, fs));
  const fragment = link.fragment;
  if (anchors.some((anchor) => anchor.toLowerCase() === fragment.toLowerCase())) return undefined;
  // `#vacuum` for `#vacuum-stalls`: a heading that grew words since the link was written.
  const suggestion = closest(fragment, anchors) ?? anchors.find((anchor) => anchor.startsWith(fragment.toLowerCase()));
  const where = toPosix(path.relative(config.root, target));
  return {
    message: `The ${key} of alert ${alert.name} leads to ${where}, which has no heading #${fragment}${suggestion ? `; did you mean "#${suggestion}"?` : ''}`,
    start,
    end,
  };
}

function lineIndexes(fs: FileSystem): (file: string) => LineIndex {
  const indexes = new Map<string, LineIndex>();
  return (file) => {
    let index = indexes.get(file);
    if (!index) indexes.set(file, (index = new LineIndex(fs.readFile(file) ?? '')));
    return index;
  };
}
