import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PROGRESS, VALIDATE_ALL, type ProgressParams, type ValidateAllResult } from '../../../server/src/lsp/protocol';
import type { CoverageModel } from '../views/coverageModel';

/** OpsDocs: Validate All Docs — every document of the workspace, with a cancellable progress notification. */
export async function validateAll(client: LanguageClient, coverage: CoverageModel): Promise<ValidateAllResult | undefined> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'OpsDocs: validating documents', cancellable: true },
    async (progress, token) => {
      let reported = 0;
      const listener = client.onNotification(PROGRESS, ({ done, total }: ProgressParams) => {
        const percent = total === 0 ? 100 : (done / total) * 100;
        progress.report({ message: `${done} of ${total}`, increment: percent - reported });
        reported = percent;
      });
      try {
        return await client.sendRequest<ValidateAllResult>(VALIDATE_ALL, {}, token);
      } catch (error) {
        if (token.isCancellationRequested) return undefined;
        throw error;
      } finally {
        listener.dispose();
      }
    },
  );
  if (!result || result.cancelled) {
    void vscode.window.showInformationMessage('OpsDocs: validation cancelled.');
    return result;
  }
  await coverage.refresh();
  const summary = `${result.documents} documents · ${result.errors} errors · ${result.warnings} warnings · ${result.coverage}% section coverage · ${result.overdue} reviews overdue`;
  void vscode.window.showInformationMessage(`OpsDocs: ${summary}`, 'Open Coverage View').then((choice) => {
    if (choice) void vscode.commands.executeCommand('opsdocs.coverage.focus');
  });
  return result;
}
