/**
 * `opsdocs validate`'s result cache, run as a process: a result is reused only while the document and
 * everything it depends on are unchanged. Each case changes one thing another file holds and asks
 * for the finding that depends on it to follow.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const DIST = path.join(__dirname, '..', '..', 'dist');
const today = new Date().toISOString().slice(0, 10);

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-cache-'));
  made.push(root);
  write(root, files);
  return root;
}

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
}

/** Runs validate --format json; the rules of each file's findings, and how many results came from the cache. */
/**
 * The CLI's PATH: git alone. The machine's programs are part of what every cached result depends on
 * (command-unknown reads PATH), so a package installed while these tests run would re-check all.
 */
const BIN = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-cache-bin-'));
made.push(BIN);
const git = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
fs.symlinkSync(git, path.join(BIN, 'git'));
const ENV = { ...process.env, PATH: BIN };

function validate(cwd: string, ...args: string[]): { rules: Record<string, string[]>; reused: number; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'validate', '--format', 'json', ...args], { cwd, encoding: 'utf8', env: ENV });
  const report = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Array<{ rule: string }> }> };
  const rules = Object.fromEntries(report.files.map((f) => [f.path, f.diagnostics.map((d) => d.rule)]));
  return { rules, reused: Number(/(\d+) of \d+ documents unchanged/.exec(result.stderr)?.[1] ?? 0), stderr: result.stderr };
}

