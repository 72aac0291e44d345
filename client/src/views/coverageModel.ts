import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CoverageReport, DocumentCoverage } from '../../../server/src/engine/workspace/coverage';
import { COVERAGE, COVERAGE_CHANGED, type CoverageResult } from '../../../server/src/lsp/protocol';

/** The workspace's coverage as the server last reported it; refreshed when the server says it changed. */
export class CoverageModel implements vscode.Disposable {
  private reports: CoverageResult['reports'] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private loading: Promise<void> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly client: LanguageClient) {
    this.subscription = client.onNotification(COVERAGE_CHANGED, () => void this.refresh());
  }

  get all(): CoverageResult['reports'] {
    return this.reports;
  }

  get loaded(): boolean {
    return this.loading !== undefined;
  }

  refresh(): Promise<void> {
    this.loading = (async () => {
      const result = await this.client.sendRequest<CoverageResult>(COVERAGE, {});
      this.reports = result.reports;
      this.changed.fire();
    })();
    return this.loading;
  }

  async ensureLoaded(): Promise<void> {
    await (this.loading ?? this.refresh());
  }

  documentAt(path: string): { root: string; report: CoverageReport; document: DocumentCoverage } | undefined {
    for (const entry of this.reports) {
      const document = entry.report.documents.find((d) => d.path === path);
      if (document) return { ...entry, document };
    }
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
