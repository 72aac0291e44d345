/**
 * What OpsDocs reports on real runbook collections (../shared/corpora, or $OPSDOCS_CORPORA), in one
 * run: every collection with no config at all, as a new user runs it, and, where
 * bench/corpora/<name>.opsdocs.yaml describes its conventions, with that config too. It prints the
 * documents typed (and how: front matter, config, inferred), findings per rule and severity side by
 * side, and each finding of the rules a reader has to judge in full (--quiet leaves those out).
 * Usage: npm run build && node --import tsx bench/corpora-precision.ts [--quiet]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.join(__dirname, '..');
const corpora = process.env.OPSDOCS_CORPORA ?? path.join(repo, '..', 'shared', 'corpora');
/** Findings shown in full: rules whose precision the README's figures judge finding by finding. */
const SHOWN = /^(command-|example-|diagram-|link-|code-|section-|placeholder$|secret$|absolute-path$|alert-|runbook-|review-|rule-file)/;
const quiet = process.argv.includes('--quiet');

type Severity = 'error' | 'warning' | 'info';
interface Report {
  files: Array<{ path: string; type: string | null; typeSource: string | null; diagnostics: Array<{ rule: string; severity: Severity; line: number; message: string }> }>;
}
type Counts = Record<Severity, number>;

function configOf(collection: string): string {
  return path.join(__dirname, 'corpora', `${collection}.opsdocs.yaml`);
}

function validate(collection: string, config: string | undefined): Report {
  // A copy, so that the collection's config sits at its root (the root of `/` links and scripts).
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-corpus-'));
  try {
    fs.cpSync(path.join(corpora, collection), copy, { recursive: true });
    if (config) fs.copyFileSync(config, path.join(copy, '.opsdocs.yaml'));
    const cli = path.join(repo, 'dist', 'cli.js');
    const result = spawnSync(process.execPath, [cli, 'validate', '.', '--format', 'json', '--no-cache'], { cwd: copy, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (!result.stdout) throw new Error(`opsdocs printed nothing on ${collection}: ${result.stderr}`);
    return JSON.parse(result.stdout) as Report;
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

function countsPerRule(report: Report): Map<string, Counts> {
  const perRule = new Map<string, Counts>();
  for (const d of report.files.flatMap((f) => f.diagnostics)) {
    const counts = perRule.get(d.rule) ?? { error: 0, warning: 0, info: 0 };
    counts[d.severity]++;
    perRule.set(d.rule, counts);
  }
  return perRule;
}

function typing(report: Report): string {
  const bySource = new Map<string, number>();
  for (const file of report.files) if (file.type) bySource.set(file.typeSource ?? '?', (bySource.get(file.typeSource ?? '?') ?? 0) + 1);
  const typed = [...bySource.values()].reduce((a, b) => a + b, 0);
  const sources = [...bySource].map(([source, n]) => `${n} ${source}`).join(', ');
  return `${typed} of ${report.files.length} typed${typed ? ` (${sources})` : ''}`;
}

const cell = (c: Counts | undefined) => (c ? `${c.error}/${c.warning}/${c.info}` : '—').padStart(12);

function compare(collection: string, runs: Array<{ label: string; report: Report }>): void {
  console.log(`\n## ${collection}`);
  for (const { label, report } of runs) console.log(`  ${label.padEnd(11)} ${typing(report)}`);
  const tables = runs.map(({ report }) => countsPerRule(report));
  const rules = [...new Set(tables.flatMap((t) => [...t.keys()]))].sort();
  console.log(`  ${'rule'.padEnd(24)} ${runs.map((r) => r.label.padStart(12)).join('')}   (error/warning/info)`);
  for (const rule of rules) console.log(`  ${rule.padEnd(24)} ${tables.map((t) => cell(t.get(rule))).join('')}`);
  if (quiet) return;
  for (const { label, report } of runs) {
    console.log(`  findings ${label}:`);
    for (const file of report.files) {
      for (const d of file.diagnostics.filter((x) => SHOWN.test(x.rule))) console.log(`    ${file.path}:${d.line} ${d.severity} ${d.rule}: ${d.message}`);
    }
  }
}

if (!fs.existsSync(corpora)) {
  console.log(`${corpora} is absent: nothing to measure`);
  process.exit(0);
}
const collections = fs.readdirSync(corpora).filter((name) => fs.statSync(path.join(corpora, name)).isDirectory()).sort();
for (const collection of collections) {
  const runs = [{ label: 'no config', report: validate(collection, undefined) }];
  if (fs.existsSync(configOf(collection))) runs.push({ label: 'config', report: validate(collection, configOf(collection)) });
  compare(collection, runs);
}
