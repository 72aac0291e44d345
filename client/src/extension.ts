import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TRUSTED } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { createClient } from './server';
import { startReviewNotifications } from './views/reviewNotifications';
import { CoverageModel } from './views/coverageModel';
import { CoverageTree } from './views/coverageTree';
import { DocumentStatus } from './views/statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  context.subscriptions.push(client);
  await client.start();
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(TRUSTED)));
  const coverage = new CoverageModel(client);
  const tree = new CoverageTree(coverage);
  context.subscriptions.push(coverage, tree, new DocumentStatus(coverage));
  registerCommands(context, client, coverage, tree);
  startReviewNotifications(context, coverage);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
