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

/**
 * The two kinds of quick fix, as ESLint has them. A *fix* is mechanical and cannot change what a
 * reader runs or what a document claims: `opsdocs validate --fix` applies it, editors prefer it and
 * "Fix All" takes it. A *suggestion* may be wrong, or asserts what only a person knows (a did-you-mean,
 * ShellCheck's rewrite, a review date): offered, never applied unattended.
 */
export type FixKind = 'fix' | 'suggestion';

/** A quick fix as data: what it is (its rule declares the kind of each id), a title and the minimal edits. */
export interface Fix {
  id: string;
  kind: FixKind;
  title: string;
  edits: TextEdit[];
}

/** A fix as a rule proposes it; the engine gives it the kind the rule declares for its id. */
export type ProposedFix = Omit<Fix, 'kind'>;

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
export type Report = Omit<Finding, 'severity' | 'rule' | 'fixes'> & { severity?: Severity; fixes?: ProposedFix[] };

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The less severe of two severities. */
export function milder(a: Severity, b: Severity | undefined): Severity {
  return b !== undefined && RANK[b] < RANK[a] ? b : a;
}