describe('opsdocs validate --cache', () => {
  it('reuses a result while nothing changed, and keeps out of git', () => {
    const root = workspace({ 'a.md': '# A\n\nTODO: write\n', 'b.md': '# B\n' });
    const first = validate(root);
    assert.equal(first.reused, 0);
    const second = validate(root);
    assert.equal(second.reused, 2);
    assert.deepEqual(second.rules, first.rules);
    assert.match(fs.readFileSync(path.join(root, '.opsdocs-cache', '.gitignore'), 'utf8'), /^\*$/m);
  });

  it('leaves the cache file as it was after a run that reused every result, and rewrites it when one changed or went', () => {
    const root = workspace({ 'a.md': '# A\n\nTODO: write\n', 'b.md': '# B\n', 'c.md': '# C\n' });
    validate(root);
    const file = path.join(root, '.opsdocs-cache', 'results.json');
    // The same cache, written as no run of opsdocs writes it: a run that writes it puts it back on one line.
    const indented = JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8')), null, 2);
    fs.writeFileSync(file, indented);
    assert.equal(validate(root).reused, 3);
    assert.equal(fs.readFileSync(file, 'utf8'), indented);
    write(root, { 'b.md': '# B\n\nTODO: more\n' });
    assert.equal(validate(root).reused, 2);
    assert.ok(!fs.readFileSync(file, 'utf8').includes('\n'));
    fs.writeFileSync(file, indented);
    fs.rmSync(path.join(root, 'c.md'));
    validate(root, 'a.md');
    assert.ok(!('c.md' in (JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: object }).entries));
  });

  it('uses node_modules/.cache/opsdocs where there is a node_modules, or the folder given', () => {
    const root = workspace({ 'a.md': '# A\n', 'node_modules/.keep': '' });
    validate(root);
    assert.ok(fs.existsSync(path.join(root, 'node_modules', '.cache', 'opsdocs', 'results.json')));
    validate(root, '--cache-location', 'elsewhere');
    assert.ok(fs.existsSync(path.join(root, 'elsewhere', 'results.json')));
    const none = workspace({ 'a.md': '# A\n' });
    validate(none, '--no-cache');
    assert.ok(!fs.existsSync(path.join(none, '.opsdocs-cache')));
  });

  it('checks a changed document again, and only that one', () => {
    const root = workspace({ 'a.md': '# A\n', 'b.md': '# B\n' });
    validate(root);
    write(root, { 'a.md': '# A\n\nTODO: write\n' });
    const after = validate(root);
    assert.equal(after.reused, 1);
    assert.deepEqual(after.rules['a.md'], ['placeholder']);
  });

  it('follows a link target that appears or goes away', () => {
    const root = workspace({ 'a.md': '# A\n\nSee [the plan](plan.md).\n' });
    assert.deepEqual(validate(root).rules['a.md'], ['link-broken']);
    write(root, { 'plan.md': '# Plan\n' });
    assert.deepEqual(validate(root).rules['a.md'], []);
    fs.rmSync(path.join(root, 'plan.md'));
    assert.deepEqual(validate(root).rules['a.md'], ['link-broken']);
  });

  it("follows the headings of another document that an anchor names", () => {
    const root = workspace({ 'a.md': '# A\n\nSee [rollback](plan.md#rollback).\n', 'plan.md': '# Plan\n\n## Rollback\n' });
    assert.deepEqual(validate(root).rules['a.md'], []);
    write(root, { 'plan.md': '# Plan\n\n## Roll back\n' });
    assert.deepEqual(validate(root).rules['a.md'], ['link-anchor']);
  });

  it("follows a script's existence", () => {
    const root = workspace({ 'a.md': '# A\n\n```bash\n./scripts/failover.sh --target replica\n```\n' });
    assert.deepEqual(validate(root).rules['a.md'], ['command-missing-script']);
    write(root, { 'scripts/failover.sh': '#!/bin/sh\n' });
    assert.deepEqual(validate(root).rules['a.md'], []);
  });

  it('follows the config: a change, and a nearer config that appears', () => {
    const root = workspace({ 'docs/a.md': '# A\n\nTODO: write\n', '.opsdocs.yaml': 'rules:\n  placeholder: warning\n' });
    assert.deepEqual(validate(root).rules['docs/a.md'], ['placeholder']);
    write(root, { '.opsdocs.yaml': 'rules:\n  placeholder: off\n' });
    assert.deepEqual(validate(root).rules['docs/a.md'], []);
    write(root, { 'docs/.opsdocs.yaml': 'rules:\n  placeholder: error\n' });
    assert.deepEqual(validate(root).rules['docs/a.md'], ['placeholder']);
  });

  it('follows alert rule files: a runbook stops being an orphan when a rule names it', () => {
    const alertRunbook = `---\ntype: alert-runbook\nlast_reviewed: ${today}\n---\n\n# DiskFull\n\n## Meaning\n\nx\n\n## Impact\n\nx\n\n## Diagnosis\n\nx\n\n## Mitigation\n\nx\n`;
    const root = workspace({ '.opsdocs.yaml': 'alerts: "rules/*.yml"\n', 'runbooks/DiskFull.md': alertRunbook, 'rules/a.yml': 'groups: []\n' });
    assert.deepEqual(validate(root, 'runbooks').rules['runbooks/DiskFull.md'], ['runbook-orphan']);
    write(root, { 'rules/b.yml': 'groups:\n  - name: disk\n    rules:\n      - alert: DiskFull\n        expr: up == 0\n        annotations:\n          runbook_url: ../runbooks/DiskFull.md\n' });
    assert.deepEqual(validate(root, 'runbooks').rules['runbooks/DiskFull.md'], []);
  });

  it('follows git history for review-drift: a new commit is checked again', () => {
    const root = workspace({
      'a.md': `---\ntype: runbook\nlast_reviewed: 2026-01-10\nreview_cycle: 5y\n---\n\n# A\n\nRun \`scripts/x.sh\`.\n`,
      'scripts/x.sh': 'echo 1\n',
    });
    const git = (args: string[], date = '2026-01-01T12:00:00') =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { cwd: root, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
    git(['init', '-q']);
    git(['add', '.']);
    git(['commit', '-qm', 'first']);
    const drift = (rules: string[] | undefined) => (rules ?? []).filter((r) => r === 'review-drift');
    assert.deepEqual(drift(validate(root, 'a.md').rules['a.md']), []);
    write(root, { 'scripts/x.sh': 'echo 2\n' });
    git(['commit', '-qam', 'second'], '2026-03-01T12:00:00');
    assert.deepEqual(drift(validate(root, 'a.md').rules['a.md']), ['review-drift']);
  });

  it('follows the collection: a review date stated in another document makes review-missing a warning', () => {
    const alertRunbook = (name: string, front = '') => `---\ntype: alert-runbook\n${front}---\n\n# ${name}\n\n## Meaning\n\nx\n\n## Impact\n\nx\n\n## Diagnosis\n\nx\n\n## Mitigation\n\nx\n`;
    const root = workspace({ 'a.md': alertRunbook('A'), 'b.md': alertRunbook('B') });
    const severities = () => {
      const result = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'validate', '--format', 'json'], { cwd: root, encoding: 'utf8' });
      const report = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Array<{ rule: string; severity: string }> }> };
      return report.files.find((f) => f.path === 'a.md')!.diagnostics.filter((d) => d.rule === 'review-missing').map((d) => d.severity);
    };
    assert.deepEqual(severities(), ['info'], 'one notice: the collection states no review dates');
    write(root, { 'b.md': alertRunbook('B', `last_reviewed: ${today}\n`) });
    assert.deepEqual(severities(), ['warning'], 'a.md, unchanged, is checked again');
  });

  it("is not used by another build of OpsDocs", () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-dist-'));
    made.push(dist);
    fs.cpSync(DIST, dist, { recursive: true });
    const root = workspace({ 'a.md': '# A\n' });
    const run = () => spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'validate', '--format', 'json'], { cwd: root, encoding: 'utf8' }).stderr;
    run();
    assert.match(run(), /1 of 1 documents unchanged/);
    fs.appendFileSync(path.join(dist, 'cli.js'), '\n// another build\n');
    assert.doesNotMatch(run(), /unchanged/);
  });

  it('says so, and checks everything, when the cache file is not one', () => {
    const root = workspace({ 'a.md': '# A\n\nTODO: write\n', '.opsdocs-cache/results.json': '{ not json' });
    const { rules, stderr } = validate(root);
    assert.deepEqual(rules['a.md'], ['placeholder']);
    assert.match(stderr, /cannot read the cache/);
    assert.equal(validate(root).reused, 1, 'the file is rewritten whole');
  });
});

