import { applyEdits } from './edits';
import type { Engine } from './engine';
import { LineIndex } from './document/text';
import type { Finding, TextEdit } from './types';

const MAX_PASSES = 10;

/**
 * Applies every fix (never a suggestion) of every finding, a pass at a time (fixes in one pass
 * never touch each other), until nothing fixable is left. Returns the fixed text.
 */
export async function fixAll(engine: Engine, path: string, text: string): Promise<string> {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = await engine.validate(path, current);
    const edits = fixEdits(current, result?.findings ?? []);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
  }
  return current;
}

/** The edits of every finding's fix (never a suggestion) that touch no other chosen fix: one pass of fixAll. */
export function fixEdits(text: string, findings: Finding[]): TextEdit[] {
  const lines = new LineIndex(text);
  const taken: Array<[number, number]> = [];
  const chosen: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.kind === 'fix');
    if (!fix) continue;
    const spans = fix.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as [number, number]);
    if (spans.some(([s, e]) => taken.some(([ts, te]) => s <= te && ts <= e))) continue;
    taken.push(...spans);
    chosen.push(...fix.edits);
  }
  return chosen;
}
