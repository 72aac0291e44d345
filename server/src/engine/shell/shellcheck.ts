import { findProgram, RecentResults, runChecker } from '../programs';
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

export const SHELLCHECK_SEVERITY: Record<ShellCheckComment['level'], Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

const recent = new RecentResults<ShellCheckComment[]>();

/** ShellCheck's comments on a script; undefined when ShellCheck is missing, fails, or exceeds the timeout. */
export function shellCheck(script: string, timeoutMs: number): Promise<ShellCheckComment[] | undefined> {
  const program = findProgram('shellcheck');
  if (!program) return Promise.resolve(undefined);
  return recent.get(`${timeoutMs}\0${script}`, async () => {
    const result = await runChecker(program, ['--format=json1', '--shell=bash', '--norc', '-'], script, timeoutMs);
    return result && parse(result.stdout);
  });
}

function parse(output: string): ShellCheckComment[] | undefined {
  try {
    const comments = (JSON.parse(output) as { comments?: ShellCheckComment[] }).comments;
    return Array.isArray(comments) ? comments : undefined;
  } catch {
    return undefined;
  }
}
