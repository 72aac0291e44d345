import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { noteDependency, remembered, type Remembered } from '../dependencies';
import type { FileSystem } from '../fileSystem';

export interface LastChange {
  date: string;
  commit: string;
}

const TIMEOUT_MS = 3_000;
/** Keyed by file and the commit HEAD points at: a new commit is a new key, nothing goes stale. */
const cache = new Map<string, Promise<LastChange | GitFailure | undefined>>();

/** Why git gave no answer about a file (not that the file has no history: that is undefined). */
export interface GitFailure {
  failed: string;
}
let gitMissing = false;

const roots = new Map<string, Remembered<string | undefined>>();

/** The folder holding `.git` above a path, found through the engine's file system; remembered per folder. */
export function gitRoot(files: FileSystem, from: string): string | undefined {
  return remembered(roots, from, () => {
    const parent = path.dirname(from);
    return files.stat(path.join(from, '.git')) !== undefined ? from : parent === from ? undefined : gitRoot(files, parent);
  });
}

/**
 * The last commit that touched a file, from `git log`: read-only, never through a pager
 * or an fsmonitor hook a repository could configure; cached until HEAD moves.
 */
export function lastChange(root: string, file: string): Promise<LastChange | GitFailure | undefined> {
  // Without git the rule has nothing to read (its README entry says it needs git); outside the repository, no history.
  if (gitMissing || path.relative(root, file).startsWith('..')) return Promise.resolve(undefined);
  const head = headOf(root);
  // History moves with HEAD: a result that read it holds until HEAD moves.
  noteDependency({ kind: 'git-head', path: root, value: head });
  const key = `${head}\0${file}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const change = new Promise<LastChange | GitFailure | undefined>((resolve) => {
    const args = ['-C', root, '-c', 'core.fsmonitor=false', '--no-pager', 'log', '-1', '--format=%cs %h', '--', path.relative(root, file)];
    execFile('git', args, { timeout: TIMEOUT_MS, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
        gitMissing = true;
        return resolve(undefined);
      }
      if (error) {
        // Not kept: a busy machine or a lock may be passing.
        cache.delete(key);
        const killed = (error as { killed?: boolean }).killed;
        return resolve({ failed: killed ? `did not answer within ${TIMEOUT_MS / 1000} s` : `failed (${String(stderr).trim().split('\n')[0] || error.message})` });
      }
      const [date, commit] = stdout.trim().split(' ');
      // An untracked file has no history: no output.
      resolve(date ? { date, commit } : undefined);
    });
  });
  cache.set(key, change);
  return change;
}

/** The commit HEAD names, read from .git without running git ("" when it cannot be read). */
export function headOf(root: string): string {
  try {
    const head = fs.readFileSync(path.join(root, '.git', 'HEAD'), 'utf8').trim();
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (!ref) return head;
    try {
      return fs.readFileSync(path.join(root, '.git', ref), 'utf8').trim();
    } catch {
      // A packed ref has no loose file: read packed-refs (whose failure the outer catch takes).
      const packed = fs.readFileSync(path.join(root, '.git', 'packed-refs'), 'utf8');
      return new RegExp(`^([0-9a-f]+) ${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm').exec(packed)?.[1] ?? '';
    }
  } catch {
    // No readable HEAD (a worktree's .git file, a bare layout): "" is one key for every answer, and git itself is still asked.
    return '';
  }
}
