/** New Document from Template… in a real VS Code: a type, a title and a folder make a document with no error. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyWorkspace, startVSCode } from './workbench.mjs';

describe('documents from templates in VS Code', () => {
  let vscode;
  let workspace;

  before(async () => {
    workspace = copyWorkspace();
    vscode = await startVSCode({ workspace });
  });

  after(async () => {
    await vscode?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('creates a runbook from its template that has placeholders to fill and no error', async () => {
    const { page } = vscode;
    try {
      await vscode.runCommand('OpsDocs: New Document from Template…');
      const input = page.locator('.quick-input-widget input');
      await input.fill('runbook');
      // The exact match ranks first, above "Alert runbook".
      const first = page.locator('.quick-input-list .monaco-list-row').first();
      await first.filter({ hasText: 'runbook' }).waitFor();
      assert.doesNotMatch(await first.innerText(), /alert/i);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget:has-text("(2/3)")').waitFor();
      await input.fill('Restart the Payments API');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget:has-text("(3/3)")').waitFor();
      assert.equal(await input.inputValue(), 'docs/runbooks', 'the folder of the type, from its match glob');
      await page.keyboard.press('Enter');
      await page.locator('.tab.active:has-text("restart-the-payments-api.md")').waitFor({ timeout: 15_000 });

      await vscode.showProblems();
      await page.getByPlaceholder(/^Filter \(e\.g\./).first().fill('restart-the-payments-api');
      await vscode.waitForProblem('Placeholder "TODO" left in front matter key owner');
      // The filter applies after a pause: wait for the other documents' problems to go.
      await vscode.waitForNoProblem('.opsdocs.yaml');
      const rows = page.locator('.markers-panel .monaco-list-row');
      assert.equal(await rows.locator('.codicon-error').count(), 0, (await vscode.problems()).join('\n'));
      assert.ok((await rows.locator('.codicon-warning').count()) >= 6, 'one placeholder per section');
      await page.getByPlaceholder(/^Filter \(e\.g\./).first().fill('');
    } catch (error) {
      await vscode.screenshot('failure-new-document.png');
      throw error;
    }
    const text = fs.readFileSync(path.join(workspace, 'docs', 'runbooks', 'restart-the-payments-api.md'), 'utf8');
    assert.match(text, /^---\ntitle: "Restart the Payments API"\ntype: runbook\nowner: TODO\nlast_reviewed: \d{4}-\d\d-\d\d\nreview_cycle: quarterly\n---\n\n# Restart the Payments API\n\n## Overview\n/);
  });
});