describe('opsdocs validate --shard and opsdocs merge', () => {
  it('splits the documents into disjoint shards that cover them all, the set findings in the first', () => {
    const files: Record<string, string> = { '.opsdocs.yaml': 'requiredDocs: [docs/missing.md]\n' };
    for (let i = 0; i < 30; i++) files[`docs/d${i}.md`] = i % 3 === 0 ? '# D\n\nTODO: x\n' : '# D\n';
    const root = workspace(files);
    const whole = validate(root, '--no-cache').rules;
    const shards = [1, 2, 3].map((i) => validate(root, '--no-cache', '--shard', `${i}/3`).rules);
    const paths = shards.flatMap((s) => Object.keys(s).filter((p) => p.endsWith('.md')));
    assert.deepEqual([...paths].sort(), Object.keys(whole).filter((p) => p.endsWith('.md')).sort(), 'every document in exactly one shard');
    assert.ok(shards.every((s) => Object.keys(s).length >= 5), 'the shards are of similar size');
    assert.deepEqual(Object.keys(shards[0]).filter((p) => !p.endsWith('.md')), ['.opsdocs.yaml']);
    assert.ok(shards.slice(1).every((s) => !('.opsdocs.yaml' in s)));
    assert.deepEqual(validate(root, '--no-cache', '--shard', '2/3').rules, shards[1], 'the same shard every time');
  });

  it('merges the JSON of the shards into the JSON of the whole', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`d${i}.md`] = i % 2 ? '# D\n\nTODO: x\n' : '# D\n';
    const root = workspace(files);
    const cli = path.join(DIST, 'cli.js');
    for (const i of [1, 2]) fs.writeFileSync(path.join(root, `s${i}.json`), spawnSync(process.execPath, [cli, 'validate', '--no-cache', '--format', 'json', '--shard', `${i}/2`], { cwd: root, encoding: 'utf8' }).stdout);
    const merged = JSON.parse(spawnSync(process.execPath, [cli, 'merge', 's1.json', 's2.json'], { cwd: root, encoding: 'utf8' }).stdout);
    const whole = JSON.parse(spawnSync(process.execPath, [cli, 'validate', '--no-cache', '--format', 'json'], { cwd: root, encoding: 'utf8' }).stdout);
    const byPath = (r: { files: Array<{ path: string }> }) => [...r.files].sort((a, b) => a.path.localeCompare(b.path));
    assert.deepEqual(byPath(merged), byPath(whole));
    assert.deepEqual(merged.summary, whole.summary);
  });

  it('merges JUnit reports, and refuses what it cannot read', () => {
    const root = workspace({ 'a.md': '# A\n\nTODO: x\n', 'b.md': '# B\n' });
    const cli = path.join(DIST, 'cli.js');
    for (const i of [1, 2]) fs.writeFileSync(path.join(root, `s${i}.xml`), spawnSync(process.execPath, [cli, 'validate', '--no-cache', '--format', 'junit', '--shard', `${i}/2`], { cwd: root, encoding: 'utf8' }).stdout);
    const merged = spawnSync(process.execPath, [cli, 'merge', '--format', 'junit', 's1.xml', 's2.xml'], { cwd: root, encoding: 'utf8' });
    assert.match(merged.stdout, /<testsuites name="opsdocs" failures="1">/);
    assert.equal((merged.stdout.match(/<testsuite /g) ?? []).length, 2);
    fs.writeFileSync(path.join(root, 'bad.json'), '{}');
    const bad = spawnSync(process.execPath, [cli, 'merge', 'bad.json'], { cwd: root, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /not the output of opsdocs validate/);
    assert.equal(spawnSync(process.execPath, [cli, 'validate', '--shard', '3/2'], { cwd: root, encoding: 'utf8' }).status, 2);
  });
});
