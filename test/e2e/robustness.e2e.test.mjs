/** Crash recovery and Restricted Mode in a real VS Code. */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyWorkspace, startVSCode, waitFor } from './workbench.mjs';

/** The language server processes of this test's VS Code (their command line names its extensions folder). */
function serverPids(vscode) {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes(vscode.extensionsDir) && line.includes('dist/server.js'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** A git history in which the failover script changed after the runbook's review date. */
function withDriftHistory(workspace) {
  const git = (...args) => execFileSync('git', ['-C', workspace, ...args], { env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_AUTHOR_DATE: '2026-11-20T12:00:00Z', GIT_COMMITTER_DATE: '2026-11-20T12:00:00Z' } });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'docs and scripts');
}

describe('robustness in VS Code', () => {
  const cleanup = [];
  after(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('restarts a killed language server, re-diagnoses open documents and loses no edit', async () => {
    const workspace = copyWorkspace();
    const vscode = await startVSCode({ workspace });
    cleanup.push(() => vscode.stop(), () => fs.rmSync(workspace, { recursive: true, force: true }));
    await vscode.openFile('scale-workers.md');
    await vscode.showProblems();
    await vscode.waitForProblem('Placeholder "TODO"');
    const [first] = serverPids(vscode);
    assert.ok(first, 'the server runs');
    process.kill(first, 'SIGKILL');
    // Typed while the server is down.
    await vscode.page.locator('.monaco-editor .view-lines').first().click();
    await vscode.page.keyboard.press('Control+End');
    await vscode.page.keyboard.type('\nFIXME: typed while the server was down\n');
    await waitFor(() => serverPids(vscode).some((pid) => pid !== first), 60_000, () => 'the client restarted the server');
    await vscode.waitForProblem('Placeholder "FIXME"', 60_000);
    await vscode.save();
    // The save reaches the disk a moment after the keystroke: a busy machine read the file before it once.
    const typed = /FIXME: typed while the server was down/;
    await waitFor(() => typed.test(vscode.read('docs/runbooks/scale-workers.md')), 30_000, () => `the saved file holds the typed line:\n${vscode.read('docs/runbooks/scale-workers.md')}`);
  });

  it('in Restricted Mode checks documents but reads no git history', async () => {
    const trustedWorkspace = copyWorkspace();
    withDriftHistory(trustedWorkspace);
    const trusted = await startVSCode({ workspace: trustedWorkspace });
    cleanup.push(() => trusted.stop(), () => fs.rmSync(trustedWorkspace, { recursive: true, force: true }));
    await trusted.openFile('database-failover.md');
    await trusted.showProblems();
    try {
      await trusted.waitForProblem('failover-database.sh changed on 2026-11-20');
    } catch (error) {
      await trusted.screenshot('failure-trusted-drift.png');
      throw error;
    }
    await trusted.stop();

    const restrictedWorkspace = copyWorkspace();
    withDriftHistory(restrictedWorkspace);
    const restricted = await startVSCode({ workspace: restrictedWorkspace, trusted: false });
    cleanup.push(() => restricted.stop(), () => fs.rmSync(restrictedWorkspace, { recursive: true, force: true }));
    await restricted.openFile('database-failover.md');
    await restricted.showProblems();
    await restricted.waitForProblem('Missing required section "Rollback"');
    await restricted.page.locator('.statusbar:has-text("Restricted Mode")').waitFor();
    await restricted.screenshot('restricted-mode.png');
    const rows = await restricted.problems();
    assert.ok(!rows.some((row) => row.includes('changed on 2026-11-20')), rows.join('\n'));
    assert.ok(fs.existsSync(path.join(restrictedWorkspace, '.git')));
  });
});
