import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const today = new Date().toISOString().slice(0, 10);

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-cli-'));
  made.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const CLEAN = `---\ntype: alert-runbook\nlast_reviewed: ${today}\n---\n\n# DiskFull\n\n## Meaning\n\nx\n\n## Impact\n\nx\n\n## Diagnosis\n\nx\n\n## Mitigation\n\nx\n`;
const MISSING = CLEAN.replace('## Impact\n\nx\n\n', '');
const WARNING = '# Notes\n\nTODO later\n';

describe('opsdocs validate', () => {
  let root: string;
  before(() => {
    root = workspace({
      'docs/alerts/clean.md': CLEAN,
      'docs/alerts/missing.md': MISSING,
      'docs/notes.md': WARNING,
      'node_modules/pkg/README.md': WARNING,
      'build/out.md': WARNING,
      '.gitignore': 'build/\n',
    });
  });

  it('prints text findings with paths relative to the current folder and exits 1 on errors', () => {
    const { code, stdout } = run(path.join(root, 'docs'), 'validate');
    assert.equal(code, 1);
    assert.equal(
      stdout,
      [
        'alerts/missing.md:6:1: error Missing required section "Impact" (type alert-runbook) [section-missing]',
        'notes.md:3:1: warning Placeholder "TODO" left in the document [placeholder]',
        '1 error, 1 warning, 0 infos in 3 documents',
        '',
      ].join('\n'),
    );
  });

  it('leaves out node_modules and what .gitignore excludes', () => {
    const { stdout } = run(root, 'validate', '--format', 'json');
    const paths = JSON.parse(stdout).files.map((f: { path: string }) => f.path);
    assert.deepEqual(paths, ['docs/alerts/clean.md', 'docs/alerts/missing.md', 'docs/notes.md']);
  });

  it('prints the JSON the spec fixes', () => {
    const { code, stdout } = run(root, 'validate', 'docs/alerts/missing.md', '--format', 'json');
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(stdout), {
      files: [
        {
          path: 'docs/alerts/missing.md',
          type: 'alert-runbook',
          typeSource: 'frontmatter',
          diagnostics: [
            {
              rule: 'section-missing',
              severity: 'error',
              message: 'Missing required section "Impact" (type alert-runbook)',
              line: 6,
              column: 1,
              endLine: 6,
              endColumn: 11,
              fixes: [
                {
                  kind: 'fix',
                  title: 'Insert section "Impact"',
                  edits: [{ line: 12, column: 1, endLine: 12, endColumn: 1, newText: '## Impact\n\nTODO: What users or systems suffer while the alert fires.\n\n' }],
                },
                {
                  kind: 'suggestion',
                  title: 'Disable section-missing for this line',
                  edits: [{ line: 6, column: 1, endLine: 6, endColumn: 1, newText: '<!-- opsdocs-disable-next-line section-missing -->\n' }],
                },
              ],
            },
          ],
        },
      ],
      summary: { files: 1, errors: 1, warnings: 0, infos: 0 },
    });
  });

  it('prints SARIF 2.1.0 with one ruleId and region per result', () => {
    const { stdout } = run(root, 'validate', 'docs', '--format', 'sarif');
    const log = JSON.parse(stdout);
    assert.equal(log.version, '2.1.0');
    const [runLog] = log.runs;
    assert.equal(runLog.tool.driver.name, 'opsdocs');
    const ruleIds = runLog.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.ok(ruleIds.includes('section-missing'));
    assert.deepEqual(
      runLog.results.map((r: { ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: object } }> }) => [
        r.ruleId,
        ruleIds[r.ruleIndex],
        r.level,
        r.locations[0].physicalLocation.artifactLocation.uri,
        r.locations[0].physicalLocation.region,
      ]),
      [
        ['section-missing', 'section-missing', 'error', 'docs/alerts/missing.md', { startLine: 6, startColumn: 1, endLine: 6, endColumn: 11 }],
        ['placeholder', 'placeholder', 'warning', 'docs/notes.md', { startLine: 3, startColumn: 1, endLine: 3, endColumn: 5 }],
      ],
    );
    assert.deepEqual(
      runLog.results[0].fixes.map((f: { description: { text: string }; properties: { kind: string } }) => [f.description.text, f.properties.kind]),
      [
        ['Insert section "Impact"', 'fix'],
        ['Disable section-missing for this line', 'suggestion'],
      ],
      'each fix says whether --fix applies it',
    );
  });

  it('prints JUnit XML', () => {
    const { stdout } = run(root, 'validate', 'docs/notes.md', '--format', 'junit');
    assert.match(stdout, /<testsuite name="docs\/notes.md" tests="1" failures="1" errors="0">/);
    assert.match(stdout, /<failure type="warning" message="Placeholder &quot;TODO&quot; left in the document">/);
  });

  it('exits 0 with warnings only, and 1 over --max-warnings', () => {
    assert.equal(run(root, 'validate', 'docs/notes.md').code, 0);
    assert.equal(run(root, 'validate', 'docs/notes.md', '--max-warnings', '0').code, 1);
    assert.equal(run(root, 'validate', 'docs/notes.md', '--max-warnings', '1').code, 0);
    assert.equal(run(root, 'validate', 'docs/alerts/clean.md').code, 0);
  });

  it('exits 2 on bad usage', () => {
    assert.equal(run(root, 'validate', '--format', 'xml').code, 2);
    assert.equal(run(root, 'validate', 'nope.md').code, 2);
    assert.equal(run(root, 'frobnicate').code, 2);
    assert.equal(run(root, 'validate', '--max-warnings', 'many').code, 2);
    assert.equal(run(root, 'validate', '--config', 'missing.yaml').code, 2);
  });

  it('exits 2 with the place and reason of a config error', () => {
    const broken = workspace({ '.opsdocs.yaml': 'review:\n  cycle: fortnightly\n', 'a.md': '# A\n' });
    const { code, stderr } = run(broken, 'validate');
    assert.equal(code, 2);
    assert.equal(stderr, '.opsdocs.yaml:2:10: error "review.cycle" must be a review cycle such as 30d, 2w, 6m, 1y, monthly, quarterly or yearly [config]\n');
  });

  it('reports missing requiredDocs on the config file when a folder is validated', () => {
    const dir = workspace({ '.opsdocs.yaml': 'requiredDocs:\n  - docs/backup_restore.md\n  - alert-runbook\n', 'docs/alert.md': CLEAN });
    const { code, stdout } = run(dir, 'validate');
    assert.equal(code, 1);
    assert.equal(stdout, '.opsdocs.yaml:2:5: error Required document docs/backup_restore.md does not exist [doc-required-missing]\n1 error, 0 warnings, 0 infos in 2 documents\n');
    assert.equal(run(dir, 'validate', 'docs/alert.md').code, 0, 'a single file says nothing about the set');
  });

  it('reports alerts whose runbook is missing on their rule file', () => {
    const rules = 'groups:\n  - name: app\n    rules:\n      - alert: HighErrorRate\n        expr: up == 0\n        annotations:\n          runbook_url: docs/alerts/HighErrorRate.md\n      - alert: QueueBacklog\n        expr: up == 0\n        annotations:\n          runbook_url: https://wiki.example.com/runbooks/queue-backlog\n';
    const dir = workspace({ '.opsdocs.yaml': 'alerts: "rules/*.yaml"\n', 'rules/app.yaml': rules, 'docs/alerts/HighErrorRate.md': '# High error rate\n' });
    const { stdout } = run(dir, 'validate');
    assert.equal(
      stdout,
      'rules/app.yaml:11:24: warning The runbook_url of alert QueueBacklog (https://wiki.example.com/runbooks/queue-backlog) names no runbook of this documentation set [alert-runbook-missing]\n0 errors, 1 warning, 0 infos in 2 documents\n',
    );
  });

  it('finds alert rule files by their content without a config, and tells of one it cannot read', () => {
    const rules = 'groups:\n  - name: app\n    rules:\n      - alert: HighErrorRate\n        expr: up == 0\n        annotations:\n          runbook: docs/alerts/HighErrorRate.md#rollback\n';
    const broken = 'groups:\n  - name: db\n    rules:\n      - alert: DbDown\n        annotations: {runbook: [\n';
    const dir = workspace({ 'monitoring/app.yaml': rules, 'monitoring/db.yaml': broken, 'docs/alerts/HighErrorRate.md': '# High error rate\n\n## Roll back\n' });
    const { code, stdout } = run(dir, 'validate', '--format', 'json');
    assert.equal(code, 0, 'a warning and an info: no error');
    const byFile = Object.fromEntries(JSON.parse(stdout).files.map((f: { path: string; diagnostics: Array<{ rule: string; severity: string; message: string }> }) => [f.path, f.diagnostics.map((d) => [d.rule, d.severity, d.message])]));
    assert.deepEqual(byFile['monitoring/app.yaml'], [['alert-runbook-missing', 'warning', 'The runbook of alert HighErrorRate leads to docs/alerts/HighErrorRate.md, which has no heading #rollback; did you mean "#roll-back"?']]);
    assert.equal(byFile['monitoring/db.yaml'][0][0], 'rule-file-unreadable');
    assert.equal(byFile['monitoring/db.yaml'][0][1], 'info');
  });

  it('validates large sets in worker threads with the same results', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`d${String(i).padStart(2, '0')}.md`] = i % 2 ? WARNING : CLEAN;
    const dir = workspace(files);
    const report = JSON.parse(run(dir, 'validate', '--format', 'json').stdout);
    assert.equal(report.files.length, 60);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), Object.keys(files).sort());
    assert.deepEqual(report.summary, { files: 60, errors: 0, warnings: 30, infos: 0 });
    assert.equal(report.files[1].diagnostics[0].rule, 'placeholder');
  });

  it('applies --config to every document', () => {
    const dir = workspace({ 'strict.yaml': 'rules:\n  placeholder: error\n', 'a.md': WARNING });
    const { code, stdout } = run(dir, 'validate', 'a.md', '--config', 'strict.yaml');
    assert.equal(code, 1);
    assert.match(stdout, /a\.md:3:1: error Placeholder/);
  });

  it('--fix applies fixes, keeps the byte order mark, and reports what remains', () => {
    const dir = workspace({ 'a.md': '\uFEFF' + MISSING });
    const { code, stdout } = run(dir, 'validate', '--fix', 'a.md');
    const fixed = fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
    assert.ok(fixed.startsWith('\uFEFF---\n'));
    assert.ok(fixed.includes('## Meaning\n\nx\n\n## Impact\n\nTODO: What users or systems suffer while the alert fires.\n\n## Diagnosis'));
    assert.equal(code, 0);
    assert.match(stdout, /a\.md:14:1: warning Placeholder "TODO"/);
  });

  it('--fix applies no suggestion: commands, dates and link targets stay as written', () => {
    const stale = MISSING.replace(`last_reviewed: ${today}`, 'last_reviewed: 2020-01-01').replace('## Diagnosis\n\nx', '## Diagnosis\n\n```bash\nkubctl get pods\n```\n\nSee [the runbook](clen.md#meanin).');
    const dir = workspace({ 'a.md': stale, 'clean.md': CLEAN });
    const { stdout } = run(dir, 'validate', '--fix', 'a.md');
    const fixed = fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
    assert.ok(fixed.includes('## Impact\n'), 'the fix is applied');
    for (const kept of ['last_reviewed: 2020-01-01', 'kubctl get pods', '(clen.md#meanin)']) assert.ok(fixed.includes(kept), `${kept} is kept`);
    for (const rule of ['review-stale', 'command-unknown', 'link-broken']) assert.match(stdout, new RegExp(`\\[${rule}\\]`), `${rule} is still reported`);
  });

  it('types a document by its headings: typeSource "inferred", warnings, and "Set type" offered, never applied by --fix', () => {
    const untyped = '# QueueBacklog\n\n## Meaning\n\nx\n\n## Impact\n\nx\n\n## Diagnosis\n\nx\n\nLast reviewed: ' + today + '\n';
    const dir = workspace({ 'alerts/QueueBacklog.md': untyped });
    const report = JSON.parse(run(dir, 'validate', '--format', 'json').stdout);
    const [file] = report.files;
    assert.equal(file.type, 'alert-runbook');
    assert.equal(file.typeSource, 'inferred');
    assert.deepEqual(
      file.diagnostics.map((d: { rule: string; severity: string; message: string }) => [d.rule, d.severity, d.message]),
      [['section-missing', 'warning', 'Missing required section "Mitigation" (type alert-runbook, inferred from its headings)']],
    );
    assert.deepEqual(file.diagnostics[0].fixes.map((f: { kind: string; title: string }) => [f.kind, f.title]).slice(0, 2), [
      ['fix', 'Insert section "Mitigation"'],
      ['suggestion', 'Set `type: alert-runbook` in front matter'],
    ]);
    assert.equal(run(dir, 'validate').code, 0, 'warnings only');
    run(dir, 'validate', '--fix');
    assert.ok(!fs.readFileSync(path.join(dir, 'alerts/QueueBacklog.md'), 'utf8').includes('type:'), '--fix does not write the inferred type');
    const off = workspace({ '.opsdocs.yaml': 'types:\n  infer: false\n', 'alerts/QueueBacklog.md': untyped });
    assert.deepEqual(JSON.parse(run(off, 'validate', '--format', 'json').stdout).files[0], { path: 'alerts/QueueBacklog.md', type: null, typeSource: null, diagnostics: [] });
  });

  it('gives a collection that states no review dates one notice, not a warning per document', () => {
    const undated = (name: string) => CLEAN.replace(`last_reviewed: ${today}\n`, '').replace('DiskFull', name);
    const dir = workspace({ 'README.md': '# Runbooks\n', 'alerts/b.md': undated('B'), 'alerts/a.md': undated('A'), 'alerts/c.md': undated('C') });
    const { code, stdout } = run(dir, 'validate');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      'alerts/a.md:1:1: info No document of this collection states a review date yet, so none is asked of its 3 typed documents. To adopt review dates, run `opsdocs init`; once one document states a date (last_reviewed: YYYY-MM-DD), every typed document without one is reported [review-missing]\n' +
        '0 errors, 0 warnings, 1 info in 4 documents\n',
    );
    fs.writeFileSync(path.join(dir, 'alerts/c.md'), CLEAN);
    const adopted = run(dir, 'validate').stdout;
    assert.match(adopted, /alerts\/a\.md:5:1: warning No review date/);
    assert.match(adopted, /alerts\/b\.md:5:1: warning No review date/);
    assert.doesNotMatch(adopted, /opsdocs init/);
    const off = workspace({ '.opsdocs.yaml': 'rules:\n  review-missing: off\n', 'a.md': undated('A') });
    assert.equal(run(off, 'validate').stdout, '0 errors, 0 warnings, 0 infos in 1 document\n');
  });

  it('learns whether the collection states review dates in worker threads too', () => {
    const files: Record<string, string> = {};
    // 200 documents: the CLI checks them in worker threads, each with its own engine.
    for (let i = 0; i < 200; i++) files[`d${String(i).padStart(3, '0')}.md`] = CLEAN.replace(`last_reviewed: ${today}\n`, '');
    const dir = workspace(files);
    const report = JSON.parse(run(dir, 'validate', '--format', 'json').stdout);
    assert.deepEqual(report.summary, { files: 200, errors: 0, warnings: 0, infos: 1 });
    assert.equal(report.files[0].diagnostics[0].rule, 'review-missing');
  });
});
