/** Rules in a real VS Code: a document rule's and a command rule's diagnostic in the Problems panel, and their quick fixes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { vscodeForSuite } from './workbench.mjs';

describe('diagnostics and quick fixes in VS Code', () => {
  const suite = vscodeForSuite();

  it('shows section-missing in the Problems panel and applies "Insert section"', async () => {
    await suite.vscode.openFile('database-failover.md');
    await suite.vscode.showProblems();
    const message = 'Missing required section "Rollback" (type runbook)';
    try {
      await suite.vscode.waitForProblem(message);
      await suite.vscode.screenshot('problems.png');
      await suite.vscode.applyQuickFix(message, 'Insert section "Rollback"');
      await suite.vscode.waitForNoProblem(message);
      await suite.vscode.save();
    } catch (error) {
      await suite.vscode.screenshot('failure-quick-fix.png');
      throw error;
    }
    const text = suite.vscode.read('docs/runbooks/database-failover.md');
    assert.match(text, /## Verification\n\nWrites succeed on the new primary and the application's error rate is back under 1%\.\n\n## Rollback\n\nTODO: [^\n]+\n\n## Escalation/);
  });

  it('shows command-subcommand in the Problems panel and applies its did-you-mean', async () => {
    await suite.vscode.openFile('scale-workers.md');
    await suite.vscode.showProblems();
    const message = '"kubectl rollout restrat" is no kubectl rollout subcommand; did you mean "kubectl rollout restart"?';
    await suite.vscode.fixProblem(message, 'Change to "restart"', 'failure-command-fix.png');
    assert.match(suite.vscode.read('docs/runbooks/scale-workers.md'), /kubectl -n sergas rollout restart deployment\/workers/);
  });

  it('shows command-destructive in the Problems panel and inserts the caution callout', async () => {
    await suite.vscode.openFile('operations_manual.md');
    await suite.vscode.showProblems();
    const message = '"redis-cli flushall" destroys data or state, with no dry run or confirmation before it, no warning in its section and no rollback section in the document';
    await suite.vscode.fixProblem(message, 'Insert a caution callout above the block', 'failure-destructive-fix.png');
    assert.match(suite.vscode.read('docs/production/operations_manual.md'), /> \[!CAUTION\]\n> `redis-cli flushall` cannot be undone: check the target before you run it\.\n\n```bash\nredis-cli/);
  });
});
