/**
 * What OpsDocs reports on real runbook collections (../shared/corpora), each with a config that
 * describes its conventions (bench/corpora/<name>.opsdocs.yaml): findings per rule, and each
 * command-, example-, diagram- and link- finding in full, for a reader to judge. Then each of the
 * four with no config at all, as a new user first sees it: the documents typed, by type and by
 * where the type came from (inferred from headings), and each section- and review- finding in full.
 * Usage: npm run build && node --import tsx bench/corpora-precision.ts
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.join(__dirname, '..');
// OPSDOCS_CORPORA names another place (a worktree is not beside shared/).
const corpora = process.env.OPSDOCS_CORPORA ?? path.join(repo, '..', 'shared', 'corpora');
const SHOWN = /^(command|example|diagram|link|section|review)-/;

interface Report {
  files: Array<{ path: string; type: string | null; typeSource: string | null; diagnostics: Array<{ rule: string; severity: string; line: number; message: string }> }>;
}

function validate(collection: string, withConfig = true): Report {
  // A copy, so that the collection's config sits at its root (the root of `/` links and scripts).
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-corpus-'));
  fs.cpSync(path.join(corpora, collection), copy, { recursive: true });
  if (withConfig) fs.copyFileSync(path.join(__dirname, 'corpora', `${collection}.opsdocs.yaml`), path.join(copy, '.opsdocs.yaml'));
  const result = spawnSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'validate', '.', '--format', 'json'], { cwd: copy, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  fs.rmSync(copy, { recursive: true, force: true });
  return JSON.parse(result.stdout) as Report;
}

if (!fs.existsSync(corpora)) {
  console.log('../shared/corpora is absent: nothing to measure');
  process.exit(0);
}
for (const collection of fs.readdirSync(corpora).filter((name) => fs.existsSync(path.join(__dirname, 'corpora', `${name}.opsdocs.yaml`)))) {
  const report = validate(collection);
  const perRule = new Map<string, number>();
  for (const file of report.files) for (const d of file.diagnostics) perRule.set(d.rule, (perRule.get(d.rule) ?? 0) + 1);
  console.log(`\n${collection}: ${report.files.length} documents`);
  for (const [rule, count] of [...perRule].sort()) console.log(`  ${rule.padEnd(24)} ${count}`);
  for (const file of report.files) {
    for (const d of file.diagnostics.filter((x) => SHOWN.test(x.rule))) console.log(`    ${file.path}:${d.line} ${d.severity} ${d.rule}: ${d.message}`);
  }
}

const TYPING = /^(section|review)-/;
for (const collection of fs.readdirSync(corpora).filter((name) => fs.statSync(path.join(corpora, name)).isDirectory())) {
  const report = validate(collection, false);
  const typed = new Map<string, number>();
  for (const file of report.files) if (file.type) typed.set(`${file.type} (${file.typeSource})`, (typed.get(`${file.type} (${file.typeSource})`) ?? 0) + 1);
  const perRule = new Map<string, number>();
  for (const file of report.files) for (const d of file.diagnostics.filter((x) => TYPING.test(x.rule))) perRule.set(`${d.rule} ${d.severity}`, (perRule.get(`${d.rule} ${d.severity}`) ?? 0) + 1);
  const count = [...typed.values()].reduce((n, c) => n + c, 0);
  console.log(`\n${collection}, no config: ${report.files.length} documents, ${count} typed${count ? `: ${[...typed].map(([t, n]) => `${n} ${t}`).join(', ')}` : ''}`);
  for (const [rule, n] of [...perRule].sort()) console.log(`  ${rule.padEnd(24)} ${n}`);
  for (const file of report.files) {
    for (const d of file.diagnostics.filter((x) => TYPING.test(x.rule))) console.log(`    ${file.path}:${d.line} ${d.severity} ${d.rule}: ${d.message}`);
  }
}
