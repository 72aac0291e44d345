/** Rules in a real VS Code: a document rule's and a command rule's diagnostic in the Problems panel, and their quick fixes. */
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

  it('shows command-subcommand in the Problems panel and applies its did-you-mean', async () => {
    await vscode.openFile('scale-workers.md');
    await vscode.showProblems();
    const message = '"kubectl rollout restrat" is no kubectl rollout subcommand; did you mean "kubectl rollout restart"?';
    await vscode.fixProblem(message, 'Change to "restart"', 'failure-command-fix.png');
    assert.match(vscode.read('docs/runbooks/scale-workers.md'), /kubectl -n sergas rollout restart deployment\/workers/);
  });

  it('shows command-destructive in the Problems panel and inserts the caution callout', async () => {
    await vscode.openFile('operations_manual.md');
    await vscode.showProblems();
    const message = '"redis-cli flushall" destroys data or state, with no dry run or confirmation before it, no warning in its section and no rollback section in the document';
    await vscode.fixProblem(message, 'Insert a caution callout above the block', 'failure-destructive-fix.png');
    assert.match(vscode.read('docs/production/operations_manual.md'), /> \[!CAUTION\]\n> `redis-cli flushall` cannot be undone: check the target before you run it\.\n\n```bash\nredis-cli/);
  });
});
