import {
  CodeActionKind,
  DiagnosticSeverity,
  SymbolKind,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
} from 'vscode-languageserver/node';
import type { Analysis } from '../engine/analysis';
import type { OpsDocument } from '../engine/document/parse';
import { ruleDocumentationUrl } from '../engine/ruleDocs';
import type { Finding, Fix, Severity, TextEdit } from '../engine/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The fixes travel with the diagnostic, so code actions need no server-side memory of past runs. */
export interface DiagnosticData {
  fixes: Fix[];
  version: number;
}

export function toDiagnostic(finding: Finding, version: number): Diagnostic {
  const data: DiagnosticData = { fixes: finding.fixes ?? [], version };
  const href = ruleDocumentationUrl(finding.rule);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    // The code links to the rule's section of the README (Problems panel, hovers).
    ...(href && { codeDescription: { href } }),
    source: 'opsdocs',
    message: finding.message,
    data,
  };
}

/** VS Code's "Fix All" and `editor.codeActionsOnSave: { "source.fixAll": … }` ask for this kind. */
export const FIX_ALL = `${CodeActionKind.SourceFixAll}.opsdocs`;

/** One action with every fix of the document (suggestions never: nobody reviews what Fix All applies). */
export function toFixAllAction(uri: string, version: number, edits: TextEdit[]): CodeAction[] {
  if (edits.length === 0) return [];
  return [{ title: 'Fix all OpsDocs fixes (no suggestions)', kind: FIX_ALL, edit: { documentChanges: [{ textDocument: { uri, version }, edits }] } }];
}

export function toCodeActions(uri: string, diagnostic: Diagnostic): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (diagnostic.source !== 'opsdocs' || !data?.fixes) return [];
  const fixes = data.fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    // Only a fix may be preferred: VS Code's auto fix and fix-on-save apply preferred actions unattended.
    isPreferred: fix.kind === 'fix',
    edit: { documentChanges: [{ textDocument: { uri, version: data.version }, edits: fix.edits }] },
  }));
  return fixes;
}

/** The outline: headings nested by level, required sections of the type marked. */
export function toDocumentSymbols(doc: OpsDocument, analysis: Analysis | undefined): DocumentSymbol[] {
  const required = new Map(analysis?.sections.filter((s) => s.heading).map((s) => [s.heading!, s.spec.name]));
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ depth: number; symbol: DocumentSymbol }> = [];
  for (const heading of doc.headings) {
    const requiredAs = required.get(heading);
    const symbol: DocumentSymbol = {
      name: heading.text || '(empty heading)',
      detail: requiredAs ? `required by ${analysis!.type!.id}` : undefined,
      kind: requiredAs ? SymbolKind.Module : SymbolKind.String,
      range: doc.lines.range(heading.start, Math.max(heading.end, trimEnd(doc.text, heading.sectionEnd))),
      selectionRange: doc.lines.range(heading.start, heading.end),
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1].depth >= heading.depth) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1].symbol.children! : roots).push(symbol);
    stack.push({ depth: heading.depth, symbol });
  }
  return roots;
}

function trimEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at;
}
