import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RecentCache } from './recentCache';

/** PATH's absolute entries: a relative entry would let the workspace choose what is found. */
function pathFolders(): string[] {
  return (process.env.PATH ?? '').split(path.delimiter).filter((folder) => path.isAbsolute(folder));
}

const found = new Map<string, string | undefined>();

/**
 * A checker program (shellcheck, plantuml) from PATH, looked up once. Never from workspace
 * settings or config: a workspace must not choose a program OpsDocs runs.
 */
export function findProgram(name: string): string | undefined {
  if (!found.has(name)) {
    const file = process.platform === 'win32' ? `${name}.exe` : name;
    found.set(name, pathFolders().map((folder) => path.join(folder, file)).find(isExecutable));
  }
  return found.get(name);
}

let onPath: Set<string> | undefined;

/** Names of the programs on this machine's PATH, read once per process (a directory listing each, nothing run). */
export function pathExecutables(): Set<string> {
  if (!onPath) {
    onPath = new Set();
    for (const folder of pathFolders()) {
      try {
        for (const name of fs.readdirSync(folder)) onPath.add(process.platform === 'win32' ? name.replace(/\.(exe|cmd|bat|ps1)$/i, '') : name);
      } catch {
        // A PATH entry that does not exist is common and harmless.
      }
    }
  }
  return onPath;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    // Not there or not executable: not this PATH entry's program; the search goes on.
    return false;
  }
}

/**
 * Runs a checker on text given on stdin and returns its stdout; undefined when it cannot start
 * or exceeds the timeout (it is then killed). The text is only read by the checker, never run.
 */
export function runChecker(program: string, args: string[], input: string, timeoutMs: number, env?: Record<string, string>): Promise<{ stdout: string; code: number } | undefined> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'ignore'], timeout: timeoutMs, killSignal: 'SIGKILL', env: env && { ...process.env, ...env } });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    // A checker that cannot start gives undefined: each caller turns that into a notice (ShellCheck, PlantUML).
    child.on('error', () => resolve(undefined));
    child.on('close', (code, signal) => resolve(signal ? undefined : { stdout, code: code ?? 0 }));
    // A checker that exits before reading all its input: its exit (close) is the answer.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** Remembers the last results of a checker: a document's blocks rarely change while its prose is typed. */
export class RecentResults<T> {
  private readonly results: RecentCache<string, Promise<T | undefined>>;

  constructor(limit = 64) {
    this.results = new RecentCache(limit);
  }

  get(key: string, compute: () => Promise<T | undefined>): Promise<T | undefined> {
    let result = this.results.get(key);
    if (!result) {
      result = compute();
      this.results.set(key, result);
      // A failure may be passing (a busy machine): do not remember it.
      void result.then((value) => value === undefined && this.results.delete(key));
    }
    return result;
  }
}
