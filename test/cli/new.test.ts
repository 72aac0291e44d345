import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-new-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('opsdocs new', () => {
  it('writes a document from the type\'s template that validates with placeholders only', () => {
    const made = run('new', 'runbook', 'docs/runbooks/restart-api', '--title', 'Restart the API');
    assert.equal(made.code, 0, made.stderr);
    assert.equal(made.stdout.trim(), path.join('docs', 'runbooks', 'restart-api.md'));
    const text = fs.readFileSync(path.join(root, 'docs/runbooks/restart-api.md'), 'utf8');
    assert.match(text, /^---\ntitle: "Restart the API"\ntype: runbook\nowner: TODO\nlast_reviewed: \d{4}-\d\d-\d\d\nreview_cycle: quarterly\n---\n\n# Restart the API\n\n## Overview\n/);
    const checked = run('validate', 'docs', '--format', 'json');
    const rules = new Set((JSON.parse(checked.stdout) as { files: Array<{ diagnostics: Array<{ rule: string }> }> }).files.flatMap((f) => f.diagnostics.map((d) => d.rule)));
    assert.deepEqual([...rules], ['placeholder']);
  });

  it('uses the workspace\'s template from .opsdocs/templates', () => {
    fs.mkdirSync(path.join(root, '.opsdocs/templates'), { recursive: true });
    fs.writeFileSync(path.join(root, '.opsdocs/templates/change-request.md'), '# {{title}}\n\nRequested on {{date}}.\n');
    assert.equal(run('new', 'change-request', 'changes/db-upgrade.md').code, 0);
    assert.match(fs.readFileSync(path.join(root, 'changes/db-upgrade.md'), 'utf8'), /^# Db Upgrade\n\nRequested on \d{4}-\d\d-\d\d\.\n$/);
  });

  it('never overwrites, and names the types it knows', () => {
    const again = run('new', 'runbook', 'docs/runbooks/restart-api.md');
    assert.equal(again.code, 2);
    assert.match(again.stderr, /exists already/);
    const typo = run('new', 'runbok', 'docs/x.md');
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /no template for type "runbok"; did you mean "runbook"\?/);
    assert.equal(run('new', 'runbook').code, 2);
  });
});
