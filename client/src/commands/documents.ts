import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RequiredDoc } from '../../../server/src/engine/coverage';
import { NEW_DOCUMENT, type NewDocumentParams } from '../../../server/src/lsp/protocol';

/** Asks the server for the edits of a document command and applies them as one undoable edit. */
export async function applyServerEdits(client: LanguageClient, method: string, uri: vscode.Uri | undefined, done?: string): Promise<boolean> {
  if (!uri || uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('OpsDocs: open a Markdown document first.');
    return false;
  }
  const edits = await client.sendRequest<Array<{ range: vscode.Range; newText: string }>>(method, { uri: uri.toString() });
  if (edits.length === 0) {
    void vscode.window.showInformationMessage('OpsDocs: nothing to change.');
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, edits.map((e) => vscode.TextEdit.replace(client.protocol2CodeConverter.asRange(e.range), e.newText)));
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied && done) void vscode.window.setStatusBarMessage(`OpsDocs: ${done}`, 3000);
  return applied;
}

/** Creates a document named by `requiredDocs` from its type's template and opens it. */
export async function createFromTemplate(client: LanguageClient, root: string, required: RequiredDoc): Promise<void> {
  const target = required.kind === 'path' ? path.resolve(root, required.entry) : await askPath(root, required.entry);
  if (!target) return;
  const params: NewDocumentParams = { path: target, type: required.kind === 'type' ? required.entry : undefined };
  const text = await client.sendRequest<string>(NEW_DOCUMENT, params);
  const uri = vscode.Uri.file(target);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
  await vscode.workspace.applyEdit(edit);
  await vscode.window.showTextDocument(uri);
}

async function askPath(root: string, type: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: `New ${type} document`,
    prompt: 'Path of the new document, relative to the workspace folder',
    value: `docs/${type}.md`,
    validateInput: (value) => (value.trim().endsWith('.md') ? undefined : 'The path must end in .md'),
  });
  return answer ? path.resolve(root, answer.trim()) : undefined;
}
