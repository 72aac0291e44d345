/**
 * Validate All through the CLI, side by side with markdownlint-cli2 on the same files, in one run.
 * Usage: node --import tsx bench/cli-vs-markdownlint.ts [count=10000]
 * Prints wall time (median of 3 runs) of each tool on the generated set and on ../shared/corpora.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.join(__dirname, '..');
const count = Number(process.argv[2] ?? 10_000);
const generated = path.join(__dirname, '.generated', `docs-${count}`);
const corpora = path.join(repo, '..', 'shared', 'corpora');

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function time(command: string, args: string[], cwd: string, runs = 3): { seconds: number; output: string } {
  const times: number[] = [];
  let output = '';
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    output = result.stdout + result.stderr;
  }
  return { seconds: median(times), output };
}

function compare(label: string, folder: string, files: number): void {
  const opsdocs = time(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'validate', '.', '--format', 'json'], folder);
  const markdownlint = time(process.execPath, [path.join(repo, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '**/*.md', '#node_modules'], folder);
  const summary = JSON.parse(opsdocs.output.slice(opsdocs.output.indexOf('{'))).summary;
  console.log(
    `${label.padEnd(24)} ${String(files).padStart(6)} files   opsdocs ${opsdocs.seconds.toFixed(2)} s   markdownlint-cli2 ${markdownlint.seconds.toFixed(2)} s   ratio ${(opsdocs.seconds / markdownlint.seconds).toFixed(2)}   (opsdocs: ${summary.errors} errors, ${summary.warnings} warnings)`,
  );
}

function countMarkdown(folder: string): number {
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).length;
}

if (!fs.existsSync(path.join(repo, 'dist', 'cli.js'))) throw new Error('run `npm run build` first');
if (!fs.existsSync(generated)) spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'generate.ts'), String(count)], { stdio: 'inherit' });
console.log('median of 3 runs, wall time, each tool with all its rules (ratio < 1: OpsDocs faster)');
compare(`generated (${count})`, generated, countMarkdown(generated));
if (fs.existsSync(corpora)) compare('shared/corpora', corpora, countMarkdown(corpora));
else console.log('shared/corpora: absent, skipped');
