import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const alert = (sections: string[], reviewed: string) =>
  `---\ntype: alert-runbook\nlast_reviewed: ${reviewed}\n---\n\n# A\n\n${sections.map((s) => `## ${s}\n\nx\n`).join('\n')}`;

describe('opsdocs coverage', () => {
  let root: string;
  const today = new Date();
  const fresh = today.toISOString().slice(0, 10);
  const old = new Date(today.getTime() - 400 * 86_400_000).toISOString().slice(0, 10);

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-coverage-'));
    const files: Record<string, string> = {
      '.opsdocs.yaml': 'requiredDocs:\n  - docs/runbooks/backup_restore.md\n  - alert-runbook\n  - postmortem\n',
      'docs/alerts/full.md': alert(['Meaning', 'Impact', 'Diagnosis', 'Mitigation'], fresh),
      'docs/alerts/half.md': alert(['Meaning', 'Impact'], old),
      'docs/notes.md': '# Notes\n',
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
  });

  it('computes per type, per document and the requiredDocs manifest as JSON', () => {
    const { code, stdout } = run(root, 'coverage', '--format', 'json');
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.types, [
      { type: 'alert-runbook', title: 'Alert runbook', documents: 2, sectionsPresent: 6, sectionsRequired: 8, coverage: 75, overdue: 1, dueSoon: 0, drillsOverdue: 0 },
    ]);
    const half = report.documents.find((d: { relativePath: string }) => d.relativePath === 'docs/alerts/half.md');
    assert.deepEqual(half.missingSections, ['Diagnosis', 'Mitigation']);
    assert.equal(half.review, 'overdue');
    assert.deepEqual(
      report.required.map((r: { entry: string; kind: string; present: boolean }) => [r.entry, r.kind, r.present]),
      [
        ['docs/runbooks/backup_restore.md', 'path', false],
        ['alert-runbook', 'type', true],
        ['postmortem', 'type', false],
      ],
    );
    assert.deepEqual(report.totals, { documents: 3, typed: 2, coverage: 75, overdue: 1, dueSoon: 0, drillsOverdue: 0, requiredMissing: 2, alertsWithoutRunbook: 0 });
  });

  it('prints the seeds\' coverage table as Markdown', () => {
    const { stdout } = run(root, 'coverage');
    assert.ok(stdout.includes('| Area | Coverage | Documents | Overdue reviews |'));
    assert.ok(stdout.includes('| Alert runbook (`alert-runbook`) | 75% (6/8 sections) | 2 | 1 |'));
    assert.ok(stdout.includes('| docs/runbooks/backup_restore.md | path | **missing** | — |'));
  });

  it('prints a self-contained HTML page with a strict Content-Security-Policy', () => {
    const { stdout } = run(root, 'coverage', '--format', 'html');
    assert.match(stdout, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.ok(!/<script|https?:\/\//.test(stdout.replace(/<meta[^>]*>/, '')), 'no script and no remote resource');
    assert.ok(stdout.includes('<meter min="0" max="100" low="60" high="90" optimum="100" value="75"></meter>'));
  });

  it('shows the drill state of disaster-recovery documents', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-drill-'));
    fs.writeFileSync(path.join(dir, 'dr.md'), `---\ntype: disaster-recovery\nlast_reviewed: ${fresh}\nlast_tested: 2020-01-01\n---\n\n# DR\n`);
    fs.writeFileSync(path.join(dir, 'ir.md'), `---\ntype: incident-response\nlast_reviewed: ${fresh}\nlast_tested: ${fresh}\n---\n\n# IR\n`);
    const report = JSON.parse(run(dir, 'coverage', '--format', 'json').stdout);
    assert.deepEqual(report.documents.map((d: { relativePath: string; drill: string; lastTested: string }) => [d.relativePath, d.drill, d.lastTested]), [
      ['dr.md', 'overdue', '2020-01-01'],
      ['ir.md', 'fresh', fresh],
    ]);
    assert.equal(report.totals.drillsOverdue, 1);
    assert.ok(run(dir, 'coverage').stdout.includes('| dr.md | disaster-recovery | 0/6 |'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects options that belong to validate', () => {
    assert.equal(run(root, 'coverage', '--fix').code, 2);
    assert.equal(run(root, 'coverage', '--format', 'sarif').code, 2);
  });
});
