import { findProgram, runChecker } from '../programs';
import { RecentCache } from '../recentCache';
import type { Severity } from '../types';

/** One ShellCheck comment, positions 1-based in the script it was given. */
export interface ShellCheckComment {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: number;
  level: 'error' | 'warning' | 'info' | 'style';
  message: string;
  fix?: { replacements?: ShellCheckReplacement[] } | null;
}

export interface ShellCheckReplacement {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  replacement: string;
}

/** What became of a run: ShellCheck's comments, or why there are none. */
export type ShellCheckResult =
  | { status: 'checked'; comments: ShellCheckComment[] }
  | { status: 'missing' }
  | { status: 'timeout' }
  | { status: 'failed' };

export const SHELLCHECK_SEVERITY: Record<ShellCheckComment['level'], Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

/** Successful runs by script: a document's blocks rarely change while its prose is typed. A failure may be passing (a busy machine): not kept. */
const recent = new RecentCache<string, Promise<ShellCheckResult>>(64);

/** ShellCheck's comments on a script (only read by ShellCheck, never run). */
export function shellCheck(script: string, timeoutMs: number): Promise<ShellCheckResult> {
  const program = findProgram('shellcheck');
  if (!program) return Promise.resolve({ status: 'missing' });
  const key = `${timeoutMs}\0${script}`;
  let result = recent.get(key);
  if (!result) {
    result = run(program, script, timeoutMs);
    recent.set(key, result);
    void result.then((outcome) => outcome.status !== 'checked' && recent.delete(key));
  }
  return result;
}

async function run(program: string, script: string, timeoutMs: number): Promise<ShellCheckResult> {
  const started = Date.now();
  const output = await runChecker(program, ['--format=json1', '--shell=bash', '--norc', '-'], script, timeoutMs);
  // runChecker kills the checker at the timeout and gives nothing back: the time it took tells the two apart.
  if (!output) return Date.now() - started >= timeoutMs ? { status: 'timeout' } : { status: 'failed' };
  const comments = parse(output.stdout);
  return comments ? { status: 'checked', comments } : { status: 'failed' };
}

function parse(output: string): ShellCheckComment[] | undefined {
  try {
    const comments = (JSON.parse(output) as { comments?: ShellCheckComment[] }).comments;
    return Array.isArray(comments) ? comments : undefined;
  } catch {
    // Not JSON: a ShellCheck that crashed or is not ShellCheck. The caller reports it as failed.
    return undefined;
  }
}

/**
 * Whether ShellCheck stopped reading the script: its parse errors (SC1xxx at level error) end
 * the analysis, so no other comment can be trusted. Parse *warnings* (SC1132, an `&` that ends
 * a command inside a URL) leave the analysis whole.
 */
export function isFatal(comment: ShellCheckComment): boolean {
  return comment.code < 2000 && comment.level === 'error';
}
