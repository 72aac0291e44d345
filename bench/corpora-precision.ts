/**
 * What OpsDocs reports on real runbook collections (../shared/corpora, or $OPSDOCS_CORPORA), each
 * with a config that describes its conventions (bench/corpora/<name>.opsdocs.yaml): findings per
 * rule, and each command-, example-, diagram- and link- finding in full, for a reader to judge.
 * `--no-config` runs every collection with the built-in defaults instead, as a new user would.
 * Usage: npm run build && node --import tsx bench/corpora-precision.ts [--no-config]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.join(__dirname, '..');
const corpora = process.env.OPSDOCS_CORPORA ?? path.join(repo, '..', 'shared', 'corpora');
const SHOWN = /^(command|example|diagram|link)-/;
const withConfig = !process.argv.includes('--no-config');

interface Report {
  files: Array<{ path: string; diagnostics: Array<{ rule: string; severity: string; line: number; message: string }> }>;
}

function configOf(collection: string): string {
  return path.join(__dirname, 'corpora', `${collection}.opsdocs.yaml`);
}

function validate(collection: string): Report {
  // A copy, so that the collection's config sits at its root (the root of `/` links and scripts).
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-corpus-'));
  fs.cpSync(path.join(corpora, collection), copy, { recursive: true });
  if (withConfig) fs.copyFileSync(configOf(collection), path.join(copy, '.opsdocs.yaml'));
  const result = spawnSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'validate', '.', '--format', 'json'], { cwd: copy, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  fs.rmSync(copy, { recursive: true, force: true });
  return JSON.parse(result.stdout) as Report;
}

if (!fs.existsSync(corpora)) {
  console.log(`${corpora} is absent: nothing to measure`);
  process.exit(0);
}
const collections = fs.readdirSync(corpora).filter((name) => fs.statSync(path.join(corpora, name)).isDirectory() && (!withConfig || fs.existsSync(configOf(name))));
for (const collection of collections) {
  const report = validate(collection);
  const perRule = new Map<string, Record<string, number>>();
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const counts = perRule.get(d.rule) ?? { error: 0, warning: 0, info: 0 };
      counts[d.severity] = (counts[d.severity] ?? 0) + 1;
      perRule.set(d.rule, counts);
    }
  }
  console.log(`\n${collection}${withConfig ? '' : ' (no config)'}: ${report.files.length} documents`);
  console.log(`  ${'rule'.padEnd(24)} ${'error'.padStart(6)} ${'warning'.padStart(8)} ${'info'.padStart(6)}`);
  for (const [rule, c] of [...perRule].sort()) console.log(`  ${rule.padEnd(24)} ${String(c.error).padStart(6)} ${String(c.warning).padStart(8)} ${String(c.info).padStart(6)}`);
  for (const file of report.files) {
    for (const d of file.diagnostics.filter((x) => SHOWN.test(x.rule))) console.log(`    ${file.path}:${d.line} ${d.severity} ${d.rule}: ${d.message}`);
  }
}
