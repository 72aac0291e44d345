import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseConfig } from '../../server/src/engine/config/config';
import { runCli, scratchWorkspace } from '../helpers/cli';

const CORPUS = path.join(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'prometheus-operator-runbooks');
const corpus = fs.existsSync(CORPUS) ? CORPUS : path.resolve('/work/shared/corpora/prometheus-operator-runbooks');

/** A rule file that names runbooks by `runbook` (not the first default key), and an alert that names none. */
const RULES = `groups:
  - name: site
    rules:
      - alert: KubeAPIDown
        expr: absent(up{job="apiserver"} == 1)
        annotations:
          runbook: content/runbooks/kubernetes/KubeAPIDown.md
      - alert: NodeFilesystemAlmostOutOfSpace
        expr: node_filesystem_avail_bytes < 1
        annotations:
          runbook: content/runbooks/node/NodeFilesystemAlmostOutOfSpace.md
      - alert: SiteQueueStuck
        expr: queue_depth > 100
`;

interface JsonResult {
  files: Array<{ path: string; type?: string; typeSource?: string; diagnostics: Array<{ rule: string; message: string }> }>;
}

function copyOfCorpus(): string {
  const root = scratchWorkspace({
    'monitoring/site-rules.yaml': RULES,
    'docs/site-tools.md': '# Site tools\n\n```bash\nfrobnicate-queue --drain eu-1\n```\n',
  }, 'opsdocs-init-');
  fs.cpSync(corpus, root, { recursive: true });
  return root;
}

