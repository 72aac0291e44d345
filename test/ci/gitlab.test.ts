/**
 * ci/opsdocs.gitlab-ci.yml, the GitLab CI template: a job in the shape GitLab documents
 * (https://docs.gitlab.com/ci/yaml/ and, for the report, https://docs.gitlab.com/ci/testing/code_quality/),
 * and its script run as a GitLab runner runs it (one shell, `set -eo pipefail`, the job's variables
 * in the environment), with OpsDocs installed by npm from a package packed from this repository.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { scratchWorkspace } from '../helpers/cli';
import { codeQualityProblems } from '../helpers/reportShapes';

const ROOT = path.join(__dirname, '..', '..');

interface Job {
  stage: string;
  image: string;
  variables: Record<string, string>;
  script: string[];
  artifacts: { when: string; reports: { codequality: string }; paths: string[] };
}

const template = parse(fs.readFileSync(path.join(ROOT, 'ci', 'opsdocs.gitlab-ci.yml'), 'utf8')) as { opsdocs: Job };
const job = template.opsdocs;

function runJob(project: string, prefix: string, variables: Record<string, string>) {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-c', ['set -eo pipefail', ...job.script].join('\n')], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, ...job.variables, ...variables, CI: 'true', CI_PROJECT_DIR: project, NPM_CONFIG_PREFIX: prefix, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` },
  });
  return { code: result.status, output: result.stdout + result.stderr };
}

describe('ci/opsdocs.gitlab-ci.yml', () => {
  let tarball: string;
  before(() => {
    const packed = scratchWorkspace({}, 'opsdocs-pack-');
    const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', packed], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
    tarball = path.join(packed, name);
  });

  it('is a job that keeps its Code Quality report, whether it passes or not', () => {
    assert.deepEqual(Object.keys(template), ['opsdocs']);
    assert.equal(job.stage, 'test');
    assert.match(job.image, /^node:\d+/);
    assert.ok(Array.isArray(job.script) && job.script.every((line) => typeof line === 'string'));
    assert.equal(job.artifacts.when, 'always');
    assert.equal(job.artifacts.reports.codequality, 'gl-code-quality-report.json');
    assert.match(job.variables.OPSDOCS_PACKAGE, /^github:opsdocs\/opsdocs#v\d+\.\d+\.\d+$/);
  });

  it('installs OpsDocs, writes the report in GitLab\'s shape, and fails on errors', () => {
    const project = scratchWorkspace({ 'docs/a.md': '---\ntype: runbok\n---\n# A\n', 'docs/b.md': '# B\n\nTODO\n', 'README.md': '# Project\n' }, 'opsdocs-gitlab-');
    const prefix = scratchWorkspace({}, 'opsdocs-npm-prefix-');
    const { code, output } = runJob(project, prefix, { OPSDOCS_PACKAGE: tarball, OPSDOCS_PATHS: 'docs' });
    assert.equal(code, 1, output);
    assert.match(output, /docs\/a\.md:2:7: error Unknown document type "runbok"/, 'the findings are in the job log too');
    const report = JSON.parse(fs.readFileSync(path.join(project, 'gl-code-quality-report.json'), 'utf8')) as Array<{ check_name: string; location: { path: string } }>;
    assert.equal(codeQualityProblems(report), undefined);
    assert.deepEqual(report.map((i) => [i.check_name, i.location.path]), [['frontmatter-invalid', 'docs/a.md'], ['placeholder', 'docs/b.md']]);
    const clean = scratchWorkspace({ 'docs/a.md': '# A\n\nAll good.\n' }, 'opsdocs-gitlab-');
    const passing = runJob(clean, prefix, { OPSDOCS_PACKAGE: tarball, OPSDOCS_OPTIONS: '--max-warnings 0' });
    assert.equal(passing.code, 0, passing.output);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(clean, 'gl-code-quality-report.json'), 'utf8')), []);
  });
});
