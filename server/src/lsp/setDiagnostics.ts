import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { ruleFileFindings } from '../engine/workspace/ruleFileFindings';
import type { ConfigProblem } from '../engine/config/config';
import type { CoverageReport } from '../engine/workspace/coverage';
import type { Engine } from '../engine/engine';
import { requiredDocsFindings } from '../engine/workspace/requiredDocs';
import { LineIndex } from '../engine/document/text';
import { ruleDocumentationUrl } from '../engine/ruleDocs';
import type { Finding } from '../engine/types';
import { toDiagnostic } from './convert';
import { reviewAdoptionNotice } from '../engine/review/adoption';
import { reviewMissing } from '../rules/review-missing';

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
  /** The review-date notice of each collection that states none, by the document it is shown on. */
  private notices = new Map<string, Finding>();

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
      codeDescription: { href: ruleDocumentationUrl('config')! },
      message: p.severity === 'error' ? `${p.message} (OpsDocs keeps the last valid settings, or the defaults, until this is fixed)` : p.message,
    }));
    diagnostics.push(...manifest.map((f) => toDiagnostic(f, 0)));
    await this.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  }

  /** Forgets every notice (they may no longer hold); returns the documents that showed one. */
  dropNotices(): string[] {
    const files = [...this.notices.keys()];
    this.notices.clear();
    return files;
  }

  /** The set-level findings shown on a document, besides its own (the review-date notice). */
  noticesFor(file: string): Finding[] {
    const notice = this.notices.get(file);
    return notice ? [notice] : [];
  }

  /**
   * Re-reads what each workspace folder's config asks of the whole set: the manifest, the alerts,
   * and whether the set states review dates. Returns the documents whose notices changed.
   */
  async showSet(engine: Engine, reports: Array<{ root: string; report: CoverageReport }>): Promise<string[]> {
    const shown = new Set<string>();
    const notices = new Map<string, Finding>();
    for (const { root, report } of reports) {
      const { config, problems } = engine.configs.resolveFolder(root);
      const notice = reviewAdoptionNotice(config, report.documents, engine.reviewAdoption.adopted(config), reviewMissing.defaultSeverity);
      if (notice) notices.set(notice.path, notice.finding);
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
    const changed = [...new Set([...this.notices.keys(), ...notices.keys()])].filter((file) => this.notices.get(file)?.message !== notices.get(file)?.message);
    this.notices = notices;
    return changed;
  }
}
