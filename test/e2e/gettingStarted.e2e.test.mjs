/** The first minutes in a real VS Code: the walkthrough, and `opsdocs.run: onSave` honoured. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyWorkspace, startVSCode } from './workbench.mjs';

const PLACEHOLDER = 'Placeholder "TODO" left in the document';

describe('getting started', () => {
  let vscode;
  let workspace;
  before(async () => {
    workspace = copyWorkspace();
    fs.writeFileSync(path.join(workspace, 'docs', 'on-save.md'), '# On save\n\nNothing to do.\n');
    vscode = await startVSCode({ workspace, settings: { 'opsdocs.run': 'onSave', 'files.autoSave': 'off' } });
  });
  after(async () => {
    await vscode?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('shows the walkthrough, step by step', async () => {
    try {
      await vscode.runCommand('Welcome: Open Walkthrough...');
      await vscode.page.locator('.quick-input-widget input').fill('OpsDocs');
      await vscode.page.locator('.quick-input-list .monaco-list-row:has-text("Get started with OpsDocs")').first().click();
      for (const step of ['Open a runbook', 'Configure the workspace', 'Validate all documents', 'Preview a diagram']) {
        await vscode.page.locator(`.gettingStartedContainer :text("${step}")`).first().waitFor({ timeout: 30_000 });
      }
      await vscode.screenshot('walkthrough.png');
    } catch (error) {
      await vscode.screenshot('failure-walkthrough.png');
      throw error;
    }
    await vscode.runCommand('View: Close All Editors');
  });

  it('with opsdocs.run onSave, checks an edited document only once it is saved', async () => {
    try {
      await vscode.openFile('on-save.md');
      await vscode.showProblems();
      // Back in the editor (the Problems panel has the focus), at the end of the document.
      await vscode.page.locator('.editor-instance .view-lines').first().click();
      await vscode.page.keyboard.press('Control+End');
      await vscode.page.keyboard.type('\nTODO page the on-call engineer\n');
      await vscode.page.waitForTimeout(3_000);
      assert.ok(!(await vscode.problems()).some((row) => row.includes(PLACEHOLDER)), 'not checked while only edited');
      assert.match(await vscode.page.locator('.editor-instance .view-lines').first().innerText(), /TODO\s+page\s+the\s+on-call\s+engineer/, "typed into the editor");
      await vscode.save();
      await vscode.waitForProblem(PLACEHOLDER, 30_000);
    } catch (error) {
      await vscode.screenshot('failure-on-save.png');
      throw error;
    }
  });
});
