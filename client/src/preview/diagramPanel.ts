import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { blockAt, findDiagramBlocks } from './fences';
import { panelHtml } from './panelHtml';
import { describeError } from './plantuml';
import { includeFolder, plantUmlService } from './plantumlHost';
import { diagramKindOfFile, type DiagramKind, type FromPanel, type ToPanel } from './protocol';

/**
 * OpsDocs: Open Diagram Preview — a panel beside the editor for the diagram under the cursor of a
 * Markdown file (following the cursor into other diagram blocks) or for a whole .mmd/.puml file,
 * updated as you type, with SVG and PNG export.
 */

/** What the panel shows: a whole diagram file, or the `index`-th diagram block of a Markdown file. */
interface Target {
  uri: vscode.Uri;
  index?: number;
}

interface Diagram {
  kind: DiagramKind;
  source: string;
  title: string;
  exportName: string;
}

let open: DiagramPanel | undefined;

export function openDiagramPreview(context: vscode.ExtensionContext): void {
  const editor = vscode.window.activeTextEditor;
  const target = editor && targetAt(editor.document, editor.selection.active.line);
  if (!target) {
    void vscode.window.showInformationMessage('Place the cursor in a ```mermaid or ```plantuml block of a Markdown file, or open a .mmd or .puml file, then run Open Diagram Preview.');
    return;
  }
  open ??= new DiagramPanel(context, () => (open = undefined));
  open.show(target);
}

function targetAt(document: vscode.TextDocument, line: number): Target | undefined {
  if (diagramKindOfFile(document.fileName)) return { uri: document.uri };
  if (document.languageId !== 'markdown') return undefined;
  const blocks = findDiagramBlocks(document.getText());
  const block = blockAt(blocks, line);
  return block && { uri: document.uri, index: blocks.indexOf(block) };
}

function diagramOf(document: vscode.TextDocument, target: Target): Diagram | undefined {
  const name = path.basename(document.fileName);
  const stem = name.replace(/\.[^.]+$/, '');
  const kind = diagramKindOfFile(document.fileName);
  if (kind && target.index === undefined) return { kind, source: document.getText(), title: name, exportName: stem };
  const index = target.index ?? 0;
  const block = findDiagramBlocks(document.getText())[index];
  return block && { kind: block.kind, source: block.source, title: `${name}: diagram ${index + 1} (line ${block.start + 1})`, exportName: `${stem}-diagram-${index + 1}` };
}

class DiagramPanel {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private target: Target | undefined;
  private diagram: Diagram | undefined;
  private timer: NodeJS.Timeout | undefined;
  private updates = 0;

  constructor(context: vscode.ExtensionContext, onDispose: () => void) {
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    this.panel = vscode.window.createWebviewPanel('opsdocs.diagramPreview', 'Diagram Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [dist] });
    const { webview } = this.panel;
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'preview.css')).toString(),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: FromPanel) => this.onMessage(message)),
      vscode.workspace.onDidChangeTextDocument((event) => event.document.uri.toString() === this.target?.uri.toString() && this.schedule()),
      vscode.window.onDidChangeTextEditorSelection((event) => this.follow(event.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.follow(editor)),
    );
    this.panel.onDidDispose(() => {
      clearTimeout(this.timer);
      for (const disposable of this.disposables) disposable.dispose();
      onDispose();
    }, undefined, context.subscriptions);
  }

  show(target: Target): void {
    this.target = target;
    this.panel.reveal(undefined, true);
    void this.update();
  }

  /** Switches to the diagram under the cursor, if there is one; otherwise keeps the current one. */
  private follow(editor: vscode.TextEditor): void {
    const target = targetAt(editor.document, editor.selection.active.line);
    if (!target || (target.uri.toString() === this.target?.uri.toString() && target.index === this.target.index)) return;
    this.target = target;
    void this.update();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 150);
  }

  private async update(): Promise<void> {
    const update = ++this.updates;
    const target = this.target;
    if (!target) return;
    const document = await vscode.workspace.openTextDocument(target.uri);
    if (update !== this.updates) return;
    const diagram = diagramOf(document, target);
    this.diagram = diagram;
    this.panel.title = diagram ? `Diagram: ${diagram.title}` : 'Diagram Preview';
    if (!diagram) return this.post({ type: 'empty', title: path.basename(document.fileName), message: 'That diagram block is gone. Place the cursor in another one.' });
    if (diagram.kind === 'mermaid') return this.post({ type: 'show', kind: 'mermaid', title: diagram.title, source: diagram.source });

    const service = plantUmlService();
    if (service.renderer.kind === 'off') {
      return this.post({ type: 'show', kind: 'plantuml', title: diagram.title, error: service.renderer.reason ?? 'PlantUML rendering is off: set opsdocs.plantuml.renderer to "local" (with the plantuml package installed) or "server".' });
    }
    const cwd = includeFolder(document.uri);
    if (!service.peek(diagram.source, 'svg', cwd)) this.post({ type: 'show', kind: 'plantuml', title: diagram.title, pending: true });
    const result = await service.render(diagram.source, 'svg', cwd);
    if (update !== this.updates) return;
    this.post(result.ok ? { type: 'show', kind: 'plantuml', title: diagram.title, svg: result.data.toString('utf8') } : { type: 'show', kind: 'plantuml', title: diagram.title, error: describeError(result) });
  }

  private post(message: ToPanel): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: FromPanel): Promise<void> {
    if (message.type === 'ready') return this.update();
    if (message.type === 'exportFailed') {
      void vscode.window.showErrorMessage(`Could not export the diagram: ${message.message}`);
      return;
    }
    const folder = this.target?.uri.scheme === 'file' ? path.dirname(this.target.uri.fsPath) : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const name = `${this.diagram?.exportName ?? 'diagram'}.${message.format}`;
    const uri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.file(path.join(folder, name)) : undefined,
      filters: message.format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      saveLabel: `Export ${message.format.toUpperCase()}`,
    });
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(message.data, message.format === 'png' ? 'base64' : 'utf8'));
    vscode.window.setStatusBarMessage(`Exported ${path.basename(uri.fsPath)}`, 4000);
  }
}
