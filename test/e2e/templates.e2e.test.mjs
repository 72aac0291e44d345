/** New Document from Template… in a real VS Code: a type, a title and a folder make a document with no error. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { vscodeForSuite } from './workbench.mjs';

describe('documents from templates in VS Code', () => {
  const suite = vscodeForSuite();

  it('creates a runbook from its template that has placeholders to fill and no error', async () => {
    const { page } = suite.vscode;
    try {
      await suite.vscode.runCommand('OpsDocs: New Document from Template…');
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

      await suite.vscode.showProblems();
      await page.getByPlaceholder(/^Filter \(e\.g\./).first().fill('restart-the-payments-api');
      await suite.vscode.waitForProblem('Placeholder "TODO" left in front matter key owner');
      // The filter applies after a pause: wait for the other documents' problems to go.
      await suite.vscode.waitForNoProblem('.opsdocs.yaml');
      const rows = page.locator('.markers-panel .monaco-list-row');
      assert.equal(await rows.locator('.codicon-error').count(), 0, (await suite.vscode.problems()).join('\n'));
      assert.ok((await rows.locator('.codicon-warning').count()) >= 6, 'one placeholder per section');
      await page.getByPlaceholder(/^Filter \(e\.g\./).first().fill('');
    } catch (error) {
      await suite.vscode.screenshot('failure-new-document.png');
      throw error;
    }
    const text = suite.vscode.read('docs/runbooks/restart-the-payments-api.md');
    assert.match(text, /^---\ntitle: "Restart the Payments API"\ntype: runbook\nowner: TODO\nlast_reviewed: \d{4}-\d\d-\d\d\nreview_cycle: quarterly\n---\n\n# Restart the Payments API\n\n## Overview\n/);
  });
});
