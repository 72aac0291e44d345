import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/engine/edits';
import { LspClient, uri } from '../helpers/lspClient';

const RUNBOOK = `---
type: runbook
last_reviewed: ${new Date().toISOString().slice(0, 10)}
---

# Database Failover

## Overview

Promotes the replica.

## Prerequisites

Access to the database hosts.

## Procedure

1. Promote the replica.

## Verification

Writes succeed.

## Escalation

Page the database on-call.
`;

describe('language server over a real LSP connection', () => {
  let workspace: string;
  let client: LspClient;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-lsp-'));
    client = new LspClient();
    const result = (await client.initialize(workspace)) as { capabilities: Record<string, unknown> };
    assert.ok(result.capabilities.codeActionProvider);
    assert.ok(result.capabilities.documentSymbolProvider);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes diagnostics on open, with rule ids as codes', async () => {
    const file = path.join(workspace, 'failover.md');
    await client.open(file, RUNBOOK);
    const diagnostics = await client.diagnostics(file);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, d.range.start.line]),
      [['section-missing', 'Missing required section "Rollback" (type runbook)', 5]],
    );
    assert.equal(diagnostics[0].source, 'opsdocs');
  });

  it('offers the quick fix, whose edit removes the diagnostic', async () => {
    const file = path.join(workspace, 'fix.md');
    await client.open(file, RUNBOOK);
    const [diagnostic] = await client.diagnostics(file, (p) => p.diagnostics.length > 0);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(file) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const insert = actions.find((a) => a.title === 'Insert section "Rollback"')!;
    assert.ok(insert, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(insert.kind, 'quickfix');
    assert.equal(insert.isPreferred, true);
    const change = insert.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, 1, 'the edit is tied to the version it was computed for');
    const fixed = applyEdits(RUNBOOK, change.edits as TextEdit[]);
    assert.ok(fixed.includes('## Verification\n\nWrites succeed.\n\n## Rollback\n\nTODO: '));
    await client.change(file, fixed);
    const after = await client.diagnostics(file, (p) => p.version === 2);
    assert.deepEqual(after.map((d) => d.code), ['placeholder'], 'only the template guidance is left');
  });

  it('reports command, example, diagram and link findings, with the did-you-mean fix', async () => {
    const file = path.join(workspace, 'commands.md');
    fs.writeFileSync(path.join(workspace, 'other.md'), '# Other\n\n## Rollback Plan\n');
    const text = [
      '# Commands',
      '',
      '```bash',
      'kubectl rollout undoo deployment/api',
      "echo 'unclosed",
      '```',
      '',
      '```json',
      '{ "a": 1 "b": 2 }',
      '```',
      '',
      '```mermaid',
      'flowchat LR',
      '  a --> b',
      '```',
      '',
      'See [the plan](other.md#rollback-plam) and [gone](missing.md).',
      '',
    ].join('\n');
    await client.open(file, text);
    const diagnostics = await client.diagnostics(file, (p) => p.diagnostics.length >= 5);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]).sort(),
      [['command-syntax', 4, 5], ['diagram-mermaid', 12, 0], ['example-json', 8, 9], ['link-anchor', 16, 24], ['link-broken', 16, 50]].sort(),
    );
    // The syntax error stops the command rules of its block; the fix of the anchor is offered.
    const anchor = diagnostics.find((d) => d.code === 'link-anchor')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(file) },
      range: anchor.range,
      context: { diagnostics: [anchor] },
    })) as CodeAction[];
    const suggestion = actions.find((a) => a.title === 'Change to "#rollback-plan"')!;
    assert.equal(suggestion.isPreferred, false, 'a did-you-mean is a suggestion: never preferred, so auto fix leaves it alone');
    const change = suggestion.edit!.documentChanges![0] as TextDocumentEdit;
    assert.match(applyEdits(text, change.edits as TextEdit[]), /\[the plan\]\(other\.md#rollback-plan\)/);
  });

  it('fixes all with fixes only: the section skeleton goes in, no suggestion is applied', async () => {
    const file = path.join(workspace, 'fix-all.md');
    const text = RUNBOOK.replace('## Verification', '```bash\nkubctl get pods\n```\n\nSee [x](fix-al.md).\n\n## Verification');
    await client.open(file, text);
    await client.diagnostics(file, (p) => p.diagnostics.some((d) => d.code === 'command-unknown'));
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(file) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.opsdocs']);
    const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
    const fixed = applyEdits(text, change.edits as TextEdit[]);
    assert.match(fixed, /## Rollback\n/, 'the missing section is inserted');
    assert.match(fixed, /kubctl get pods/, 'the command is not rewritten');
    assert.match(fixed, /\(fix-al\.md\)/, 'the link target is not rewritten');
  });

  it('debounces typing and reports on the latest text only', async () => {
    const file = path.join(workspace, 'typing.md');
    await client.open(file, '# Notes\n');
    await client.diagnostics(file);
    await client.settled(file);
    const before = client.publishCount(file);
    let version = 0;
    for (let i = 0; i < 20; i++) version = await client.change(file, `# Notes\n\nDraft ${i} TODO\n`);
    const diagnostics = await client.diagnostics(file, (p) => p.version === version);
    // "Draft 19 TODO": the marker at column 9 proves the last text was checked.
    assert.deepEqual(diagnostics.map((d) => d.range.start), [{ line: 2, character: 9 }]);
    assert.ok(client.publishCount(file) - before <= 2, `20 quick edits caused ${client.publishCount(file) - before} runs`);
  });

  it('gives the outline with required sections marked', async () => {
    const file = path.join(workspace, 'outline.md');
    await client.open(file, RUNBOOK);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(file) } })) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'Database Failover');
    const children = symbols[0].children!;
    assert.deepEqual(children.map((s) => s.name), ['Overview', 'Prerequisites', 'Procedure', 'Verification', 'Escalation']);
    assert.equal(children[0].detail, 'required by runbook');
  });

  it('diagnoses a broken config file and re-diagnoses open documents when config changes', async () => {
    const doc = path.join(workspace, 'cfg', 'notes.md');
    const config = path.join(workspace, 'cfg', '.opsdocs.yaml');
    fs.mkdirSync(path.dirname(doc));
    const text = '# Notes\n\nTODO: write them.\n';
    await client.open(doc, text);
    assert.equal((await client.diagnostics(doc, (p) => p.diagnostics.length === 1))[0].code, 'placeholder');

    await client.open(config, 'rules:\n  placeholdr: off\n', 'yaml');
    const problems = await client.diagnostics(config, (p) => p.diagnostics.length > 0);
    assert.deepEqual(problems.map((d) => [d.message, d.range.start]), [
      ['Unknown key "placeholdr"; did you mean "placeholder"? (OpsDocs keeps the last valid settings, or the defaults, until this is fixed)', { line: 1, character: 2 }],
    ]);

    client.forget(doc);
    await client.change(config, 'rules:\n  placeholder: off\n');
    await client.diagnostics(doc, (p) => p.diagnostics.length === 0);
    await client.diagnostics(config, (p) => p.diagnostics.length === 0);
  });

  it('keeps serving after a document that is not Markdown at all', async () => {
    const binary = path.join(workspace, 'blob.md');
    await client.open(binary, '\u0000\u0001\u0002PK\u0003\u0004');
    const [notice] = await client.diagnostics(binary);
    assert.equal(notice.code, 'document-skipped');
    const file = path.join(workspace, 'after.md');
    await client.open(file, '# After\n\nFIXME\n');
    assert.equal((await client.diagnostics(file, (p: { diagnostics: Diagnostic[] }) => p.diagnostics.length > 0))[0].code, 'placeholder');
  });
});
