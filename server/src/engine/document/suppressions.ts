import { visit } from './visit';
import type { OpsDocument } from './parse';
import type { Finding, Fix } from '../types';

interface Control {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Empty means every rule. */
  rules: string[];
  line: number;
}

/** Read from each comment's inner text: a regex scanning for `-->` would be quadratic on comments that never close. */
const CONTROL = /^\s*opsdocs-(disable-next-line|disable|enable)\b([^>]*)$/;

/** Reads `<!-- opsdocs-disable rule-id -->` and its kin; returns a test for suppressed findings. */
export function suppressionsOf(doc: OpsDocument): (finding: Finding) => boolean {
  const controls: Control[] = [];
  visit(doc.tree, 'html', (node) => {
    const offset = node.position?.start.offset;
    if (offset === undefined) return;
    for (const { inner, at } of comments(node.value)) {
      const match = CONTROL.exec(inner);
      if (match) controls.push({ kind: match[1] as Control['kind'], rules: match[2].split(/[\s,]+/).filter(Boolean), line: doc.lines.positionAt(offset + at).line });
    }
  });
  if (controls.length === 0) return () => false;
  return (finding) => isSuppressed(controls, finding);
}

/** The inner text of each short `<!-- … -->` in an HTML node, with its offset. */
function* comments(html: string): Generator<{ inner: string; at: number }> {
  for (let at = html.indexOf('<!--'); at >= 0; at = html.indexOf('<!--', at + 4)) {
    const end = html.indexOf('-->', at + 4);
    if (end < 0) return;
    if (end - at < 400) yield { inner: html.slice(at + 4, end), at };
  }
}

function isSuppressed(controls: Control[], finding: Finding): boolean {
  const line = finding.range.start.line;
  const names = (c: Control) => c.rules.length === 0 || c.rules.includes(finding.rule);
  let disabled = false;
  for (const control of controls) {
    if (control.line > line) break;
    if (!names(control)) continue;
    if (control.kind === 'disable-next-line') {
      if (control.line === line - 1) return true;
    } else {
      disabled = control.kind === 'disable';
    }
  }
  return disabled;
}

/**
 * Offers "Disable <rule> for this line" where a control comment can go: above a finding
 * that starts a top-level block other than code or HTML (a comment line inside a paragraph
 * or a fence would change the document or do nothing).
 */
export function withDisableFixes(doc: OpsDocument, findings: Finding[]): Finding[] {
  const blockStarts = new Set<number>();
  for (const block of doc.tree.children) {
    // Not above code or HTML: the comment line would join the block, or the block could swallow the comment.
    if (block.type !== 'code' && block.type !== 'yaml' && block.type !== 'html') blockStarts.add(block.position!.start.line - 1);
  }
  const eol = doc.lines.eol;
  return findings.map((finding) => {
    const line = finding.range.start.line;
    if (!blockStarts.has(line) || doc.lines.lineText(line).trim() === '') return finding;
    const at = { line, character: 0 };
    // A suggestion: silencing a rule is a person's call.
    const fix: Fix = {
      id: 'disable-line',
      kind: 'suggestion',
      title: `Disable ${finding.rule} for this line`,
      edits: [{ range: { start: at, end: at }, newText: `<!-- opsdocs-disable-next-line ${finding.rule} -->${eol}` }],
    };
    return { ...finding, fixes: [...(finding.fixes ?? []), fix] };
  });
}
