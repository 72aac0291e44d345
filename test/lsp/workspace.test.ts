import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/engine/edits';
import type { CoverageResult, ValidateAllResult } from '../../server/src/lsp/protocol';
import { LspClient, uri } from '../helpers/lspClient';

const today = new Date().toISOString().slice(0, 10);
const alert = (sections: string[]) => `---\ntype: alert-runbook\nlast_reviewed: ${today}\n---\n\n# A\n\n${sections.map((s) => `## ${s}\n\nx\n`).join('\n')}`;

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
}

describe('workspace features over LSP', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-ws-'));
    const files: Record<string, string> = {
      '.opsdocs.yaml': 'requiredDocs: [postmortem]\n',
      'alerts/full.md': alert(['Meaning', 'Impact', 'Diagnosis', 'Mitigation']),
      'alerts/half.md': alert(['Meaning', 'Impact']),
      'ignored/node_modules/x.md': '# TODO\n',
    };
    for (let i = 0; i < 30; i++) files[`notes/n${i}.md`] = `# Note ${i}\n\nTODO: fill in\n`;
    write(root, files);
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('Validate All checks closed documents, publishes their diagnostics and reports progress', async () => {
    const summary = (await client.connection.sendRequest('opsdocs/validateAll', {})) as ValidateAllResult;
    assert.deepEqual(summary, { documents: 32, errors: 2, warnings: 30, infos: 0, coverage: 75, overdue: 0, reused: 0, cancelled: false });
    const half = await client.diagnostics(path.join(root, 'alerts/half.md'));
    assert.deepEqual(half.map((d) => d.code), ['section-missing', 'section-missing']);
    const progress = client.notifications.filter((n) => n.method === 'opsdocs/progress').map((n) => n.params as { done: number; total: number });
    assert.deepEqual(progress.at(-1), { done: 32, total: 32 });
  });

  it('reports the requiredDocs entries that no document satisfies, on the config file', async () => {
    const diagnostics = await client.diagnostics(path.join(root, '.opsdocs.yaml'), (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, d.range.start]),
      [['doc-required-missing', 'No document of type postmortem exists, but requiredDocs asks for one', { line: 0, character: 15 }]],
    );
  });

  it('finds a heading by workspace symbol and text by search, at its line', async () => {
    write(root, { 'runbooks/deploy.md': '# Deploy\n\n## Emergency Rollback\n\nRun the rollback script.\n\nThen check the canary dashboard.\n' });
    await client.changedOnDisk([{ file: path.join(root, 'runbooks/deploy.md'), type: 1 }]);
    await client.connection.sendRequest('opsdocs/validateAll', {});
    const symbols = (await client.connection.sendRequest('workspace/symbol', { query: 'emergency rollb' })) as Array<{ name: string; location: { uri: string; range: { start: { line: number } } } }>;
    assert.equal(symbols[0].name, 'Emergency Rollback');
    assert.equal(symbols[0].location.uri, uri(path.join(root, 'runbooks/deploy.md')));
    assert.equal(symbols[0].location.range.start.line, 2);
    const hits = (await client.connection.sendRequest('opsdocs/search', { query: 'canary dashbord' })) as Array<{ path: string; line: number; kind: string; preview: string; score: number }>;
    assert.deepEqual(hits[0], { path: path.join(root, 'runbooks/deploy.md'), line: 6, heading: 'Emergency Rollback', preview: 'Then check the canary dashboard.', kind: 'text', score: hits[0].score } as never);
  });

  it('reuses the results of unchanged files on the next run', async () => {
    const summary = (await client.connection.sendRequest('opsdocs/validateAll', {})) as ValidateAllResult;
    assert.equal(summary.reused, 33);
    assert.equal(summary.errors, 2);
  });

  it('follows files that change on disk after the first run', async () => {
    const file = path.join(root, 'alerts/half.md');
    fs.writeFileSync(file, alert(['Meaning', 'Impact', 'Diagnosis', 'Mitigation']));
    client.forget(file);
    await client.changedOnDisk([{ file, type: 2 }]);
    assert.deepEqual(await client.diagnostics(file), []);
  });

  it('can be cancelled', async () => {
    fs.writeFileSync(path.join(root, '.opsdocs.yaml'), 'requiredDocs: [postmortem]\nreview:\n  cycle: monthly\n');
    await client.changedOnDisk([{ file: path.join(root, '.opsdocs.yaml'), type: 2 }]);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('opsdocs/validateAll', {}, source.token) as Promise<ValidateAllResult>;
    source.cancel();
    const outcome = await pending.then(
      (result) => result.cancelled && result.documents < 33,
      (error: Error) => /cancel/i.test(error.message),
    );
    assert.ok(outcome);
  });

  it('serves the coverage report with the requiredDocs manifest', async () => {
    const { reports } = (await client.connection.sendRequest('opsdocs/coverage', {})) as CoverageResult;
    assert.equal(reports.length, 1);
    const { report } = reports[0];
    assert.deepEqual(report.types.map((t) => [t.type, t.documents, t.coverage]), [['alert-runbook', 2, 100]]);
    assert.deepEqual(report.required, [{ entry: 'postmortem', kind: 'type', present: false, documents: [] }]);
    assert.equal(report.documents.length, 33);
  });

  it('gives the edits of Mark as Reviewed and Insert Missing Sections', async () => {
    const file = path.join(root, 'alerts/stale.md');
    const text = alert(['Meaning', 'Mitigation']).replace(today, '2020-01-01');
    write(root, { 'alerts/stale.md': text });
    const reviewed = (await client.connection.sendRequest('opsdocs/markReviewed', { uri: uri(file) })) as TextEdit[];
    assert.ok(applyEdits(text, reviewed).includes(`last_reviewed: ${today}`));
    const inserted = (await client.connection.sendRequest('opsdocs/insertMissingSections', { uri: uri(file) })) as TextEdit[];
    const fixed = applyEdits(text, inserted);
    assert.match(fixed, /## Meaning\n\nx\n\n## Impact\n\nTODO: [^\n]+\n\n## Diagnosis\n\nTODO: [^\n]+\n\n## Mitigation/);
  });
});

