import type { Finding, Range } from '../../engine/types';

/** One-based lines and columns, as editors and CI annotations count them. */
export function oneBased(finding: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  return oneBasedRange(finding.range);
}

export function oneBasedRange(range: Range): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}