describe('opsdocs init', { skip: fs.existsSync(corpus) ? false : `no corpus at ${corpus}` }, () => {
  it('proposes the folder types, rule files and unknown programs of a copy of a corpus, writes them once and never overwrites', () => {
    const root = copyOfCorpus();
    // What the engine infers without a config: the proposal must agree with it, not with figures written here.
    const before = JSON.parse(runCli(root, 'validate', '--no-cache', '--format', 'json').stdout) as JsonResult;
    const underRunbooks = before.files.filter((f) => f.path.startsWith('content/runbooks/') && !/(^|\/)_?index\.md$/i.test(f.path));
    const inferred = underRunbooks.filter((f) => f.typeSource === 'inferred' && f.type === 'alert-runbook').length;
    assert.ok(inferred > underRunbooks.length * 0.75, `${inferred} of ${underRunbooks.length}`);

    const made = runCli(root, 'init');
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /^Wrote \.opsdocs\.yaml: 1 folder typed, 1 rule file, 1 unknown program to review, review dates not yet adopted\n$/);
    const file = path.join(root, '.opsdocs.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const written = parse(text) as { types: Array<{ id: string; match: string[] }>; alerts: { files: string[]; annotations: string[] }; commands?: unknown; review: { cycle: string } };
    assert.deepEqual(written.types, [{ id: 'alert-runbook', match: ['content/runbooks/**/*.md'] }]);
    // Of the folder's documents less its stubs (moved or deprecated pages), which no glob types.
    const share = /# (\d+) of (\d+) documents under content\/runbooks\/ have the sections of an alert runbook\n/.exec(text);
    assert.ok(share, text);
    assert.equal(Number(share[1]), inferred);
    assert.ok(Number(share[2]) >= inferred && Number(share[2]) <= underRunbooks.length, share[0]);
    assert.deepEqual(written.alerts, { files: ['monitoring/site-rules.yaml'], annotations: ['runbook'] });
    assert.match(text, /# Their alerts name their runbooks in runbook \(2 alerts\); 1 name none\./);
    // Programs are a commented-out list: a person decides.
    assert.equal(written.commands, undefined);
    assert.match(text, /^# {5}- frobnicate-queue # 1 document: docs\/site-tools\.md$/m);
    assert.match(text, /no document states one yet, so review-missing asks none of the \d+ typed documents/);
    assert.deepEqual(written.review, { cycle: 'quarterly', warnDays: 14 });
    assert.match(text, /^ {2}# required: true$/m);

    const loaded = parseConfig(file, text);
    assert.deepEqual(loaded.problems, []);
    // Uncommented as a person would, the program list loads too.
    const uncommented = text.replace(/^# (commands:|  known:|    - frobnicate-queue)/gm, '$1');
    const withPrograms = parseConfig(file, uncommented);
    assert.deepEqual(withPrograms.problems, []);
    assert.deepEqual(withPrograms.config.commands.known, ['frobnicate-queue']);

    const after = JSON.parse(runCli(root, 'validate', '--no-cache', '--format', 'json').stdout) as JsonResult;
    assert.deepEqual(after.files.filter((f) => f.path === '.opsdocs.yaml'), []);
    const typed = after.files.filter((f) => f.path.startsWith('content/runbooks/') && f.typeSource === 'config');
    assert.ok(typed.length >= inferred, `${typed.length} typed by the config`);

    // The adoption notice says to run opsdocs init: the proposal, uncommented, adopts review dates.
    assert.match(before.files.flatMap((f) => f.diagnostics.map((d) => d.message)).join('\n'), /To adopt review dates, run `opsdocs init`/);
    const adopting = text.replace(/^ {2}# required: true$/m, '  required: true');
    assert.deepEqual(parseConfig(file, adopting).problems, []);
    fs.writeFileSync(file, adopting);
    const adopted = JSON.parse(runCli(root, 'validate', '--no-cache', '--format', 'json').stdout) as JsonResult;
    const missing = adopted.files.filter((f) => f.diagnostics.some((d) => d.rule === 'review-missing'));
    assert.ok(missing.length >= inferred, `${missing.length} documents asked for a review date`);
    assert.doesNotMatch(adopted.files.flatMap((f) => f.diagnostics.map((d) => d.message)).join('\n'), /opsdocs init/);
    fs.writeFileSync(file, text);

    fs.appendFileSync(file, '# edited by a person\n');
    const again = runCli(root, 'init');
    assert.equal(again.code, 2);
    assert.match(again.stderr, /\.opsdocs\.yaml exists already; init never overwrites/);
    assert.equal(fs.readFileSync(file, 'utf8'), `${text}# edited by a person\n`);
  });

  it('types a folder whose name holds glob characters by a glob that matches it literally', () => {
    const runbook = (name: string) => `# ${name}\n\n## Meaning\n\nx\n\n## Impact\n\nx\n\n## Diagnosis\n\nx\n\n## Mitigation\n\nx\n`;
    const root = scratchWorkspace({
      'alerts [2024]/A.md': runbook('A'),
      'alerts [2024]/B.md': runbook('B'),
      'alerts [2024]/C.md': runbook('C'),
      'alerts [2024]/D.md': '# D\n\nSee the dashboard.\n',
      'alerts 2/E.md': '# E\n',
    });
    assert.equal(runCli(root, 'init').code, 0);
    const text = fs.readFileSync(path.join(root, '.opsdocs.yaml'), 'utf8');
    assert.deepEqual((parse(text) as { types: unknown }).types, [{ id: 'alert-runbook', match: ['alerts \\[2024\\]/**/*.md'] }]);
    const result = JSON.parse(runCli(root, 'validate', '--no-cache', '--format', 'json').stdout) as JsonResult;
    const typeSources = Object.fromEntries(result.files.map((f) => [f.path, f.typeSource ?? null]));
    assert.deepEqual(typeSources['alerts [2024]/D.md'], 'config');
    assert.deepEqual(typeSources['alerts 2/E.md'], null);
  });

  it('refuses beside any config file, and --print writes nothing', () => {
    const root = scratchWorkspace({ 'runbooks/a.md': '# A\n', '.opsdocs.json': '{}\n' });
    const refused = runCli(root, 'init');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /\.opsdocs\.json exists already/);
    assert.deepEqual(fs.readdirSync(root).sort(), ['.opsdocs.json', 'runbooks']);
    const printed = runCli(root, 'init', '--print');
    assert.equal(printed.code, 0);
    assert.match(printed.stdout, /^# OpsDocs configuration, proposed by `opsdocs init` from the 1 Markdown document under this folder\./);
    assert.deepEqual(parseConfig(path.join(os.tmpdir(), '.opsdocs.yaml'), printed.stdout).problems, []);
    assert.deepEqual(fs.readdirSync(root).sort(), ['.opsdocs.json', 'runbooks']);
    assert.equal(runCli(root, 'init', 'a', 'b').code, 2);
  });
});
