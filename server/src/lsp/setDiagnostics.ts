import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { ruleFileFindings } from '../engine/workspace/ruleFileFindings';
import type { ConfigProblem } from '../engine/config/config';
import type { CoverageReport } from '../engine/workspace/coverage';
import type { Engine } from '../engine/engine';
import { requiredDocsFindings } from '../engine/workspace/requiredDocs';
import { LineIndex } from '../engine/document/text';
import type { Finding } from '../engine/types';
import { toDiagnostic } from './convert';

/**
 * Diagnostics on the files that describe the documentation set rather than document it:
 * the config file (its own problems and the `requiredDocs` manifest) and alert rule files.
 */
export class SetDiagnostics {
  /** Config files showing diagnostics, so that fixed ones are cleared. */
  private readonly configsShown = new Set<string>();
  /** Missing `requiredDocs` entries per config file, as of the last look at the whole workspace. */
  private readonly manifest = new Map<string, Finding[]>();
  /** Rule files that last had findings (alert-runbook-missing, example-promql). */
  private alertFilesShown = new Set<string>();

  constructor(private readonly connection: Connection) {}

  async showConfig(file: string, text: string, problems: ConfigProblem[]): Promise<void> {
    const manifest = this.manifest.get(file) ?? [];
    if (problems.length === 0 && manifest.length === 0 && !this.configsShown.has(file)) return;
    if (problems.length + manifest.length > 0) this.configsShown.add(file);
    else this.configsShown.delete(file);
    const lines = new LineIndex(text);
    const diagnostics: Diagnostic[] = problems.map((p) => ({
      range: lines.range(p.start, p.end),
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'opsdocs',
      code: 'config',
      message: p.severity === 'error' ? `${p.message} (OpsDocs keeps the last valid settings, or the defaults, until this is fixed)` : p.message,
    }));
    diagnostics.push(...manifest.map((f) => toDiagnostic(f, 0)));
    await this.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  }

  /** Re-reads what each workspace folder's config asks of the whole set: the manifest and the alerts. */
  async showSet(engine: Engine, reports: Array<{ root: string; report: CoverageReport }>): Promise<void> {
    const shown = new Set<string>();
    for (const { root, report } of reports) {
      const { config, problems } = engine.configs.resolveFolder(root);
      for (const [file, findings] of await ruleFileFindings(config, engine.fs, report.documents.map((d) => d.path))) {
        if (findings.length > 0) shown.add(file);
        await this.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: findings.map((f) => toDiagnostic(f, 0)) });
      }
      if (!config.file) continue;
      const text = engine.fs.readFile(config.file) ?? '';
      this.manifest.set(config.file, requiredDocsFindings(config, text, report.required));
      await this.showConfig(config.file, text, problems);
    }
    for (const file of this.alertFilesShown) if (!shown.has(file)) await this.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
    this.alertFilesShown = shown;
  }
}
