/**
 * The `$opsdocs` problem matcher of package.json reads the CLI's text output, line for line, into
 * what `--format json` says (VS Code runs a matcher's regexp as a JavaScript RegExp).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, scratchWorkspace } from '../helpers/cli';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
const [matcher] = manifest.contributes.problemMatchers as Array<{ name: string; owner: string; fileLocation: string[]; pattern: Record<string, string | number> }>;

describe('the $opsdocs problem matcher', () => {
  it('reads every finding line of opsdocs validate, and nothing else', () => {
    assert.equal(matcher.name, 'opsdocs');
    assert.deepEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
    const root = scratchWorkspace({
      'docs/v1:final.md': '---\ntype: runbok\n---\n# Release [draft]\n\nTODO ship it [soon]\n',
      'docs/due.md': `---\nlast_reviewed: ${new Date(Date.now() - 25 * 86_400_000).toISOString().slice(0, 10)}\nreview_cycle: 30d\n---\n# Due\n`,
    });
    const lines = runCli(root, 'validate', '--format', 'text').stdout.trimEnd().split('\n');
    const report = JSON.parse(runCli(root, 'validate', '--format', 'json').stdout) as { files: Array<{ path: string; diagnostics: Array<{ rule: string; severity: string; message: string; line: number; column: number }> }> };
    const expected = report.files.flatMap((file) => file.diagnostics.map((d) => ({ file: file.path, line: String(d.line), column: String(d.column), severity: d.severity, message: d.message, code: d.rule })));
    assert.ok(expected.some((e) => e.severity === 'info') && expected.some((e) => e.severity === 'error'));
    const regexp = new RegExp(String(matcher.pattern.regexp));
    const group = (match: RegExpExecArray, key: string) => match[Number(matcher.pattern[key])];
    const matched = lines.map((line) => regexp.exec(line)).filter((m): m is RegExpExecArray => m !== null);
    assert.deepEqual(
      matched.map((m) => ({ file: group(m, 'file'), line: group(m, 'line'), column: group(m, 'column'), severity: group(m, 'severity'), message: group(m, 'message'), code: group(m, 'code') })),
      expected,
    );
    assert.equal(matched.length, lines.length - 1, 'all but the summary line');
  });

  it('is the matcher of the opsdocs task type', () => {
    assert.deepEqual(manifest.contributes.taskDefinitions.map((t: { type: string }) => t.type), ['opsdocs']);
    assert.notEqual(matcher.owner, 'opsdocs', "not the language server's diagnostics collection, which it would overwrite");
  });
});
