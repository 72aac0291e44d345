/** Workspace features in a real VS Code: Validate All Docs, the coverage view, search. */
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { vscodeForSuite } from './workbench.mjs';

describe('workspace features in VS Code', () => {
  const suite = vscodeForSuite();

  afterEach(async (t) => {
    if (t.passed === false || t.error) await suite.vscode.screenshot(`failure-${t.name.slice(0, 30).replace(/\W+/g, '-')}.png`);
  });

  it('Validate All Docs fills the Problems panel with documents that are not open', async () => {
    await suite.vscode.runCommand('OpsDocs: Validate All Docs');
    await suite.vscode.page.locator('.notifications-toasts:has-text("documents ·")').first().waitFor({ timeout: 60_000 });
    const summary = await suite.vscode.page.locator('.notifications-toasts').first().innerText();
    assert.match(summary, /10 documents · 2 errors · 6 warnings · 96% section coverage · 1 reviews overdue/);
    await suite.vscode.showProblems();
    // The list renders only the rows in view: give it the window's height for all ten problems.
    await suite.vscode.runCommand('View: Toggle Maximized Panel');
    await suite.vscode.waitForProblem('Review overdue');
    await suite.vscode.waitForProblem('Missing "Resolution" in "Issue: Database Connection Errors"');
    await suite.vscode.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await suite.vscode.screenshot('validate-all.png');
    await suite.vscode.runCommand('View: Toggle Maximized Panel');
  });

  it('shows a document\'s coverage in the Runbook Coverage view', async () => {
    await suite.vscode.runCommand('Explorer: Focus on Runbook Coverage View');
    // Room for the view: fold the file tree above it.
    await suite.vscode.page.locator('.pane-header:has-text("opsdocs-e2e-ws")').first().click();
    const view = suite.vscode.page.locator('.pane:has(.pane-header:has-text("Runbook Coverage"))');
    await view.locator('.monaco-list-row:has-text("Runbook")').first().waitFor({ timeout: 30_000 });
    const row = view.locator('.monaco-list-row:has-text("Scale the Workers")').first();
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /6\/6 sections · review overdue/);
    await view.locator('.monaco-list-row:has-text("docs/runbooks/backup_restore.md")').first().waitFor();
    await suite.vscode.screenshot('coverage-tree.png');
  });

  it('finds a heading of any document with Go to Symbol in Workspace', async () => {
    await suite.vscode.page.keyboard.press('Control+T');
    const input = suite.vscode.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('#Post-Incident');
    const row = suite.vscode.page.locator('.quick-input-list .monaco-list-row:has-text("Post-Incident Review")').first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await suite.vscode.page.locator('.tab.active:has-text("incident_response.md")').first().waitFor({ timeout: 15_000 });
  });
});
