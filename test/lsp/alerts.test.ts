/**
 * Alert rule files in the editor, without any config: found by their content, their alerts
 * checked against the runbooks, and a file Prometheus could not read either told, never skipped.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from '../helpers/lspClient';

const today = new Date().toISOString().slice(0, 10);
const runbook = (title: string) => `---\ntype: alert-runbook\nlast_reviewed: ${today}\n---\n\n# ${title}\n\n## Meaning\n\nx\n\n## Impact\n\nx\n\n## Diagnosis\n\nx\n\n## Mitigation\n\nx\n`;

describe('alert rule files over LSP', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-alerts-'));
    const files: Record<string, string> = {
      'rules/api.yml': 'groups:\n  - name: api\n    rules:\n      - alert: ApiDown\n        expr: up == 0\n        annotations:\n          runbook: runbooks/ApiDown.md\n      - alert: ApiSlow\n        expr: api:p99 > 1\n        annotations:\n          runbook: runbooks/ApiSlow.md\n',
      'rules/broken.yml': 'groups:\n  - name: db\n    rules:\n      - alert: DbDown\n        expr: up == 0\n        annotations: {runbook: "runbooks/DbDown.md\n',
      'runbooks/ApiDown.md': runbook('API down'),
      'runbooks/DbDown.md': runbook('Database down'),
      'runbooks/Unnamed.md': runbook('Nobody links here'),
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    client = new LspClient();
    await client.initialize(root);
    await client.connection.sendRequest('opsdocs/validateAll', {});
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports an alert whose runbook is missing on its rule file, found without config', async () => {
    const diagnostics = await client.diagnostics(path.join(root, 'rules/api.yml'), (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, d.range.start]),
      [['alert-runbook-missing', 'The runbook of alert ApiSlow (runbooks/ApiSlow.md) names no runbook of this documentation set', { line: 10, character: 19 }]],
    );
  });

  it('tells, on the file, that a rule file could not be read', async () => {
    const diagnostics = await client.diagnostics(path.join(root, 'rules/broken.yml'), (p) => p.diagnostics.length > 0);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'rule-file-unreadable');
    assert.match(String(diagnostics[0].message), /could not read this YAML, so the alerts of this document are not checked/);
  });

  it('reports a runbook that no alert names, and none that an alert of the unreadable file may name', async () => {
    const orphan = await client.diagnostics(path.join(root, 'runbooks/Unnamed.md'));
    assert.deepEqual(orphan.map((d) => d.code), ['runbook-orphan']);
    assert.match(String(orphan[0].message), /in the 2 rule files found in the workspace/);
    assert.deepEqual((await client.diagnostics(path.join(root, 'runbooks/ApiDown.md'))).map((d) => d.code), []);
    // Only the unreadable file's DbDown names this runbook: what could be read of it still counts.
    assert.deepEqual((await client.diagnostics(path.join(root, 'runbooks/DbDown.md'))).map((d) => d.code), []);
  });
});
