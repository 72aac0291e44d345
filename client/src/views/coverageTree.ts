import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AlertCoverage } from '../../../server/src/engine/workspace/alertFindings';
import type { DocumentCoverage, RequiredDoc, TypeCoverage } from '../../../server/src/engine/workspace/coverage';
import type { CoverageModel } from './coverageModel';

export type CoverageNode =
  | { kind: 'type'; root: string; type: TypeCoverage }
  | { kind: 'untyped'; root: string; count: number }
  | { kind: 'required'; root: string; missing: RequiredDoc[] }
  | { kind: 'document'; root: string; document: DocumentCoverage }
  | { kind: 'missing'; root: string; required: RequiredDoc }
  | { kind: 'alerts'; root: string; alerts: AlertCoverage[] }
  | { kind: 'alert'; root: string; alert: AlertCoverage };

const REVIEW_ICON: Record<DocumentCoverage['review'], [string, string | undefined, string]> = {
  fresh: ['pass', 'testing.iconPassed', 'reviewed'],
  'due-soon': ['warning', 'list.warningForeground', 'review due soon'],
  overdue: ['error', 'list.errorForeground', 'review overdue'],
  invalid: ['error', 'list.errorForeground', 'review date invalid'],
  none: ['circle-outline', undefined, 'no review date'],
};

/** The Explorer view: documents grouped by type, with sections present of required and review state. */
export class CoverageTree implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<CoverageNode>;
  private readonly subscription: vscode.Disposable;
  /** Document nodes by path, so the status bar can reveal the active document. */
  private readonly nodes = new Map<string, CoverageNode>();

  constructor(private readonly model: CoverageModel) {
    this.view = vscode.window.createTreeView('opsdocs.coverage', { treeDataProvider: this, showCollapseAll: true });
    this.subscription = model.onDidChange(() => this.changed.fire(undefined));
    this.view.onDidChangeVisibility((e) => e.visible && void model.ensureLoaded());
  }

  async getChildren(node?: CoverageNode): Promise<CoverageNode[]> {
    if (!node) {
      await this.model.ensureLoaded();
      void vscode.commands.executeCommand('setContext', 'opsdocs.hasDocuments', this.model.all.some((r) => r.report.documents.length > 0));
      return this.model.all.flatMap(({ root, report }) => [
        ...report.types.map((type): CoverageNode => ({ kind: 'type', root, type })),
        ...(report.required.some((r) => !r.present) ? [{ kind: 'required', root, missing: report.required.filter((r) => !r.present) } as CoverageNode] : []),
        ...(report.alerts.length > 0 ? [{ kind: 'alerts', root, alerts: report.alerts } as CoverageNode] : []),
        ...(report.documents.some((d) => !d.type) ? [{ kind: 'untyped', root, count: report.documents.filter((d) => !d.type).length } as CoverageNode] : []),
      ]);
    }
    const report = this.model.all.find((r) => r.root === node.root)?.report;
    if (!report) return [];
    if (node.kind === 'type') return this.documents(node.root, report.documents.filter((d) => d.type === node.type.type));
    if (node.kind === 'untyped') return this.documents(node.root, report.documents.filter((d) => !d.type));
    if (node.kind === 'required') return node.missing.map((required) => ({ kind: 'missing', root: node.root, required }));
    if (node.kind === 'alerts') return node.alerts.map((alert) => ({ kind: 'alert', root: node.root, alert }));
    return [];
  }

  getParent(node: CoverageNode): CoverageNode | undefined {
    if (node.kind !== 'document') return undefined;
    const report = this.model.all.find((r) => r.root === node.root)?.report;
    const type = report?.types.find((t) => t.type === node.document.type);
    if (type) return { kind: 'type', root: node.root, type };
    return report ? { kind: 'untyped', root: node.root, count: report.documents.filter((d) => !d.type).length } : undefined;
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    switch (node.kind) {
      case 'type':
        return group(`${node.type.title}`, `${node.type.documents} · ${node.type.coverage}%${node.type.overdue ? ` · ${node.type.overdue} overdue` : ''}`, 'book', `type:${node.root}:${node.type.type}`);
      case 'untyped':
        return group('Untyped documents', `${node.count}`, 'file', `untyped:${node.root}`, vscode.TreeItemCollapsibleState.Collapsed);
      case 'required':
        return group('Required documents missing', `${node.missing.length}`, 'warning', `required:${node.root}`);
      case 'missing':
        return missingItem(node.root, node.required);
      case 'document':
        return documentItem(node.document);
      case 'alerts': {
        const missing = node.alerts.filter((a) => !a.runbook).length;
        return group('Alerts', `${node.alerts.length}${missing ? ` · ${missing} without runbook` : ''}`, 'bell', `alerts:${node.root}`, vscode.TreeItemCollapsibleState.Collapsed);
      }
      case 'alert':
        return alertItem(node.root, node.alert);
    }
  }

  /** The tree node of a document, once the tree has listed it. */
  nodeFor(file: string): CoverageNode | undefined {
    return this.nodes.get(file);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.view.dispose();
  }

  private documents(root: string, documents: DocumentCoverage[]): CoverageNode[] {
    return documents.map((document) => {
      const node: CoverageNode = { kind: 'document', root, document };
      this.nodes.set(document.path, node);
      return node;
    });
  }
}

