/**
 * The CI formats of `opsdocs validate`, each against its published schema or documented shape:
 * SARIF against the OASIS JSON schema, GitHub workflow commands against GitHub's docs and the
 * lines GitHub's own toolkit (@actions/core) writes, GitLab Code Quality against GitLab's docs
 * (test/helpers/reportShapes.ts).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatGithub } from '../../server/src/cli/formats/github';
import type { RunReport } from '../../server/src/cli/report';
import { runCli, scratchWorkspace } from '../helpers/cli';
import { codeQualityProblems, sarifProblems } from '../helpers/reportShapes';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const CONFIG = 'types:\n  - id: release\n    match: "docs/releases/*.md"\n    sections: ["Rollback: 100%, at once", "Verification"]\n';
const FILES = {
  '.opsdocs.yaml': CONFIG,
  // An error whose message holds `%`, `,` and `:`, in a file whose name holds `,` and `:`.
  'docs/releases/v1,final:2.md': '# Release\n\n## Verification\n\nChecked.\n',
  // Two identical warnings on different lines.
  'docs/notes.md': '# Notes\n\nTODO one\n\nTODO one\n',
  // An info: the review falls due within warnDays.
  'docs/due.md': `---\nlast_reviewed: ${daysAgo(25)}\nreview_cycle: 30d\n---\n# Due\n\nText.\n`,
};

interface Annotation {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/**
 * https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
 * `::error file={name},line={line},endLine={endLine},title={title}::{message}` (and `col`, `endColumn`;
 * `::warning`, `::notice` alike). The runner reads `%25`, `%0D`, `%0A` in the message and, in a
 * property, also `%3A` and `%2C` (the escapes @actions/core's command.ts writes).
 */
const WORKFLOW_COMMAND = /^::(error|warning|notice) ([^:]*)::(.*)$/;
const PROPERTIES = new Set(['file', 'line', 'endLine', 'col', 'endColumn', 'title']);

