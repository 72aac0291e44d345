/** The foundation in a real VS Code: a document rule's diagnostic in the Problems panel, and its quick fix. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { copyWorkspace, startVSCode } from './workbench.mjs';

describe('diagnostics and quick fixes in VS Code', () => {
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

  it('shows section-missing in the Problems panel and applies "Insert section"', async () => {
    await vscode.openFile('database-failover.md');
    await vscode.showProblems();
    const message = 'Missing required section "Rollback" (type runbook)';
    try {
      await vscode.waitForProblem(message);
      await vscode.screenshot('problems.png');
      await vscode.applyQuickFix(message, 'Insert section "Rollback"');
      await vscode.waitForNoProblem(message);
      await vscode.save();
    } catch (error) {
      await vscode.screenshot('failure-quick-fix.png');
      throw error;
    }
    const text = vscode.read('docs/runbooks/database-failover.md');
    assert.match(text, /## Verification\n\nWrites succeed on the new primary and the application's error rate is back under 1%\.\n\n## Rollback\n\nTODO: [^\n]+\n\n## Escalation/);
  });
});
