/** `opsdocs/remark` through remark-cli, run as a process, as a remark user runs it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/cli';
import { cliFindings, PACKAGE_ROOT, remarkWorkspace, type CliFinding } from './workspace';

const REMARK = path.join(PACKAGE_ROOT, 'node_modules', 'remark-cli', 'cli.js');
/** By path: remark-cli looks a reporter's name up from the workspace, which has only opsdocs installed. */
const JSON_REPORTER = path.join(PACKAGE_ROOT, 'node_modules', 'vfile-reporter-json', 'index.js');

interface JsonMessage {
  ruleId: string;
  source: string;
  fatal?: boolean | null;
  reason: string;
  place: { start: { line: number; column: number }; end: { line: number; column: number } };
  url?: string;
  actual?: string;
  expected?: string[];
}

/** remark-cli with vfile-reporter-json: the report goes to stderr, one entry per file. */
function remark(cwd: string, ...args: string[]) {
  return remarkWith(undefined, cwd, ...args);
}

function remarkWith(input: string | undefined, cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [REMARK, '--no-stdout', '--report', JSON_REPORTER, ...args], { cwd, encoding: 'utf8', input });
  const report = JSON.parse(result.stderr) as Array<{ path: string; messages: JsonMessage[] }>;
  return { code: result.status, report };
}

const SEVERITY = (fatal: boolean | null | undefined) => (fatal === true ? 'error' : fatal === false ? 'warning' : 'info');

function asFindings(report: Array<{ path: string; messages: JsonMessage[] }>): CliFinding[] {
  return report
    .flatMap((file) =>
      file.messages.map((m) => ({
        path: file.path,
        rule: m.ruleId,
        severity: SEVERITY(m.fatal),
        message: m.reason,
        line: m.place.start.line,
        column: m.place.start.column,
        endLine: m.place.end.line,
        endColumn: m.place.end.column,
      })),
    )
    .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
}

describe('remark-cli with opsdocs/remark', () => {
  it('reports exactly what opsdocs validate finds, with .opsdocs.yaml honoured, and fails on errors', () => {
    const root = remarkWorkspace();
    const { code, report } = remark(root, 'docs');
    assert.equal(code, 1, 'errors are fatal messages: remark-cli exits 1');
    const expected = cliFindings(runCli(root, 'validate', 'docs', '--format', 'json').stdout);
    assert.ok(expected.some((f) => f.rule === 'placeholder' && f.severity === 'error'), 'the config makes placeholders errors');
    assert.ok(expected.some((f) => f.rule === 'command-subcommand'));
    assert.ok(expected.some((f) => f.rule === 'section-missing'), 'front matter read as front matter: the type applies');
    assert.deepEqual(asFindings(report), expected);
    for (const message of report.flatMap((f) => f.messages)) {
      assert.equal(message.source, 'opsdocs');
      assert.match(message.url!, new RegExp(`^https://github\\.com/opsdocs/opsdocs#${message.ruleId}-(error|warning|info)$`));
    }
  });

  it('gives a fix within the finding as expected, and never a suggestion', () => {
    const { report } = remark(remarkWorkspace(), 'docs');
    const messages = report.flatMap((f) => f.messages);
    const typo = messages.find((m) => m.ruleId === 'frontmatter-invalid')!;
    assert.equal(typo.actual, 'runbok');
    assert.deepEqual(typo.expected, ['runbook']);
    const subcommand = messages.find((m) => m.ruleId === 'command-subcommand')!;
    assert.match(subcommand.reason, /did you mean "kubectl rollout restart"/);
    assert.equal(subcommand.expected, undefined, 'a did-you-mean is a suggestion: in the message, not in expected');
  });

  it('checks a document given on standard input, with the config of the current folder', () => {
    const { code, report } = remarkWith('# Notes\n\nTODO later\n', remarkWorkspace());
    assert.equal(code, 1);
    assert.deepEqual(report[0].messages.map((m) => [m.ruleId, m.fatal, m.place.start.line]), [['placeholder', true, 3]]);
  });

  it('exits 0 on warnings alone, and 1 with --frail', () => {
    const root = remarkWorkspace({ '.opsdocs.yaml': 'rules: {}\n' });
    assert.equal(remark(root, 'docs/notes.md').code, 0);
    assert.equal(remark(root, 'docs/notes.md', '--frail').code, 1);
  });

  it('reports a broken .opsdocs.yaml at its place, and checks with the defaults meanwhile', () => {
    const root = remarkWorkspace({ '.opsdocs.yaml': 'review:\n  cycle: fortnightly\n' });
    const { code, report } = remark(root, 'docs/notes.md');
    assert.equal(code, 1);
    const [config, ...rest] = report[0].messages;
    assert.equal(config.ruleId, 'config');
    assert.equal(config.fatal, true);
    assert.match(config.reason, /^\.opsdocs\.yaml:2:10: "review\.cycle" must be a review cycle/);
    assert.deepEqual(rest.map((m) => [m.ruleId, m.fatal]), [['placeholder', false]]);
  });

  it('honours a config named in the plugin options, as --config', () => {
    const root = remarkWorkspace({ 'strict.yaml': 'rules:\n  placeholder: info\n', '.remarkrc': JSON.stringify({ plugins: [['opsdocs/remark', { config: 'strict.yaml' }]] }) });
    fs.rmSync(path.join(root, '.opsdocs.yaml'));
    const { report } = remark(root, 'docs/notes.md');
    assert.deepEqual(report[0].messages.map((m) => [m.ruleId, m.fatal ?? null]), [['placeholder', null]]);
  });
});
