import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The bundled CLI: each example parser is its own bundle under dist/parsers/, loaded when a block needs it. */
const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-cli-examples-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const fence = (label: string, body: string) => `\`\`\`${label}\n${body}\n\`\`\`\n\n`;
const files: Record<string, string> = {
  '.opsdocs.yaml': 'alerts: rules/*.yaml\n',
  'rules/api.yaml': 'groups:\n  - name: api\n    rules:\n      - alert: APIDown\n        expr: |\n          sum(rate(http_requests_total[5m])) by job\n        annotations:\n          runbook_url: ../docs/APIDown.md\n',
  'docs/APIDown.md': `# APIDown\n\n${fence('ruby', 'def x\nend\nend')}${fence('postgresql', 'SELEC 1;')}${fence('python', 'print((1)')}${fence('promql', 'rate(x)')}`,
};
for (const [name, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  fs.writeFileSync(path.join(root, name), text);
}

interface Output {
  files: Array<{ path: string; diagnostics: Array<{ rule: string; line: number; column: number; message: string }> }>;
}

describe('opsdocs validate with example parsers', () => {
  const result = spawnSync(process.execPath, [CLI, 'validate', '.', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  const output = JSON.parse(result.stdout) as Output;
  const found = (file: string) => output.files.find((f) => f.path === file)?.diagnostics.filter((d) => d.rule.startsWith('example-')).map((d) => [d.rule, d.line, d.column]);

  it('loads each parser from its bundle, WebAssembly ones included, and says nothing on stderr', () => {
    assert.deepEqual(found('docs/APIDown.md'), [
      ['example-ruby', 6, 1],
      ['example-sql', 10, 1],
      ['example-python', 14, 9],
      ['example-promql', 18, 6],
    ]);
    assert.equal(result.stderr, '');
  });

  it("reports a rule file's query on the rule file, at the fault", () => {
    assert.deepEqual(found('rules/api.yaml'), [['example-promql', 6, 49]]);
  });
});
