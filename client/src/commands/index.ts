import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CoverageModel } from '../views/coverageModel';
import type { CoverageNode, CoverageTree } from '../views/coverageTree';
import { configureWorkspace } from './configureWorkspace';
import { showCoverageReport } from './coverageReport';
import { applyServerEdits, createFromTemplate, newDocumentFromTemplate } from './documents';
import { searchDocs } from './searchDocs';
import { validateAll } from './validateAll';

/** Every command of the extension, one small function each. */
export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, coverage: CoverageModel, tree: CoverageTree): void {
  const register = (id: string, run: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register('opsdocs.validateAll', () => validateAll(client, coverage));
  register('opsdocs.configureWorkspace', () => configureWorkspace(client));
  register('opsdocs.newDocument', (folder?: vscode.Uri) => newDocumentFromTemplate(client, folder instanceof vscode.Uri ? folder : undefined));
  register('opsdocs.showCoverageReport', () => showCoverageReport(context, coverage));
  register('opsdocs.markReviewed', (node?: CoverageNode) => applyServerEdits(client, 'opsdocs/markReviewed', documentUri(node), 'Marked as reviewed today'));
  register('opsdocs.insertMissingSections', (node?: CoverageNode) => applyServerEdits(client, 'opsdocs/insertMissingSections', documentUri(node)));
  register('opsdocs.coverage.refresh', () => coverage.refresh());
  register('opsdocs.coverage.open', (node: CoverageNode) => node.kind === 'document' && vscode.commands.executeCommand('vscode.open', vscode.Uri.file(node.document.path)));
  register('opsdocs.coverage.reveal', (node: CoverageNode) => node.kind === 'document' && vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(node.document.path)));
  register('opsdocs.coverage.createFromTemplate', (node: CoverageNode) => node.kind === 'missing' && createFromTemplate(client, node.root, node.required));
  register('opsdocs.revealActiveInCoverage', () => revealActive(tree));
  register('opsdocs.searchDocs', () => searchDocs(client));
}

/** The document a command acts on: the tree node it was invoked on, else the active editor. */
function documentUri(node?: CoverageNode): vscode.Uri | undefined {
  if (node?.kind === 'document') return vscode.Uri.file(node.document.path);
  return vscode.window.activeTextEditor?.document.uri;
}

async function revealActive(tree: CoverageTree): Promise<void> {
  const file = vscode.window.activeTextEditor?.document.uri.fsPath;
  await vscode.commands.executeCommand('opsdocs.coverage.focus');
  const node = file ? tree.nodeFor(file) : undefined;
  if (node) await tree.view.reveal(node, { select: true, focus: true });
}
