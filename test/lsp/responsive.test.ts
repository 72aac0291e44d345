/** While a large document is being checked, the server keeps answering for other documents. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, uri } from '../helpers/lspClient';

describe('responsiveness under a large document', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-big-'));
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers a hover on another document while 50,000 headings are still being checked', async () => {
    const big = path.join(root, 'big.md');
    const small = path.join(root, 'small.md');
    await client.open(small, '---\ntype: runbook\nlast_reviewed: 2026-11-01\n---\n\n# Small\n\n## Rollback\n');
    await client.diagnostics(small);
    await client.open(big, Array.from({ length: 50_000 }, (_, i) => `## Heading ${i}\nTODO: fill ${i}\n`).join(''));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(small) }, position: { line: 2, character: 17 } })) as { contents: { value: string } } | null;
    const latency = performance.now() - started;
    assert.match(hover?.contents.value ?? '', /2026-11-01/);
    // The order, not a time: the answer came while the large document's check was still running.
    assert.notEqual(client.lastPublished(big)?.length, 50_000, 'the hover waited for the large document');
    console.log(`# hover on another document while the large one is checked: ${latency.toFixed(1)} ms`);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(small) } })) as unknown[];
    assert.equal(symbols.length, 1);
    const diagnostics = await client.diagnostics(big, (p) => p.diagnostics.length > 0, 60_000);
    assert.equal(diagnostics.length, 50_000, 'the large document is diagnosed in full');
  });

  it('declines a 20 MB document with a notice and stays up', async () => {
    const huge = path.join(root, 'export.md');
    await client.open(huge, 'x'.repeat(20 * 1024 * 1024));
    const [notice] = await client.diagnostics(huge, () => true, 30_000);
    assert.equal(notice.code, 'document-skipped');
    const other = path.join(root, 'after.md');
    await client.open(other, '# After\n\nTODO: x\n');
    assert.equal((await client.diagnostics(other))[0].code, 'placeholder');
  });
});
