/**
 * The plain data the engine hands to its front ends (LSP server, CLI, tests).
 * Positions are zero-based, columns in UTF-16 code units, as in LSP.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A quick fix as data: a title and the minimal edits that make it. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix `opsdocs validate --fix` applies and editors offer first. */
  isPreferred?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
}

/**
 * What a rule reports: the engine adds the severity from config. A rule that grades its own
 * findings (ShellCheck's levels) may give a lower one; config's severity stays the ceiling.
 */
export type Report = Omit<Finding, 'severity' | 'rule'> & { severity?: Severity };

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The less severe of two severities. */
export function milder(a: Severity, b: Severity | undefined): Severity {
  return b !== undefined && RANK[b] < RANK[a] ? b : a;
}
