import * as vscode from 'vscode';
import type { CoverageModel } from './coverageModel';
import { typeLabel } from '../../../server/src/report/typeLabel';

const STUB_TEXT = { moved: 'moved page', deprecated: 'deprecated page', 'link-only': 'pointer page' } as const;

const REVIEW_TEXT = { fresh: 'reviewed', 'due-soon': 'review due soon', overdue: 'review overdue', invalid: 'review date invalid', none: 'no review date' } as const;

/** The active document's type, coverage and review state; a click shows it in the coverage view. */
export class DocumentStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('opsdocs.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly model: CoverageModel) {
    this.item.name = 'OpsDocs';
    this.item.command = 'opsdocs.revealActiveInCoverage';
    this.subscriptions = [vscode.window.onDidChangeActiveTextEditor(() => this.update()), model.onDidChange(() => this.update())];
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const entry = editor?.document.languageId === 'markdown' ? this.model.documentAt(editor.document.uri.fsPath) : undefined;
    if (!entry) {
      this.item.hide();
      if (editor?.document.languageId === 'markdown' && !this.model.loaded) void this.model.ensureLoaded();
      return;
    }
    const { document } = entry;
    const icon = document.review === 'overdue' || document.review === 'invalid' ? '$(error)' : document.review === 'due-soon' ? '$(warning)' : '$(book)';
    this.item.text = document.type
      ? `${icon} ${typeLabel(document)} · ${document.sectionsPresent}/${document.sectionsRequired} · ${REVIEW_TEXT[document.review]}`
      : document.stub
        ? `$(book) ${STUB_TEXT[document.stub]}`
        : `${icon} ${REVIEW_TEXT[document.review]}`;
    const tooltip = [
      document.typeSource === 'inferred' ? `Type ${document.type} inferred from the headings: set \`type: ${document.type}\` in front matter to confirm it.` : undefined,
      document.missingSections.length > 0 ? `Missing sections: ${document.missingSections.join(', ')}` : undefined,
    ].filter((line) => line !== undefined);
    this.item.tooltip = tooltip.length > 0 ? tooltip.join('\n') : 'OpsDocs: show in the coverage view';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
