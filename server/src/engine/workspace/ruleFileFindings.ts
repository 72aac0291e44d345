import type { OpsDocsConfig } from '../config/config';
import { ruleFileQueryFindings } from '../examples/ruleFiles';
import type { FileSystem } from '../fileSystem';
import type { Finding } from '../types';
import { alertFindings } from './alertFindings';

/**
 * Findings on the config's Prometheus rule files, by file: alerts without a runbook
 * (alert-runbook-missing) and queries Prometheus would reject (example-promql). Every rule file
 * has an entry, so that a front end can clear the ones that were fixed.
 */
export async function ruleFileFindings(config: OpsDocsConfig, fs: FileSystem, documents: readonly string[]): Promise<Map<string, Finding[]>> {
  const byFile = alertFindings(config, fs, documents);
  for (const [file, findings] of await ruleFileQueryFindings(config, fs)) {
    const merged = [...(byFile.get(file) ?? []), ...findings].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    byFile.set(file, merged);
  }
  return byFile;
}
