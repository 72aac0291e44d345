/** The editor's settings over a real LSP connection: `opsdocs.run` (as you type, or on save) and the rules' documentation links. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, uri } from '../helpers/lspClient';

/** Well past the server's typing delay (200 ms): a check it would run on a change has run by then. */
const QUIET_MS = 800;
const placeholders = (d: Diagnostic[]) => d.filter((x) => x.code === 'placeholder').length;

describe('opsdocs.run', () => {
  let root: string;
  let client: LspClient;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-run-'));
    client = new LspClient();
    await client.initialize(root, { run: 'onSave' });
    // As VS Code's language client does once it has started.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('onSave: checks a document when it opens, then only when it is saved', async () => {
    const file = path.join(root, 'notes.md');
    await client.open(file, '# Notes\n\nTODO one\n');
    assert.equal(placeholders(await client.diagnostics(file)), 1);
    await client.settled(file);
    const published = client.publishCount(file);
    await client.change(file, '# Notes\n\nTODO one\n\nTODO two\n');
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    assert.equal(client.publishCount(file), published, 'no check while the document is only edited');
    await client.save(file);
    await client.diagnostics(file, (p) => placeholders(p.diagnostics) === 2);
  });

  it('onSave: a quick fix asked for after more edits applies to the current text', async () => {
    const file = path.join(root, 'typo.md');
    await client.open(file, '---\ntype: runbok\n---\n# Typo\n');
    const [diagnostic] = (await client.diagnostics(file)).filter((d) => d.code === 'frontmatter-invalid');
    const version = await client.change(file, '---\ntype: runbok\n---\n# Typo\n\nMore text.\n');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(file) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Change type to "runbook"');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(fix.edit?.documentChanges?.[0], { textDocument: { uri: uri(file), version }, edits: [{ range: diagnostic.range, newText: 'runbook' }] });
  });

  it('onType again: the open documents are checked at once, then as they change', async () => {
    const file = path.join(root, 'notes.md');
    await client.change(file, '# Notes\n\nTODO one\n\nTODO two\n\nTODO three\n');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { opsdocs: { run: 'onType' } } });
    await client.diagnostics(file, (p) => placeholders(p.diagnostics) === 3);
    await client.change(file, '# Notes\n\nDone.\n');
    await client.diagnostics(file, (p) => placeholders(p.diagnostics) === 0);
  });

  it('links each diagnostic\'s code to its rule\'s section of the README', async () => {
    const file = path.join(root, 'typo.md');
    const diagnostics = await client.diagnostics(file);
    assert.equal(diagnostics.find((d) => d.code === 'frontmatter-invalid')?.codeDescription?.href, 'https://github.com/opsdocs/opsdocs#frontmatter-invalid-error');
    for (const d of diagnostics) assert.match(d.codeDescription!.href, new RegExp(`^https://github\\.com/opsdocs/opsdocs#${d.code}-(error|warning|info)$`));
  });
});
