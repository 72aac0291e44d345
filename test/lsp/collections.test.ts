/** Types from headings and a collection's review dates, as the language server shows them. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CoverageResult } from '../../server/src/lsp/protocol';
import { LspClient, uri } from '../helpers/lspClient';

const today = new Date().toISOString().slice(0, 10);
const UNTYPED = (name: string) => `# ${name}\n\n## Meaning\n\nx\n\n## Impact\n\nx\n\n## Diagnosing\n\nx\n`;

describe('collections over LSP', () => {
  let root: string;
  let client: LspClient;
  const a = () => path.join(root, 'alerts/A.md');
  const b = () => path.join(root, 'alerts/B.md');

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-collection-'));
    fs.mkdirSync(path.join(root, 'alerts'));
    fs.writeFileSync(a(), UNTYPED('A'));
    fs.writeFileSync(b(), UNTYPED('B'));
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('types a document by its headings, with warnings and a "Set type" suggestion', async () => {
    await client.open(a(), UNTYPED('A'));
    const diagnostics = await client.diagnostics(a());
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.message]),
      [['section-missing', 2, 'Missing required section "Mitigation" (type alert-runbook, inferred from its headings)']],
    );
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(a()) },
      range: diagnostics[0].range,
      context: { diagnostics, only: ['quickfix'] },
    })) as Array<{ title: string; isPreferred?: boolean }>;
    const setType = actions.find((action) => action.title === 'Set `type: alert-runbook` in front matter');
    assert.ok(setType, 'the Set type quick fix is offered');
    assert.ok(!setType.isPreferred, 'a suggestion is never preferred');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(a()) }, position: { line: 0, character: 3 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /Type \*\*inferred\*\* from the headings: set `type: alert-runbook` in front matter/);
  });

  it('shows the inferred type in coverage, and the collection without review dates one notice', async () => {
    const coverage = (await client.connection.sendRequest('opsdocs/coverage', {})) as CoverageResult;
    const documents = coverage.reports[0].report.documents;
    assert.deepEqual(documents.map((d) => [path.basename(d.path), d.type, d.typeSource]), [
      ['A.md', 'alert-runbook', 'inferred'],
      ['B.md', 'alert-runbook', 'inferred'],
    ]);
    const withNotice = await client.diagnostics(a(), (p) => p.diagnostics.some((d) => d.code === 'review-missing'));
    const notice = withNotice.filter((d) => d.code === 'review-missing');
    assert.equal(notice.length, 1);
    assert.equal(notice[0].severity, 3, 'an information');
    assert.match(String(notice[0].message), /^No document of this collection states a review date yet, so none is asked of its 2 typed documents\. To adopt review dates, run `opsdocs init`/);
  });

  it('warns every undated typed document once one document states a date', async () => {
    await client.open(b(), UNTYPED('B'));
    await client.change(b(), `---\nlast_reviewed: ${today}\n---\n\n${UNTYPED('B')}`);
    const diagnostics = await client.diagnostics(a(), (p) => p.diagnostics.some((d) => d.code === 'review-missing' && d.severity === 2), 20_000);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'review-missing').map((d) => d.message),
      ['No review date: add last_reviewed to the front matter (quarterly review cycle)'],
    );
  });
});
