import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TRUSTED, type ServerSettings } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { settings } from './config';
import { openDiagramPreview } from './preview/diagramPanel';
import { extendMarkdownIt } from './preview/markdownIt';
import { createClient } from './server';
import { registerTasks } from './tasks';
import { startReviewNotifications } from './views/reviewNotifications';
import { CoverageModel } from './views/coverageModel';
import { CoverageTree } from './views/coverageTree';
import { DocumentStatus } from './views/statusBar';

/** What runs while OpsDocs is enabled for the workspace (`opsdocs.enable`): the server and all that uses it. */
interface Checks {
  client: LanguageClient;
  disposables: vscode.Disposable[];
}

let checks: Promise<Checks | undefined> | undefined;

/** Returns the Markdown preview plugin: VS Code calls `extendMarkdownIt` when the preview opens. */
export async function activate(context: vscode.ExtensionContext): Promise<{ extendMarkdownIt: typeof extendMarkdownIt }> {
  // Diagrams and tasks need no server: they stay whatever opsdocs.enable says.
  context.subscriptions.push(registerTasks(context), vscode.commands.registerCommand('opsdocs.openDiagramPreview', () => openDiagramPreview(context)));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('opsdocs.enable')) void (settings.enabled() ? startChecks(context) : stopChecks());
      else if (event.affectsConfiguration('opsdocs.run')) void sendSettings();
    }),
    { dispose: () => void stopChecks() },
  );
  if (settings.enabled()) await startChecks(context);
  return { extendMarkdownIt };
}

export async function deactivate(): Promise<void> {
  await stopChecks();
}

function startChecks(context: vscode.ExtensionContext): Promise<Checks | undefined> {
  checks ??= startServerAndViews(context);
  return checks;
}

async function startServerAndViews(context: vscode.ExtensionContext): Promise<Checks | undefined> {
  const disposables: vscode.Disposable[] = [];
  // The modules below keep what they register in `context.subscriptions`: here, this run's list, so that turning OpsDocs off disposes of it.
  const scoped = Object.create(context, { subscriptions: { value: disposables } }) as vscode.ExtensionContext;
  const client = createClient(context);
  try {
    await client.start();
  } catch (error) {
    void vscode.window.showErrorMessage(`OpsDocs: the language server did not start: ${String(error)}`);
    return undefined;
  }
  disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client.sendNotification(TRUSTED)));
  const coverage = new CoverageModel(client);
  const tree = new CoverageTree(coverage);
  disposables.push(coverage, tree, new DocumentStatus(coverage));
  registerCommands(scoped, client, coverage, tree);
  startReviewNotifications(scoped, coverage);
  return { client, disposables };
}

async function stopChecks(): Promise<void> {
  const running = await checks;
  checks = undefined;
  if (!running) return;
  for (const disposable of running.disposables) disposable.dispose();
  await running.client.stop();
}

async function sendSettings(): Promise<void> {
  const running = await checks;
  const opsdocs: ServerSettings = { run: settings.run() };
  await running?.client.sendNotification('workspace/didChangeConfiguration', { settings: { opsdocs } });
}
