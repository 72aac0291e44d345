/**
 * `opsdocs/remark` in unified-language-server, over a real LSP connection: the language server
 * loads the plugin from the workspace's `.remarkrc` and publishes OpsDocs' diagnostics.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { runCli } from '../helpers/cli';
import { LspClient, uri } from '../helpers/lspClient';
import { cliFindings, DOCUMENTS, remarkWorkspace } from './workspace';

const SERVER = path.join(__dirname, 'remarkLanguageServer.mjs');
const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3 };

describe('unified-language-server with opsdocs/remark', () => {
  let root: string;
  let client: LspClient;
  before(async () => {
    root = remarkWorkspace();
    client = new LspClient([SERVER, '--stdio'], { cwd: root });
    await client.initialize(root);
  });
  after(() => client.stop());

  it('publishes the diagnostics opsdocs validate finds, each code linked to its rule', async () => {
    for (const name of Object.keys(DOCUMENTS) as Array<keyof typeof DOCUMENTS>) {
      const file = path.join(root, name);
      await client.open(file, DOCUMENTS[name]);
      const diagnostics = await client.diagnostics(file);
      const expected = cliFindings(runCli(root, 'validate', name, '--format', 'json').stdout);
      assert.ok(expected.length > 0, name);
      assert.deepEqual(
        diagnostics.map((d) => ({ code: d.code, source: d.source, severity: d.severity, message: d.message, range: d.range })),
        expected.map((f) => ({
          code: f.rule,
          source: 'opsdocs',
          severity: SEVERITY[f.severity],
          message: f.message,
          range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } },
        })),
        name,
      );
      for (const d of diagnostics) assert.match(d.codeDescription!.href, new RegExp(`^https://github\\.com/opsdocs/opsdocs#${d.code}-(error|warning|info)$`));
    }
  });

  it('follows edits: a finding goes when its text is fixed', async () => {
    const file = path.join(root, 'docs/notes.md');
    await client.change(file, '# Notes\n\nDone.\n');
    await client.diagnostics(file, (p) => p.diagnostics.length === 0);
  });

  it('offers a fix as the quick fix unified-language-server makes of expected, and no suggestion', async () => {
    const typo = path.join(root, 'docs/typo.md');
    const [diagnostic] = await client.diagnostics(typo, (p) => p.diagnostics.length > 0);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(typo) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred, a.edit?.changes?.[uri(typo)]]),
      [['Replace `runbok` with `runbook`', true, [{ range: diagnostic.range, newText: 'runbook' }]]],
    );
    const alert = path.join(root, 'docs/alerts/disk-full.md');
    const suggestionOnly = (await client.diagnostics(alert)).find((d: Diagnostic) => d.code === 'command-subcommand')!;
    const none = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(alert) }, range: suggestionOnly.range, context: { diagnostics: [suggestionOnly] } });
    assert.deepEqual(none, [], 'a did-you-mean is never made a preferred quick fix');
  });

  // Also the case that once left unified-engine waiting forever: four files checked at once, one of
  // them with fatal messages ready before the others reached the engine's queue.
  it('reads .opsdocs.yaml again when it changes', async () => {
    const file = path.join(root, 'docs/alerts/disk-full.md');
    fs.writeFileSync(path.join(root, '.opsdocs.yaml'), 'rules:\n  placeholder: off\n');
    await client.changedOnDisk([{ file: path.join(root, '.opsdocs.yaml'), type: 2 }]);
    await client.diagnostics(file, (p) => !p.diagnostics.some((d) => d.code === 'placeholder'));
  });
});
