/**
 * The hooks of .pre-commit-hooks.yaml with the real pre-commit (Debian's package), on a scratch
 * repository: `pre-commit try-repo` against a local clone of this repository as it is now.
 * The `opsdocs` hook (language: node) has pre-commit install OpsDocs with npm from the clone, as
 * users get it: minutes, and the npm registry (or a warm npm cache).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, scratchWorkspace } from '../helpers/cli';

const ROOT = path.join(__dirname, '..', '..');
const BAD = '---\ntype: runbok\n---\n# Restart\n';
const GOOD = '# Notes\n\nNothing left to do.\n';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' });
}

/** A clone of this repository with the working tree's changes committed: what a user's `rev` would check out. */
function cloneOfWorkingTree(): string {
  const clone = path.join(scratchWorkspace({}, 'opsdocs-hookrepo-'), 'opsdocs');
  git(ROOT, 'clone', '--quiet', '--no-hardlinks', ROOT, clone);
  const files = git(ROOT, 'ls-files', '--cached', '--others', '--exclude-standard', '-z').split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(ROOT, file);
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    fs.copyFileSync(from, path.join(clone, file));
  }
  git(clone, 'add', '--all');
  git(clone, 'commit', '--quiet', '--allow-empty', '-m', 'working tree');
  return clone;
}

function project(files: Record<string, string>): string {
  const dir = scratchWorkspace(files, 'opsdocs-precommit-');
  git(dir, 'init', '--quiet');
  git(dir, 'add', '--all');
  return dir;
}

function tryRepo(cwd: string, clone: string, hook: string, env: NodeJS.ProcessEnv = {}) {
  const home = scratchWorkspace({}, 'opsdocs-precommit-home-');
  const result = spawnSync('pre-commit', ['try-repo', clone, hook, '--all-files', '--color', 'never'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PRE_COMMIT_HOME: home, ...env },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('pre-commit hooks', () => {
  let clone: string;
  before(() => {
    clone = cloneOfWorkingTree();
  });

  it('has a manifest pre-commit accepts', () => {
    const result = spawnSync('pre-commit', ['validate-manifest', path.join(ROOT, '.pre-commit-hooks.yaml')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('opsdocs-system: checks the commit\'s Markdown with the opsdocs on PATH, offline', () => {
    const bin = scratchWorkspace({ opsdocs: `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n` }, 'opsdocs-bin-');
    fs.chmodSync(path.join(bin, 'opsdocs'), 0o755);
    const env = { PATH: `${bin}${path.delimiter}${process.env.PATH}` };
    const failing = tryRepo(project({ 'docs/restart.md': BAD, 'notes.md': GOOD, 'script.sh': 'echo TODO\n' }), clone, 'opsdocs-system', env);
    assert.equal(failing.code, 1, failing.output);
    assert.match(failing.output, /OpsDocs \(installed\)\.+Failed/);
    assert.match(failing.output, /docs\/restart\.md:2:7: error Unknown document type "runbok"; did you mean "runbook"\? \[frontmatter-invalid\]/);
    assert.match(failing.output, /0 warnings, 0 infos in 2 documents/, 'Markdown files only');
    const passing = tryRepo(project({ 'notes.md': GOOD }), clone, 'opsdocs-system', env);
    assert.equal(passing.code, 0, passing.output);
    assert.match(passing.output, /OpsDocs \(installed\)\.+Passed/);
  });

  it('opsdocs: pre-commit installs OpsDocs from the repository with npm and runs it', () => {
    const { code, output } = tryRepo(project({ 'docs/restart.md': BAD, 'notes.md': GOOD }), clone, 'opsdocs');
    assert.equal(code, 1, output);
    assert.match(output, /OpsDocs\.+Failed/);
    assert.match(output, /docs\/restart\.md:2:7: error Unknown document type "runbok"; did you mean "runbook"\? \[frontmatter-invalid\]/);
  });
});
