import { insertFrontMatterKey } from '../engine/authoring/insertions';
import type { Analysis } from '../engine/analysis';
import type { OpsDocument } from '../engine/document/parse';
import type { ProposedFix, TextEdit } from '../engine/types';

/** The id of the quick fix that writes an inferred type into front matter. */
export const SET_TYPE = 'set-type';

/**
 * The fix declarations of a rule whose findings on an inferred type offer to set it. A suggestion,
 * not a fix: the type is a guess from headings, and once written nobody can tell it from a person's
 * choice; it turns the document's section warnings into errors; and site generators read `type`
 * too (Hugo picks a page's layout by it), so writing it unattended may change how the page renders.
 */
export const SET_TYPE_FIXES = { [SET_TYPE]: 'suggestion' } as const;

/** "Set `type: alert-runbook` in front matter", for a document whose type its headings gave. */
export function setTypeFix(doc: OpsDocument, analysis: Analysis): ProposedFix[] {
  if (analysis.typeSource !== 'inferred' || !analysis.type) return [];
  const edit = typeEdit(doc, `type: ${analysis.type.id}`);
  return edit ? [{ id: SET_TYPE, title: `Set \`type: ${analysis.type.id}\` in front matter`, edits: [edit] }] : [];
}

function typeEdit(doc: OpsDocument, line: string): TextEdit | undefined {
  const fm = doc.frontMatter;
  if (doc.unclosedFrontMatter) return undefined;
  if (!fm) {
    const start = { line: 0, character: 0 };
    return { range: { start, end: start }, newText: ['---', line, '---', '', ''].join(doc.lines.eol) };
  }
  // A `type` of a site generator's (Hugo's `type: docs`) is not ours to replace; broken front matter is not ours to edit.
  if (!fm.data || 'type' in fm.data) return undefined;
  return insertFrontMatterKey(doc, line);
}
