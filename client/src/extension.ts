import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TRUSTED } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { extendMarkdownIt } from './preview/markdownIt';
import { createClient } from './server';
import { startReviewNotifications } from './views/reviewNotifications';
import { CoverageModel } from './views/coverageModel';
import { CoverageTree } from './views/coverageTree';
import { DocumentStatus } from './views/statusBar';

let client: LanguageClient | undefined;

/** Returns the Markdown preview plugin: VS Code calls `extendMarkdownIt` when the preview opens. */
export async function activate(context: vscode.ExtensionContext): Promise<{ extendMarkdownIt: typeof extendMarkdownIt }> {
  client = createClient(context);
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (error) {
    // Diagrams in the preview do not need the server: keep them even when it cannot start.
    void vscode.window.showErrorMessage(`OpsDocs: the language server did not start: ${String(error)}`);
    return { extendMarkdownIt };
  }
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(TRUSTED)));
  const coverage = new CoverageModel(client);
  const tree = new CoverageTree(coverage);
  context.subscriptions.push(coverage, tree, new DocumentStatus(coverage));
  registerCommands(context, client, coverage, tree);
  startReviewNotifications(context, coverage);
  return { extendMarkdownIt };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
