/** A type inferred from the headings in a real VS Code: marked in the status bar, confirmed by its "Set type" quick fix. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { vscodeForSuite, waitFor } from './workbench.mjs';

const today = new Date().toISOString().slice(0, 10);
// Outside every types[].match glob of the sample's config: only its headings type it.
const UNTYPED = `# QueueBacklogGrowing\n\n**Last Updated**: ${today}\n\n## Meaning\n\nThe orders queue has held more than 10,000 messages for 15 minutes.\n\n## Impact\n\nOrders are confirmed late.\n\n## Diagnosing\n\nCompare the publish and consume rates on the queue dashboard.\n`;

describe('types from headings in VS Code', () => {
  const suite = vscodeForSuite({
    prepare: (workspace) => {
      fs.mkdirSync(path.join(workspace, 'docs', 'oncall'), { recursive: true });
      fs.writeFileSync(path.join(workspace, 'docs', 'oncall', 'QueueBacklogGrowing.md'), UNTYPED);
    },
  });

  it('shows the inferred type in the status bar and applies "Set type"', async () => {
    const vscode = suite.vscode;
    const status = (text) => vscode.page.locator(`.statusbar-item:has-text(${JSON.stringify(text)})`).first();
    try {
      await vscode.openFile('QueueBacklogGrowing.md');
      await status('alert-runbook (inferred) · 3/4').waitFor({ timeout: 60_000 });
      await vscode.screenshot('inferred-type.png');
      await vscode.showProblems();
      const inferred = 'Missing required section "Mitigation" (type alert-runbook, inferred from its headings)';
      await vscode.waitForProblem(inferred);
      await vscode.applyQuickFix(inferred, 'Set `type: alert-runbook` in front matter');
      await vscode.waitForNoProblem(inferred);
      // Confirmed, the type comes from front matter: the missing section is an error now.
      await vscode.waitForProblem('Missing required section "Mitigation" (type alert-runbook)');
      await vscode.save();
      await status('alert-runbook · 3/4').waitFor({ timeout: 30_000 });
    } catch (error) {
      await vscode.screenshot('failure-inferred-type.png');
      throw error;
    }
    await waitFor(() => vscode.read('docs/oncall/QueueBacklogGrowing.md').startsWith('---\ntype: alert-runbook\n---\n\n# QueueBacklogGrowing\n'), 10_000, () => vscode.read('docs/oncall/QueueBacklogGrowing.md'));
    assert.ok(!(await status('(inferred)').isVisible()), 'the status bar no longer says inferred');
  });
});