function group(label: string, description: string, icon: string, id: string, state = vscode.TreeItemCollapsibleState.Expanded): vscode.TreeItem {
  const item = new vscode.TreeItem(label, state);
  item.id = id;
  item.description = description;
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = 'opsdocs.group';
  return item;
}

function documentItem(document: DocumentCoverage): vscode.TreeItem {
  const item = new vscode.TreeItem(document.title ?? path.basename(document.path), vscode.TreeItemCollapsibleState.None);
  const [icon, color, state] = REVIEW_ICON[document.review];
  item.id = `doc:${document.path}`;
  item.resourceUri = vscode.Uri.file(document.path);
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  const drill = document.drill === 'overdue' || document.drill === 'none' || document.drill === 'invalid' ? ' · drill overdue' : '';
  const inferred = document.typeSource === 'inferred';
  item.description = document.type ? `${document.sectionsPresent}/${document.sectionsRequired} sections${inferred ? ' · inferred' : ''} · ${state}${drill}` : state;
  const tooltip = new vscode.MarkdownString(`**${document.relativePath}**\n\n`);
  if (document.type) tooltip.appendMarkdown(`Type \`${document.type}\`${inferred ? ' (inferred from the headings)' : ''}: ${document.sectionsPresent} of ${document.sectionsRequired} required sections.\n\n`);
  if (document.missingSections.length > 0) tooltip.appendMarkdown(`Missing: ${document.missingSections.join(', ')}\n\n`);
  tooltip.appendMarkdown(document.lastReviewed ? `Last reviewed ${document.lastReviewed}${document.due ? `, due ${document.due}` : ''}.` : 'No review date.');
  if (document.drill) tooltip.appendMarkdown(document.lastTested ? `\n\nLast drilled ${document.lastTested} (${document.drill}).` : '\n\nNever drilled.');
  item.tooltip = tooltip;
  item.contextValue = document.missingSections.length > 0 ? 'opsdocs.document.incomplete' : 'opsdocs.document';
  item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.file(document.path)] };
  return item;
}

function alertItem(root: string, alert: AlertCoverage): vscode.TreeItem {
  const item = new vscode.TreeItem(alert.alert, vscode.TreeItemCollapsibleState.None);
  item.id = `alert:${root}:${alert.file}:${alert.line}`;
  item.description = alert.runbook ?? (alert.runbookUrl ? 'runbook missing' : 'no runbook_url');
  item.iconPath = new vscode.ThemeIcon(alert.runbook ? 'pass' : 'error', new vscode.ThemeColor(alert.runbook ? 'testing.iconPassed' : 'list.errorForeground'));
  item.tooltip = `${alert.file}:${alert.line + 1}${alert.runbookUrl ? `\nrunbook_url: ${alert.runbookUrl}` : ''}`;
  const target = vscode.Uri.file(path.join(root, alert.runbook ?? alert.file));
  const line = alert.runbook ? 0 : alert.line;
  item.command = { command: 'vscode.open', title: 'Open', arguments: [target, { selection: new vscode.Range(line, 0, line, 0) }] };
  item.contextValue = 'opsdocs.alert';
  return item;
}

function missingItem(root: string, required: RequiredDoc): vscode.TreeItem {
  const item = new vscode.TreeItem(required.entry, vscode.TreeItemCollapsibleState.None);
  item.id = `missing:${root}:${required.entry}`;
  item.description = required.kind === 'type' ? 'no document of this type' : 'missing';
  item.iconPath = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.errorForeground'));
  item.contextValue = 'opsdocs.missing';
  return item;
}
