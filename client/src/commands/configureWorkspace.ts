import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PROPOSE_CONFIG, type ProposeConfigParams, type ProposeConfigResult } from '../../../server/src/lsp/protocol';

/**
 * OpsDocs: Configure Workspace… — writes the `.opsdocs.yaml` the server proposes for a workspace
 * folder (`opsdocs init`'s, each choice commented) and opens it. Never overwrites: where the
 * folder has a config file, offers to open it instead.
 */
export async function configureWorkspace(client: LanguageClient): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder();
  if (!folder) return undefined;
  const result = await client.sendRequest<ProposeConfigResult>(PROPOSE_CONFIG, { folder: folder.uri.fsPath } satisfies ProposeConfigParams);
  const target = vscode.Uri.file(result.file);
  if (result.existing) return offerExisting(target);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(result.text ?? '') });
  // Refused when the file appeared since the server looked.
  if (!(await vscode.workspace.applyEdit(edit))) return offerExisting(target);
  await vscode.window.showTextDocument(target);
  void vscode.window.showInformationMessage(`OpsDocs: wrote ${vscode.workspace.asRelativePath(target)}: ${result.summary}. Each choice says why; keep, change or remove it.`);
  return target;
}

async function offerExisting(file: vscode.Uri): Promise<undefined> {
  const open = 'Open It';
  const answer = await vscode.window.showWarningMessage(`OpsDocs: ${vscode.workspace.asRelativePath(file)} exists already; Configure Workspace never overwrites a config.`, open);
  if (answer === open) await vscode.window.showTextDocument(file);
  return undefined;
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('OpsDocs: open a folder first; its .opsdocs.yaml is written there.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to configure' });
}
