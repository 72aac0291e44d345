/**
 * The remark plugin against the CLI on real collections (../shared/corpora): the same findings,
 * file for file, and the wall time of `remark .` (remark-cli with opsdocs/remark) beside
 * `opsdocs validate .` on the same copy, in one run.
 * Usage: npm run build && node --import tsx bench/remark-vs-cli.ts (OPSDOCS_CORPORA names another folder of collections)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.join(__dirname, '..');
const corpora = process.env.OPSDOCS_CORPORA ?? path.join(repo, '..', 'shared', 'corpora');
const remarkCli = path.join(repo, 'node_modules', 'remark-cli', 'cli.js');
const jsonReporter = path.join(repo, 'node_modules', 'vfile-reporter-json', 'index.js');

type Finding = string;

/** A copy of the collection with its bench config, remark's config naming the plugin, and opsdocs installed. */
function workspace(collection: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-remark-bench-'));
  fs.cpSync(path.join(corpora, collection), copy, { recursive: true });
  const config = path.join(__dirname, 'corpora', `${collection}.opsdocs.yaml`);
  if (fs.existsSync(config)) fs.copyFileSync(config, path.join(copy, '.opsdocs.yaml'));
  fs.writeFileSync(path.join(copy, '.remarkrc'), JSON.stringify({ plugins: ['opsdocs/remark'] }));
  fs.mkdirSync(path.join(copy, 'node_modules'));
  fs.symlinkSync(repo, path.join(copy, 'node_modules', 'opsdocs'), 'dir');
  return copy;
}

function timed<T>(run: () => T): { result: T; seconds: number } {
  const start = process.hrtime.bigint();
  const result = run();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** Document findings only: the set-level ones (requiredDocs, alert rule files) are the CLI's alone. */
function cliFindings(cwd: string, files: string[]): Map<string, Finding[]> {
  const out = spawnSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'validate', ...files, '--format', 'json'], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const report = JSON.parse(out.stdout) as { files: Array<{ path: string; diagnostics: Array<{ rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }> }> };
  return new Map(report.files.map((f) => [f.path, f.diagnostics.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.rule} ${d.message}`)]));
}

function remarkFindings(cwd: string, files: string[]): Map<string, Finding[]> {
  const out = spawnSync(process.execPath, [remarkCli, ...files, '--no-stdout', '--report', jsonReporter], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const report = JSON.parse(out.stderr) as Array<{ path: string; messages: Array<{ ruleId: string; fatal?: boolean | null; reason: string; place: { start: { line: number; column: number }; end: { line: number; column: number } } }> }>;
  const level = (fatal: boolean | null | undefined) => (fatal === true ? 'error' : fatal === false ? 'warning' : 'info');
  return new Map(report.map((f) => [f.path, f.messages.map((m) => `${m.place.start.line}:${m.place.start.column}-${m.place.end.line}:${m.place.end.column} ${level(m.fatal)} ${m.ruleId} ${m.reason}`)]));
}

if (!fs.existsSync(corpora)) {
  console.log('../shared/corpora is absent: nothing to measure');
  process.exit(0);
}
console.log('| collection | documents | findings | identical | opsdocs validate | remark (opsdocs/remark) |');
console.log('|---|---|---|---|---|---|');
for (const collection of fs.readdirSync(corpora).filter((name) => fs.statSync(path.join(corpora, name)).isDirectory())) {
  const copy = workspace(collection);
  try {
    const documents = fs.readdirSync(copy, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md') && !f.startsWith('node_modules')).sort();
    const cli = timed(() => cliFindings(copy, documents));
    const remark = timed(() => remarkFindings(copy, documents));
    const findings = [...cli.result.values()].reduce((n, f) => n + f.length, 0);
    const differing = documents.filter((d) => JSON.stringify(cli.result.get(d) ?? []) !== JSON.stringify(remark.result.get(d) ?? []));
    console.log(`| ${collection} | ${documents.length} | ${findings} | ${differing.length === 0 ? 'yes' : `no: ${differing.length} documents differ`} | ${cli.seconds.toFixed(2)} s | ${remark.seconds.toFixed(2)} s |`);
    for (const document of differing.slice(0, 3)) console.log(`  ${document}\n    cli:    ${JSON.stringify(cli.result.get(document))}\n    remark: ${JSON.stringify(remark.result.get(document))}`);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
