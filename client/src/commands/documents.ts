import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RequiredDoc } from '../../../server/src/engine/workspace/coverage';
import { slug } from 'github-slugger';
import type { TemplateChoice } from '../../../server/src/engine/authoring/templates';
import { NEW_DOCUMENT, TEMPLATES, type NewDocumentParams, type TemplatesParams } from '../../../server/src/lsp/protocol';

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

/**
 * OpsDocs: New Document from Template… — a type (every configured type and workspace template),
 * a title and a folder; writes the document from the template and opens it.
 */
export async function newDocumentFromTemplate(client: LanguageClient, folder?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const root = (folder && vscode.workspace.getWorkspaceFolder(folder)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!root) {
    void vscode.window.showWarningMessage('OpsDocs: open a folder first; new documents go into the workspace.');
    return undefined;
  }
  const choices = await client.sendRequest<TemplateChoice[]>(TEMPLATES, { folder: (folder ?? root.uri).fsPath } satisfies TemplatesParams);
  const picked = await vscode.window.showQuickPick(
    choices.map((choice) => ({ label: choice.title, description: choice.id, detail: choice.file ? `${choice.description ?? ''} (workspace template)`.trim() : choice.description, choice })),
    { title: 'New Document from Template (1/3)', placeHolder: 'Type of document', matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return undefined;
  const title = await vscode.window.showInputBox({
    title: 'New Document from Template (2/3)',
    prompt: `Title of the new ${picked.choice.title.toLowerCase()}`,
    validateInput: (value) => (value.trim() ? undefined : 'A title is needed: it names the file too'),
  });
  if (!title) return undefined;
  const suggested = folder ? path.relative(root.uri.fsPath, folder.fsPath) : (picked.choice.folder ?? 'docs');
  const relativeFolder = await vscode.window.showInputBox({
    title: 'New Document from Template (3/3)',
    prompt: 'Folder of the new document, relative to the workspace folder',
    value: suggested,
  });
  if (relativeFolder === undefined) return undefined;
  const target = vscode.Uri.file(path.join(root.uri.fsPath, relativeFolder.trim(), `${slug(title.trim())}.md`));
  const text = await client.sendRequest<string>(NEW_DOCUMENT, { path: target.fsPath, type: picked.choice.id, title: title.trim() } satisfies NewDocumentParams);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`OpsDocs: ${vscode.workspace.asRelativePath(target)} exists already.`);
    return undefined;
  }
  await vscode.window.showTextDocument(target);
  return target;
}
