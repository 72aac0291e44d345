/**
 * action.yml, the composite GitHub Action: its metadata in the shape GitHub documents
 * (https://docs.github.com/en/actions/sharing-automations/creating-actions/metadata-syntax-for-github-actions),
 * and its run steps executed as a runner executes them (bash -e -o pipefail, inputs through the
 * step's env, GITHUB_ACTION_PATH and GITHUB_OUTPUT set): no runner runs here, so the `uses` steps
 * are checked for what they are given, not run.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { scratchWorkspace } from '../helpers/cli';
import { sarifProblems } from '../helpers/reportShapes';

const ROOT = path.join(__dirname, '..', '..');

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}

interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.x }}` and `${{ steps.s.outputs.o }}`, the only expressions the action uses. */
function expand(value: string, inputs: Record<string, string>, outputs: Record<string, Record<string, string>>): string {
  return value.replace(/\$\{\{\s*(inputs\.([\w-]+)|steps\.([\w-]+)\.outputs\.([\w-]+))\s*\}\}/g, (_, _all, input, step, output) =>
    input ? (inputs[input] ?? '') : (outputs[step]?.[output] ?? ''),
  );
}

/** Runs the action's `run` steps in a workspace, as the runner would; returns what each step wrote and its status. */
function runAction(workspace: string, given: Record<string, string>) {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([id, input]) => [id, given[id] ?? input.default ?? '']));
  const outputs: Record<string, Record<string, string>> = {};
  const ran: Array<{ step: string; code: number | null; output: string }> = [];
  for (const step of action.runs.steps) {
    if (!step.run) continue;
    // The conditions this action uses: an exit code compared, or an input compared.
    if (step.if && !evaluate(step.if, inputs, outputs)) continue;
    const githubOutput = path.join(workspace, '.github-output');
    fs.writeFileSync(githubOutput, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value, inputs, outputs)]));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...process.env, ...env, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: githubOutput, GITHUB_WORKSPACE: workspace },
    });
    if (step.id) outputs[step.id] = Object.fromEntries(fs.readFileSync(githubOutput, 'utf8').split('\n').filter(Boolean).map((line) => line.split('=', 2) as [string, string]));
    ran.push({ step: step.name ?? step.id ?? '', code: result.status, output: result.stdout + result.stderr });
    if (result.status !== 0) break;
  }
  return { ran, outputs };
}

function evaluate(condition: string, inputs: Record<string, string>, outputs: Record<string, Record<string, string>>): boolean {
  const match = /^(inputs\.[\w-]+|steps\.[\w-]+\.outputs\.[\w-]+) == '([^']*)'$/.exec(condition.trim());
  assert.ok(match, `a condition the test understands: ${condition}`);
  return expand(`\${{ ${match[1]} }}`, inputs, outputs) === match[2];
}

describe('action.yml', () => {
  it('has the metadata GitHub documents for a composite action', () => {
    assert.equal(typeof action.name, 'string');
    assert.equal(typeof action.description, 'string');
    for (const [id, input] of Object.entries(action.inputs)) assert.equal(typeof input.description, 'string', id);
    for (const [id, output] of Object.entries(action.outputs)) assert.equal(typeof output.value, 'string', `composite outputs need a value: ${id}`);
    assert.equal(action.runs.using, 'composite');
    for (const step of action.runs.steps) {
      assert.ok(Boolean(step.run) !== Boolean(step.uses), 'a step runs a script or uses an action');
      if (step.run) {
        assert.ok(step.shell, 'a composite run step names its shell');
        assert.doesNotMatch(step.run, /\$\{\{/, 'inputs reach scripts through env, never spliced into them');
      }
    }
  });

  it('uploads the SARIF log with github/codeql-action/upload-sarif', () => {
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload);
    assert.equal(upload.with?.sarif_file, '${{ inputs.sarif-file }}');
    assert.equal(upload.if, "inputs.upload-sarif == 'true'");
  });

  it('runs opsdocs validate --format sarif, writes a valid log, and fails after it on errors', () => {
    const workspace = scratchWorkspace({ 'docs/a.md': '---\ntype: runbok\n---\n# A\n', 'docs/b.md': '# B\n\nTODO\n' }, 'opsdocs-action-');
    const { ran, outputs } = runAction(workspace, { paths: 'docs/a.md docs/b.md' });
    assert.equal(outputs.validate['exit-code'], '1');
    const log = JSON.parse(fs.readFileSync(path.join(workspace, 'opsdocs.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    assert.equal(sarifProblems(log), undefined);
    assert.deepEqual(log.runs[0].results.map((r) => r.ruleId), ['frontmatter-invalid', 'placeholder']);
    assert.deepEqual(ran.map((r) => [r.step, r.code]), [['Check the documents with OpsDocs', 0], ['Fail on errors', 1]]);
    assert.match(ran[1].output, /^::error title=OpsDocs::OpsDocs found errors/m);
  });

  it('passes on warnings, unless over max-warnings', () => {
    const workspace = scratchWorkspace({ 'notes.md': '# Notes\n\nTODO\n', '.opsdocs.yaml': 'docs: "*.md"\n' }, 'opsdocs-action-');
    assert.deepEqual(runAction(workspace, {}).ran.map((r) => r.code), [0]);
    assert.deepEqual(runAction(workspace, { 'max-warnings': '0', 'sarif-file': 'strict.sarif' }).ran.map((r) => r.code), [0, 1]);
    assert.ok(fs.existsSync(path.join(workspace, 'strict.sarif')));
  });

  it('stops with the CLI\'s status 2 on a broken config, before any upload', () => {
    const workspace = scratchWorkspace({ 'a.md': '# A\n', '.opsdocs.yaml': 'review:\n  cycle: fortnightly\n' }, 'opsdocs-action-');
    const { ran } = runAction(workspace, {});
    assert.deepEqual(ran.map((r) => r.code), [2]);
    assert.match(ran[0].output, /\.opsdocs\.yaml:2:10: error "review\.cycle" must be a review cycle/);
  });
});
