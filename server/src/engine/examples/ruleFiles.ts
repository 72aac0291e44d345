/**
 * The workspace's Prometheus rule files (the config's `alerts`, or those found by content), as example-promql reads
 * them: the names their recording rules record, and the faults of their queries, reported on
 * the rule files themselves (as alert-runbook-missing is).
 */
import type { OpsDocsConfig } from '../config/config';
import { LineIndex } from '../document/text';
import type { FileSystem } from '../fileSystem';
import { milder, type Finding, type Severity } from '../types';
import { alertSetOf } from '../workspace/alerts';
import { queryProblem } from './promql';
import { ruleFileQueries, type RuleFileQueries } from './ruleQueries';

export const EXAMPLE_PROMQL = 'example-promql';

const read = new WeakMap<OpsDocsConfig, { at: number; files: Map<string, { text: string; rules: RuleFileQueries }> }>();
const FRESH_MS = 5_000;

/** Each rule file's text and queries, read through the engine's file system, re-read after a few seconds. */
function ruleFilesOf(config: OpsDocsConfig, fs: FileSystem): Map<string, { text: string; rules: RuleFileQueries }> {
  const cached = read.get(config);
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.files;
  const files = new Map<string, { text: string; rules: RuleFileQueries }>();
  for (const { file } of alertSetOf(config, fs).files) {
    const text = fs.readFile(file) ?? '';
    files.set(file, { text, rules: ruleFileQueries(text) });
  }
  read.set(config, { at: Date.now(), files });
  return files;
}

/** The names the workspace's recording rules record; empty when the config names no rule files. */
export function recordedNames(config: OpsDocsConfig, fs: FileSystem): Set<string> {
  return new Set([...ruleFilesOf(config, fs).values()].flatMap((file) => file.rules.recorded));
}

/** example-promql findings on the rule files, by file (every rule file has an entry, so that fixed files are cleared). */
export async function ruleFileQueryFindings(config: OpsDocsConfig, fs: FileSystem): Promise<Map<string, Finding[]>> {
  const byFile = new Map<string, Finding[]>();
  const setting = config.rules[EXAMPLE_PROMQL]?.severity ?? 'error';
  if (setting === 'off') return byFile;
  const severity: Severity = setting;
  const recorded = recordedNames(config, fs);
  for (const [file, { text, rules }] of ruleFilesOf(config, fs)) {
    const findings: Finding[] = [];
    const lines = new LineIndex(text);
    for (const query of rules.queries) {
      const problem = await queryProblem(query.text, recorded);
      if (!problem) continue;
      const [start, end] = query.exact ? [query.start + problem.start, query.start + problem.end] : [query.start, query.end];
      findings.push({ rule: EXAMPLE_PROMQL, severity: milder(severity, problem.severity), message: problem.message, range: lines.range(start, end) });
    }
    byFile.set(file, findings);
  }
  return byFile;
}
