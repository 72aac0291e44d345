import type { Finding } from '../../engine/types';

/** One-based lines and columns, as editors and CI annotations count them. */
export function oneBased(finding: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  return {
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
  };
}
