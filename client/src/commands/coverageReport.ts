import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { coverageHtml } from '../../../server/src/report/coverageHtml';
import type { CoverageModel } from '../views/coverageModel';

let panel: vscode.WebviewPanel | undefined;

/** OpsDocs: Show Coverage Report — a webview with no script and a nonce-only style policy. */
export async function showCoverageReport(context: vscode.ExtensionContext, coverage: CoverageModel): Promise<void> {
  await coverage.refresh();
  if (!panel) {
    panel = vscode.window.createWebviewPanel('opsdocs.coverageReport', 'Documentation Coverage', vscode.ViewColumn.Active, {
      enableScripts: false,
      localResourceRoots: [],
    });
    panel.onDidDispose(() => (panel = undefined), undefined, context.subscriptions);
    context.subscriptions.push(coverage.onDidChange(() => panel && render(panel, coverage)));
  }
  render(panel, coverage);
  panel.reveal();
}

function render(target: vscode.WebviewPanel, coverage: CoverageModel): void {
  const [first] = coverage.all;
  if (!first) {
    target.webview.html = '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\';"></head><body><p>No workspace folder.</p></body></html>';
    return;
  }
  target.webview.html = coverageHtml(first.report, { nonce: randomBytes(16).toString('base64'), cspSource: target.webview.cspSource });
}
