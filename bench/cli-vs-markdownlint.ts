/**
 * Validate All through the CLI, side by side with markdownlint-cli2 and rumdl on the same files, in
 * one run: cold (no cache), warm (nothing changed since the last run), one file changed, and each
 * tool's peak memory. Each tool with every rule it has on; whole-process runs, medians of 3.
 * Usage: node --import tsx bench/cli-vs-markdownlint.ts [folder | count]
 *   default: 85 copies of ../shared/corpora/prometheus-operator-runbooks in /tmp/b10k (10,115 documents);
 *   a count: bench/generate.ts's synthetic set of that many documents.
 * rumdl is the optional devDependency @rumdl/cli-linux-x64 (or OPSDOCS_RUMDL=<binary>).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { countMarkdown, dataSet, MARKDOWNLINT_CLI2, medianRun, repo, requireBuild, rumdlBinary, runProcess, type ProcessRun } from './helpers';

const RUNS = 3;
interface Tool {
  name: string;
  /** Cold, warm and one-changed runs; a tool without a cache has only the first. */
  cold: ProcessRun;
  warm?: ProcessRun;
  changed?: ProcessRun;
  findings: string;
}

/** Each run of a warm-cache series changes the file differently, so every run has something to re-check. */
function editor(file: string): { edit: (i: number) => void; restore: () => void } {
  const original = fs.readFileSync(file, 'utf8');
  return { edit: (i) => fs.writeFileSync(file, `${original}\nChanged for run ${i} of the benchmark.\n`), restore: () => fs.writeFileSync(file, original) };
}

function withCache(name: string, run: (cache: string) => ProcessRun, changedFile: string, findings: (output: string) => string): Tool {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), `bench-cache-${name}-`));
  const clear = () => fs.rmSync(cache, { recursive: true, force: true });
  const { edit, restore } = editor(changedFile);
  try {
    const cold = medianRun(RUNS, () => run(cache), clear);
    const warm = medianRun(RUNS, () => run(cache));
    const changed = medianRun(RUNS, () => run(cache), edit);
    return { name, cold, warm, changed, findings: findings(cold.output) };
  } finally {
    restore();
    clear();
  }
}

function opsdocs(folder: string, changedFile: string): Tool {
  const cli = path.join(repo, 'dist', 'cli.js');
  return withCache('opsdocs', (cache) => runProcess(process.execPath, [cli, 'validate', '.', '--format', 'json', '--cache-location', cache], folder), changedFile, (output) => {
    const { summary } = JSON.parse(output.slice(output.indexOf('{'))) as { summary: { errors: number; warnings: number; infos: number } };
    return `${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos`;
  });
}

function markdownlint(folder: string): Tool {
  const cold = medianRun(RUNS, () => runProcess(process.execPath, [MARKDOWNLINT_CLI2, '**/*.md', '#node_modules'], folder));
  const found = /Summary: (\d+) issue/.exec(cold.output);
  return { name: 'markdownlint-cli2', cold, findings: found ? `${found[1]} findings` : '' };
}

function rumdl(binary: string, folder: string, changedFile: string): Tool {
  return withCache('rumdl', (cache) => runProcess(binary, ['check', '.', '--extend-enable', 'ALL', '--cache-dir', cache, '--color', 'never'], folder), changedFile, (output) => {
    const found = /Found (\d+) issues/.exec(output);
    return found ? `${found[1]} findings` : '';
  });
}

const seconds = (run?: ProcessRun) => (run ? `${run.seconds.toFixed(2)} s` : 'no cache');
const megabytes = (run: ProcessRun) => (run.peakMb !== undefined ? `${run.peakMb.toFixed(0)} MB` : 'n/a');
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? (a / b).toFixed(2) : '—');

function main(): void {
  requireBuild();
  const { folder, label } = dataSet(process.argv[2]);
  const files = countMarkdown(folder);
  const changedFile = fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort()[0];
  console.log(`data set: ${folder} (${label}), ${files} Markdown files; one-changed runs edit ${changedFile}`);
  console.log(`${os.cpus().length} cores; ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
  console.log(`median of ${RUNS} whole-process runs each, every rule of each tool on\n`);
  const ops = opsdocs(folder, path.join(folder, changedFile));
  const mdl = markdownlint(folder);
  const binary = rumdlBinary();
  const rum = binary ? rumdl(binary, folder, path.join(folder, changedFile)) : undefined;
  const tools = [ops, mdl, ...(rum ? [rum] : [])];
  const width = Math.max(20, ...tools.map((t) => t.findings.length + 2));
  const row = (label: string, cells: string[]) => console.log(`${label.padEnd(22)}${cells.map((c) => c.padEnd(width)).join('')}`);
  row('', tools.map((t) => t.name));
  row('cold', tools.map((t) => seconds(t.cold)));
  row('nothing changed', tools.map((t) => seconds(t.warm)));
  row('one file changed', tools.map((t) => seconds(t.changed)));
  row('peak memory (cold)', tools.map((t) => megabytes(t.cold)));
  row('findings', tools.map((t) => t.findings));
  if (!rum) console.log('\nrumdl not installed (npm install the optional @rumdl/cli-linux-x64, or OPSDOCS_RUMDL=<binary>): its column is left out');
  console.log('\ntarget                                        figure   met');
  const target = (name: string, figure: number | undefined, limit: number) =>
    console.log(`${name.padEnd(46)}${figure === undefined ? '—'.padEnd(9) : figure.toFixed(2).padEnd(9)}${figure === undefined ? 'not measured' : figure <= limit ? 'yes' : 'NO'}`);
  target('cold: opsdocs / markdownlint-cli2 ≤ 0.5', ops.cold.seconds / mdl.cold.seconds, 0.5);
  target('cold: opsdocs / rumdl ≤ 3', rum && ops.cold.seconds / rum.cold.seconds, 3);
  target('nothing changed: opsdocs / rumdl ≤ 1', rum?.warm && ops.warm!.seconds / rum.warm.seconds, 1);
  target('one changed / nothing changed (opsdocs) ≤ 1.2', ops.changed!.seconds / ops.warm!.seconds, 1.2);
  target('peak memory: opsdocs / markdownlint-cli2 ≤ 1', ops.cold.peakMb && mdl.cold.peakMb && ops.cold.peakMb / mdl.cold.peakMb, 1);
  console.log(`(ratios: opsdocs cold / markdownlint-cli2 ${ratio(ops.cold.seconds, mdl.cold.seconds)}, / rumdl ${ratio(ops.cold.seconds, rum?.cold.seconds)})`);
}

main();
