import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { LspClient, uri } from '../helpers/lspClient';

const fence = (label: string, body: string) => `\`\`\`${label}\n${body}\n\`\`\`\n`;

/** One fault of each example language, each on a line of its own (the lines are asserted below). */
const EXAMPLES = `# Examples

${fence('promql', 'rate(node_network_receive_bytes_total{device="eth0"})')}
${fence('yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: "three"')}
${fence('toml', '[server\nport = 8080')}
${fence('dockerfile', 'FORM node:20')}
${fence('ruby', 'def drain\nend\nend')}
${fence('python', 'for job in jobs\n    job.retry()')}
${fence('postgresql', 'SELEC 1;')}
`;

const RULES = `groups:
  - name: api
    rules:
      - alert: APIDown
        expr: up{job="api"} = 0
`;

describe('example rules over LSP', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-examples-'));
    fs.mkdirSync(path.join(root, 'rules'));
    fs.writeFileSync(path.join(root, '.opsdocs.yaml'), 'alerts: rules/*.yaml\n');
    fs.writeFileSync(path.join(root, 'rules', 'api.yaml'), RULES);
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports the fault of each language at its place, with the rule id as code', async () => {
    const file = path.join(root, 'examples.md');
    await client.open(file, EXAMPLES);
    const diagnostics = await client.diagnostics(file, (p) => p.diagnostics.length >= 7);
    assert.deepEqual(
      diagnostics.filter((d) => String(d.code).startsWith('example-')).map((d) => [d.code, d.range.start.line, d.range.start.character, d.severity]),
      [
        ['example-promql', 3, 5, 1],
        ['example-kubernetes', 12, 12, 1],
        ['example-toml', 16, 6, 1],
        ['example-dockerfile', 21, 0, 1],
        ['example-ruby', 27, 0, 1],
        ['example-python', 31, 14, 1],
        ['example-sql', 36, 0, 1],
      ],
    );
  });

  it('offers a misspelt Kubernetes field its did-you-mean, as a suggestion that is not preferred', async () => {
    const file = path.join(root, 'deployment.md');
    await client.open(file, `# Deployment\n\n${fence('yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  contianers: []')}`);
    const [diagnostic] = await client.diagnostics(file, (p) => p.diagnostics.length > 0);
    assert.equal(diagnostic.message, 'Kubernetes: unknown field `contianers` in PodSpec; did you mean `containers`?');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(file) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const change = actions.find((a) => a.title === 'Change to "containers"');
    assert.ok(change, JSON.stringify(actions.map((a) => a.title)));
    assert.notEqual(change.isPreferred, true);
  });

  it('reports a rule file query that does not parse on the rule file, at the fault', async () => {
    await client.connection.sendRequest('opsdocs/validateAll', {});
    const diagnostics = await client.diagnostics(path.join(root, 'rules', 'api.yaml'), (p) => p.diagnostics.some((d) => d.code === 'example-promql'));
    const query = diagnostics.find((d) => d.code === 'example-promql')!;
    assert.equal(query.message, 'PromQL: unexpected `=`: a comparison is written `==`');
    assert.deepEqual(query.range, { start: { line: 4, character: 28 }, end: { line: 4, character: 29 } });
  });
});
