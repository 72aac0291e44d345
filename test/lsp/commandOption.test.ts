/** command-option over a real LSP connection: the finding, its did-you-mean, and the hover of an option. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Hover, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/engine/edits';
import { LspClient, uri } from '../helpers/lspClient';

const TEXT = ['# Payments', '', '```bash', 'kubectl get pods --namepsace payments', 'kubectl get deploymnet -n payments', 'kubectl logs api-0 -c', '```', ''].join('\n');

describe('command-option over a real LSP connection', () => {
  let workspace: string;
  let client: LspClient;
  let file: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-lsp-option-'));
    client = new LspClient();
    await client.initialize(workspace);
    file = path.join(workspace, 'payments.md');
    await client.open(file, TEXT);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('reports an unknown option, an unknown resource type and an option without its value, each in place', async () => {
    const diagnostics = (await client.diagnostics(file, (p) => p.diagnostics.filter((d) => d.code === 'command-option').length >= 3)).filter((d) => d.code === 'command-option');
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.message]),
      [
        [3, 17, 28, 2, '"--namepsace" is no option of "kubectl get"; did you mean "--namespace"?'],
        [4, 12, 22, 2, '"deploymnet" is no Kubernetes resource type of "kubectl get"; did you mean "deployment"?'],
        [5, 19, 21, 2, '"-c" of "kubectl logs" needs a value'],
      ],
    );
  });

  it('offers the did-you-mean as a suggestion, never preferred, that rewrites the option only', async () => {
    const diagnostics = await client.diagnostics(file, (p) => p.diagnostics.some((d) => d.code === 'command-option'));
    const option = diagnostics.find((d) => d.code === 'command-option' && String(d.message).includes('--namepsace'))!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(file) },
      range: option.range,
      context: { diagnostics: [option] },
    })) as CodeAction[];
    const suggestion = actions.find((a) => a.title === 'Change to "--namespace"');
    assert.ok(suggestion, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(suggestion.isPreferred, false);
    const change = suggestion.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(applyEdits(TEXT, change.edits as TextEdit[]).split('\n')[3], 'kubectl get pods --namespace payments');
  });

  it("hovers on an option with its spec's description", async () => {
    const result = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uri(file) },
      position: { line: 4, character: 25 },
    })) as Hover | null;
    const text = typeof result?.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
    assert.match(text, /`-n`, `--namespace`: an option of `kubectl get`\. Takes a value\./);
  });
});
