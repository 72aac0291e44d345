/**
 * What OpsDocs reports on real runbook collections (../shared/corpora), each with the config that
 * describes its conventions (bench/corpora/<name>.opsdocs.yaml) or, without one, as a new user
 * runs it (built-in defaults): findings per rule, and each
 * command-, example-, diagram- and link- finding in full, for a reader to judge.
 * Usage: npm run build && [OPSDOCS_CORPORA=/path/to/corpora] node --import tsx bench/corpora-precision.ts
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.join(__dirname, '..');
// OPSDOCS_CORPORA names the collections' folder when the checkout is not beside ../shared (a worktree).
const corpora = process.env.OPSDOCS_CORPORA ?? path.join(repo, '..', 'shared', 'corpora');
const SHOWN = /^(command|example|diagram|link|code)-/;

interface Report {
  files: Array<{ path: string; diagnostics: Array<{ rule: string; severity: string; line: number; message: string }> }>;
}

function validate(collection: string): Report {
  // A copy, so that the collection's config sits at its root (the root of `/` links and scripts).
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-corpus-'));
  fs.cpSync(path.join(corpora, collection), copy, { recursive: true });
  const config = path.join(__dirname, 'corpora', `${collection}.opsdocs.yaml`);
  if (fs.existsSync(config)) fs.copyFileSync(config, path.join(copy, '.opsdocs.yaml'));
  const result = spawnSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'validate', '.', '--format', 'json'], { cwd: copy, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  fs.rmSync(copy, { recursive: true, force: true });
  return JSON.parse(result.stdout) as Report;
}

if (!fs.existsSync(corpora)) {
  console.log('../shared/corpora is absent: nothing to measure');
  process.exit(0);
}
for (const collection of fs.readdirSync(corpora).filter((name) => fs.statSync(path.join(corpora, name)).isDirectory())) {
  const report = validate(collection);
  const perRule = new Map<string, Record<string, number>>();
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const counts = perRule.get(d.rule) ?? { error: 0, warning: 0, info: 0 };
      counts[d.severity]++;
      perRule.set(d.rule, counts);
    }
  }
  console.log(`\n${collection}: ${report.files.length} documents${fs.existsSync(path.join(__dirname, 'corpora', `${collection}.opsdocs.yaml`)) ? '' : ' (no config)'}`);
  for (const [rule, c] of [...perRule].sort()) console.log(`  ${rule.padEnd(24)} ${String(c.error + c.warning + c.info).padStart(4)}  (${c.error} errors, ${c.warning} warnings, ${c.info} infos)`);
  for (const file of report.files) {
    for (const d of file.diagnostics.filter((x) => SHOWN.test(x.rule))) console.log(`    ${file.path}:${d.line} ${d.severity} ${d.rule}: ${d.message}`);
  }
}