describe('worker threads stopped when idle (OPSDOCS_WORKERS_IDLE_MS=0: after every use)', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-idle-'));
    const files: Record<string, string> = { 'alerts/half.md': alert(['Meaning', 'Impact']) };
    for (let i = 0; i < 20; i++) files[`notes/n${i}.md`] = `# Note ${i}\n\nTODO: fill in\n`;
    write(root, files);
    client = new LspClient(undefined, { env: { OPSDOCS_WORKERS_IDLE_MS: '0' } });
    await client.initialize(root);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('checks again on new workers: Validate All, a file changed on disk, Validate All', async () => {
    const first = (await client.connection.sendRequest('opsdocs/validateAll', {})) as ValidateAllResult;
    assert.equal(first.documents, 21);
    assert.equal(first.errors, 2); // Diagnosis and Mitigation missing
    await new Promise((resolve) => setTimeout(resolve, 50));
    const file = path.join(root, 'alerts/half.md');
    fs.writeFileSync(file, alert(['Meaning', 'Impact', 'Diagnosis', 'Mitigation']));
    client.forget(file);
    await client.changedOnDisk([{ file, type: 2 }]);
    assert.deepEqual(await client.diagnostics(file), []);
    await new Promise((resolve) => setTimeout(resolve, 50));
    fs.writeFileSync(path.join(root, 'notes/n0.md'), '# Note 0\n');
    const second = (await client.connection.sendRequest('opsdocs/validateAll', {})) as ValidateAllResult;
    assert.equal(second.errors, 0);
    assert.equal(second.reused, 20);
    assert.equal(second.warnings, first.warnings - 1);
  });
});
