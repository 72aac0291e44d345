import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover } from 'vscode-languageserver/node';
import type { Completion, CompletionKind } from '../engine/authoring/completions';
import type { Hover as EngineHover } from '../engine/authoring/hovers';

const KIND: Record<CompletionKind, CompletionItemKind> = {
  section: CompletionItemKind.Module,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  file: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
  anchor: CompletionItemKind.Reference,
};

/** The engine's completions as LSP items, in the engine's order. */
export function toCompletionItems(completions: Completion[]): CompletionItem[] {
  return completions.map((c, index) => ({
    label: c.label,
    kind: KIND[c.kind],
    detail: c.detail,
    documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
    sortText: String(index).padStart(4, '0'),
    filterText: c.filterText,
    textEdit: { range: c.range, newText: c.insertText },
    command: c.retrigger ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
  }));
}

export function toHover(hover: EngineHover | undefined): Hover | null {
  return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range } : null;
}
