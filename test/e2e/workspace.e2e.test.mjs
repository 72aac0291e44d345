/** Workspace features in a real VS Code: Validate All Docs, the coverage view, search. */
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { copyWorkspace, startVSCode } from './workbench.mjs';

describe('workspace features in VS Code', () => {
  let vscode;
  let workspace;

  before(async () => {
    workspace = copyWorkspace();
    vscode = await startVSCode({ workspace });
  });

  afterEach(async (t) => {
    if (t.passed === false || t.error) await vscode.screenshot(`failure-${t.name.slice(0, 30).replace(/\W+/g, '-')}.png`);
  });

  after(async () => {
    await vscode?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('Validate All Docs fills the Problems panel with documents that are not open', async () => {
    await vscode.runCommand('OpsDocs: Validate All Docs');
    await vscode.page.locator('.notifications-toasts:has-text("documents ·")').first().waitFor({ timeout: 60_000 });
    const summary = await vscode.page.locator('.notifications-toasts').first().innerText();
    assert.match(summary, /10 documents · 2 errors · 6 warnings · 96% section coverage · 1 reviews overdue/);
    await vscode.showProblems();
    // The list renders only the rows in view: give it the window's height for all ten problems.
    await vscode.runCommand('View: Toggle Maximized Panel');
    await vscode.waitForProblem('Review overdue');
    await vscode.waitForProblem('Missing "Resolution" in "Issue: Database Connection Errors"');
    await vscode.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await vscode.screenshot('validate-all.png');
    await vscode.runCommand('View: Toggle Maximized Panel');
  });

  it('shows a document\'s coverage in the Runbook Coverage view', async () => {
    await vscode.runCommand('Explorer: Focus on Runbook Coverage View');
    // Room for the view: fold the file tree above it.
    await vscode.page.locator('.pane-header:has-text("opsdocs-e2e-ws")').first().click();
    const view = vscode.page.locator('.pane:has(.pane-header:has-text("Runbook Coverage"))');
    await view.locator('.monaco-list-row:has-text("Runbook")').first().waitFor({ timeout: 30_000 });
    const row = view.locator('.monaco-list-row:has-text("Scale the Workers")').first();
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /6\/6 sections · review overdue/);
    await view.locator('.monaco-list-row:has-text("docs/runbooks/backup_restore.md")').first().waitFor();
    await vscode.screenshot('coverage-tree.png');
  });

  it('finds a heading of any document with Go to Symbol in Workspace', async () => {
    await vscode.page.keyboard.press('Control+T');
    const input = vscode.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('#Post-Incident');
    const row = vscode.page.locator('.quick-input-list .monaco-list-row:has-text("Post-Incident Review")').first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await vscode.page.locator('.tab.active:has-text("incident_response.md")').first().waitFor({ timeout: 15_000 });
  });
});
