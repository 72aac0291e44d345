/** code-language in a real VS Code: PromQL in a bash fence is one warning, not a cascade, and its relabel suggestion applies. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { vscodeForSuite } from './workbench.mjs';

const DOCUMENT = `# Checkout error ratio

The ratio of failed checkout requests, per route:

\`\`\`bash
sum by (route) (rate(http_requests_total{job="checkout", code=~"5.."}[5m]))
  / sum by (route) (rate(http_requests_total{job="checkout"}[5m]))
\`\`\`
`;

describe('code-language in VS Code', () => {
  const suite = vscodeForSuite({
    prepare: (workspace) => fs.writeFileSync(path.join(workspace, 'docs', 'checkout-error-ratio.md'), DOCUMENT),
  });

  it('reports PromQL in a bash fence once and relabels the fence', async () => {
    await suite.vscode.openFile('checkout-error-ratio.md');
    await suite.vscode.showProblems();
    const message = 'This `bash` block reads as PromQL, not shell: label it `promql`';
    try {
      await suite.vscode.waitForProblem(message);
      await suite.vscode.screenshot('code-language.png');
      const rows = await suite.vscode.problems();
      assert.ok(!rows.some((row) => /Shell syntax error|is no shell builtin|SC\d{4}/.test(row)), `no command finding on the query:\n${rows.join('\n')}`);
    } catch (error) {
      await suite.vscode.screenshot('failure-code-language.png');
      throw error;
    }
    await suite.vscode.fixProblem(message, 'Label the block `promql`', 'failure-code-language-fix.png');
    assert.match(suite.vscode.read('docs/checkout-error-ratio.md'), /per route:\n\n```promql\nsum by \(route\)/);
  });
});