function unescape(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

function parseCommand(line: string): Annotation {
  const match = WORKFLOW_COMMAND.exec(line);
  assert.ok(match, `a workflow command: ${line}`);
  const properties: Record<string, string> = {};
  for (const pair of match[2].split(',')) {
    const at = pair.indexOf('=');
    assert.ok(at > 0, `key=value: ${pair}`);
    const key = pair.slice(0, at);
    assert.ok(PROPERTIES.has(key), `a documented property: ${key}`);
    properties[key] = unescape(pair.slice(at + 1));
  }
  assert.doesNotMatch(match[3], /[\r\n]/);
  return { command: match[1], properties, message: unescape(match[3]) };
}

/** What @actions/core writes for an annotation: GitHub's own reference of the syntax. */
async function toolkitLine(command: string, message: string, properties: { title: string; file: string; startLine: number; endLine: number; startColumn?: number; endColumn?: number }): Promise<string> {
  const core = await import('@actions/core');
  const write = process.stdout.write;
  let written = '';
  process.stdout.write = ((chunk: string) => ((written += chunk), true)) as typeof process.stdout.write;
  try {
    ({ error: core.error, warning: core.warning, notice: core.notice })[command]!(message, properties);
  } finally {
    process.stdout.write = write;
  }
  return written.trimEnd();
}

interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function jsonFindings(root: string): Array<JsonDiagnostic & { path: string }> {
  const report = JSON.parse(runCli(root, 'validate', '--format', 'json').stdout) as { files: Array<{ path: string; diagnostics: JsonDiagnostic[] }> };
  return report.files.flatMap((file) => file.diagnostics.map((d) => ({ ...d, path: file.path })));
}

describe('--format github', () => {
  const root = scratchWorkspace(FILES);

  it('writes one documented workflow command per finding, as GitHub\'s toolkit writes it', async () => {
    const { code, stdout } = runCli(root, 'validate', '--format', 'github');
    assert.equal(code, 1);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.pop(), 'opsdocs: 1 errors, 3 warnings, 1 infos in 3 documents');
    const expected = jsonFindings(root);
    assert.equal(lines.length, expected.length);
    const levels = { error: 'error', warning: 'warning', info: 'notice' } as Record<string, string>;
    for (const [index, line] of lines.entries()) {
      const finding = expected[index];
      const annotation = parseCommand(line);
      assert.deepEqual(annotation, {
        command: levels[finding.severity],
        properties: {
          file: finding.path,
          line: String(finding.line),
          endLine: String(finding.endLine),
          ...(finding.line === finding.endLine && { col: String(finding.column), endColumn: String(finding.endColumn) }),
          title: `opsdocs/${finding.rule}`,
        },
        message: finding.message,
      });
      const columns = finding.line === finding.endLine ? { startColumn: finding.column, endColumn: finding.endColumn } : {};
      const reference = await toolkitLine(annotation.command, finding.message, { title: `opsdocs/${finding.rule}`, file: finding.path, startLine: finding.line, endLine: finding.endLine, ...columns });
      assert.deepEqual(parseCommand(reference), annotation, 'the same annotation as @actions/core writes');
    }
    assert.ok(lines.some((l) => l.includes('file=docs/releases/v1%2Cfinal%3A2.md') && l.includes('"Rollback: 100%25, at once"')), 'escaped where it must be');
  });

  it('escapes line breaks and leaves columns out of a range over several lines', () => {
    const report: RunReport = {
      cwd: '/',
      files: [{ path: '/a.md', relativePath: 'a.md', findings: [{ rule: 'example-json', severity: 'error', message: 'first\nsecond\r\n100%', range: { start: { line: 1, character: 2 }, end: { line: 3, character: 0 } } }] }],
      summary: { files: 1, errors: 1, warnings: 0, infos: 0 },
    };
    const [line] = formatGithub(report).split('\n');
    assert.equal(line, '::error file=a.md,line=2,endLine=4,title=opsdocs/example-json::first%0Asecond%0D%0A100%25');
    assert.equal(parseCommand(line).message, 'first\nsecond\r\n100%');
  });
});

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

describe('--format codequality', () => {
  it('writes the documented GitLab Code Quality report', () => {
    const root = scratchWorkspace(FILES);
    const { code, stdout } = runCli(root, 'validate', '--format', 'codequality');
    assert.equal(code, 1);
    const issues = JSON.parse(stdout) as Issue[];
    assert.equal(codeQualityProblems(issues), undefined);
    const severity = { error: 'major', warning: 'minor', info: 'info' } as Record<string, string>;
    assert.deepEqual(
      issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin, i.description]),
      jsonFindings(root).map((f) => [f.rule, severity[f.severity], f.path, f.line, f.message]),
    );
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'one fingerprint per violation, the two identical TODOs included');
  });

  it('keeps fingerprints when the finding only moves', () => {
    const root = scratchWorkspace(FILES);
    const before = JSON.parse(runCli(root, 'validate', '--format', 'codequality').stdout) as Issue[];
    fs.writeFileSync(path.join(root, 'docs/notes.md'), '# Notes\n\nA new paragraph.\n\nTODO one\n\nTODO one\n');
    const after = JSON.parse(runCli(root, 'validate', '--format', 'codequality').stdout) as Issue[];
    assert.deepEqual(after.map((i) => i.fingerprint), before.map((i) => i.fingerprint));
    assert.notDeepEqual(after.map((i) => i.location.lines.begin), before.map((i) => i.location.lines.begin));
  });
});

describe('--format sarif', () => {
  it('is valid against the SARIF 2.1.0 JSON schema', () => {
    const root = scratchWorkspace(FILES);
    const log = JSON.parse(runCli(root, 'validate', '--format', 'sarif').stdout) as { runs: Array<{ results: unknown[] }> };
    assert.equal(sarifProblems(log), undefined);
    assert.equal(log.runs[0].results.length, 5);
  });
});
