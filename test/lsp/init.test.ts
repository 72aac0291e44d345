/** opsdocs/proposeConfig, the request behind OpsDocs: Configure Workspace…, over a real connection. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProposeConfigResult } from '../../server/src/lsp/protocol';
import { parseConfig } from '../../server/src/engine/config/config';
import { LspClient } from '../helpers/lspClient';
import { runCli, scratchWorkspace } from '../helpers/cli';

const RUNBOOK = (name: string) => `# ${name}\n\n## Meaning\n\nx\n\n## Impact\n\nx\n\n## Diagnosis\n\nx\n\n## Mitigation\n\nx\n`;

describe('opsdocs/proposeConfig over LSP', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    root = scratchWorkspace({
      'README.md': '# Operations\n',
      'alerts/A.md': RUNBOOK('A'),
      'alerts/B.md': RUNBOOK('B'),
      'alerts/C.md': RUNBOOK('C'),
      'alerts/D.md': '# D\n\nSee the dashboard.\n',
      'guides/setup.md': '# Setup\n\n```sh\nsite-deployer --env prod\n```\n',
      'rules/app.rules.yml': 'groups:\n  - name: app\n    rules:\n      - alert: A\n        expr: up == 0\n        annotations:\n          link: alerts/A.md\n',
    }, 'opsdocs-propose-');
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.stop();
  });

  it('proposes what opsdocs init writes, and nothing where a config exists', async () => {
    const proposed = (await client.connection.sendRequest('opsdocs/proposeConfig', { folder: root })) as ProposeConfigResult;
    assert.equal(proposed.existing, false);
    assert.equal(proposed.file, path.join(root, '.opsdocs.yaml'));
    assert.equal(proposed.summary, '1 folder typed, 1 rule file, 1 unknown program to review, review dates not yet adopted');
    assert.match(proposed.text!, /# 3 of 4 documents under alerts\/ have the sections of an alert runbook\n\s+- alerts\/\*\*\/\*\.md\n/);
    assert.match(proposed.text!, /annotations:\n\s+- link\n/);
    assert.match(proposed.text!, /^# {5}- site-deployer # 1 document: guides\/setup\.md$/m);
    const loaded = parseConfig(proposed.file, proposed.text!);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.config.alerts.files, ['rules/app.rules.yml']);
    // One engine behind both front ends: the CLI prints the same text.
    assert.equal(runCli(root, 'init', '--print').stdout, proposed.text);
    assert.equal(fs.existsSync(proposed.file), false, 'the request writes nothing');

    fs.writeFileSync(path.join(root, '.opsdocs.yml'), 'review:\n  cycle: monthly\n');
    const existing = (await client.connection.sendRequest('opsdocs/proposeConfig', { folder: root })) as ProposeConfigResult;
    assert.deepEqual(existing, { file: path.join(root, '.opsdocs.yml'), existing: true });
  });
});
