/** The built CLI (dist/cli.js) run as a process, and scratch workspaces removed after the suite. */
import { after } from 'node:test';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

export function runCli(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];
// Registered when a test file imports this module: runs once its every suite is done.
after(() => {
  for (const root of made) fs.rmSync(root, { recursive: true, force: true });
});

/** A folder with these files, removed when the test file is done. */
export function scratchWorkspace(files: Record<string, string>, prefix = 'opsdocs-test-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}
