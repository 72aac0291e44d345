import * as path from 'node:path';
import * as vscode from 'vscode';
import { PlantUmlService, resolveRenderer, type InspectedSetting } from './plantuml';
import { PlantUmlPreview } from './plantumlPreview';

/**
 * PlantUML in the extension host: the settings and workspace trust pick a renderer (read with
 * `inspect()`, so a path or URL from workspace settings can be told from the user's own), one
 * service per choice keeps the cache, and the preview's blocks are answered by PlantUmlPreview.
 */

let current: { snapshot: string; service: PlantUmlService } | undefined;

/** The service for the current settings; a new one, with an empty cache, whenever they change. */
export function plantUmlService(): PlantUmlService {
  const config = vscode.workspace.getConfiguration('opsdocs.plantuml');
  const settings = { renderer: inspect(config, 'renderer'), jar: inspect(config, 'jar'), server: inspect(config, 'server'), trusted: vscode.workspace.isTrusted };
  const timeoutMs = Math.max(1, config.get<number>('timeout', 10)) * 1000;
  const snapshot = JSON.stringify([settings, timeoutMs]);
  if (current?.snapshot !== snapshot) current = { snapshot, service: new PlantUmlService(resolveRenderer(settings), { timeoutMs }) };
  return current.service;
}

function inspect(config: vscode.WorkspaceConfiguration, key: string): InspectedSetting<string> {
  const { globalValue, workspaceValue, workspaceFolderValue } = config.inspect<string>(key) ?? {};
  return { globalValue, workspaceValue, workspaceFolderValue };
}

/**
 * Where a diagram's relative `!include`s resolve: the document's folder in a trusted workspace;
 * in Restricted Mode the renderer runs in the system's temp folder.
 */
export function includeFolder(document: vscode.Uri | undefined): string | undefined {
  return vscode.workspace.isTrusted && document?.scheme === 'file' ? path.dirname(document.fsPath) : undefined;
}

/** The previewed document: VS Code's preview puts its URI in markdown-it's `env` as `currentDocument`. */
function documentOf(env: unknown): vscode.Uri | undefined {
  const document = (env as { currentDocument?: { scheme?: unknown; toString(): string } } | undefined)?.currentDocument;
  return typeof document?.scheme === 'string' ? vscode.Uri.parse(document.toString()) : undefined;
}

export const plantUmlPreview = new PlantUmlPreview({
  service: plantUmlService,
  refresh: () => void vscode.commands.executeCommand('markdown.preview.refresh'),
  document: (env) => {
    const uri = documentOf(env);
    return { key: uri?.toString() ?? '', folder: includeFolder(uri) };
  },
});
