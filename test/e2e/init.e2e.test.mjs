/** OpsDocs: Configure Workspace… from the palette in a real VS Code: writes .opsdocs.yaml once and opens it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { vscodeForSuite, waitFor } from './workbench.mjs';

const RUNBOOK = (name) => `# ${name}\n\n## Meaning\n\nx\n\n## Impact\n\nx\n\n## Diagnosis\n\nx\n\n## Mitigation\n\nx\n`;

describe('Configure Workspace in VS Code', () => {
  const suite = vscodeForSuite({
    prepare: (workspace) => {
      // The sample without its config, and a folder of alert runbooks its headings type.
      fs.rmSync(path.join(workspace, '.opsdocs.yaml'));
      fs.mkdirSync(path.join(workspace, 'playbooks'));
      for (const name of ['DiskFull', 'QueueStuck', 'CertExpiring']) fs.writeFileSync(path.join(workspace, 'playbooks', `${name}.md`), RUNBOOK(name));
    },
  });

  it('writes the proposed .opsdocs.yaml, opens it, and never overwrites it', async () => {
    const vscode = suite.vscode;
    const file = path.join(suite.workspace, '.opsdocs.yaml');
    try {
      await vscode.runCommand('OpsDocs: Configure Workspace…');
      await waitFor(() => fs.existsSync(file), 60_000, () => 'no .opsdocs.yaml');
      await vscode.page.locator('.tab.active:has-text(".opsdocs.yaml")').first().waitFor({ timeout: 30_000 });
      await vscode.page.locator('.notifications-toasts:has-text("wrote .opsdocs.yaml")').first().waitFor({ timeout: 30_000 });
      await vscode.screenshot('configure-workspace.png');
      const written = fs.readFileSync(file, 'utf8');
      const config = parse(written);
      assert.deepEqual(config.types, [{ id: 'alert-runbook', match: ['playbooks/**/*.md'] }]);
      assert.match(written, /# 3 of 3 documents under playbooks\/ have the sections of an alert runbook/);

      fs.appendFileSync(file, '# kept\n');
      await vscode.runCommand('OpsDocs: Configure Workspace…');
      await vscode.page.locator('.notifications-toasts:has-text("exists already; Configure Workspace never overwrites")').first().waitFor({ timeout: 30_000 });
      assert.equal(fs.readFileSync(file, 'utf8'), `${written}# kept\n`);
    } catch (error) {
      await vscode.screenshot('failure-configure-workspace.png');
      throw error;
    }
  });
});
