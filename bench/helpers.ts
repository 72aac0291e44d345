/**
 * What the benchmarks share: statistics, a whole process timed with its peak memory, a server's
 * memory from /proc, the data sets (copies of a real collection, a large runbook) and where the
 * peer linters are.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const repo = path.join(__dirname, '..');
/** OPSDOCS_CORPORA, or shared/corpora beside the checkout or beside a folder above it (a worktree's). */
export const corpora = process.env.OPSDOCS_CORPORA ?? sharedCorpora(path.dirname(repo));

function sharedCorpora(folder: string): string {
  const here = path.join(folder, 'shared', 'corpora');
  const parent = path.dirname(folder);
  return fs.existsSync(here) || parent === folder ? here : sharedCorpora(parent);
}

export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A process's resident memory now (VmRSS) or at its peak so far (VmHWM), in MB: threads included, child processes not. */
export function rssMegabytes(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) / 1024;
}

const GNU_TIME = '/usr/bin/time';

export interface ProcessRun {
  seconds: number;
  /** Peak resident memory of the process (GNU time's maximum resident set size), when /usr/bin/time is there. */
  peakMb?: number;
  output: string;
}

/** One whole process: wall time, and peak memory through /usr/bin/time when it is installed. */
export function runProcess(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): ProcessRun {
  const measured = fs.existsSync(GNU_TIME);
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-time-')), 'time');
  const [file, argv] = measured ? [GNU_TIME, ['-f', '%M', '-o', report, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd, env: env ?? process.env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error) throw result.error;
  let peakMb: number | undefined;
  if (measured) {
    // The last line: GNU time writes "Command exited with non-zero status 1" first when it did.
    const kilobytes = Number(fs.readFileSync(report, 'utf8').trim().split('\n').pop());
    peakMb = Number.isFinite(kilobytes) ? kilobytes / 1024 : undefined;
    fs.rmSync(path.dirname(report), { recursive: true, force: true });
  }
  return { seconds, peakMb, output: result.stdout + result.stderr };
}

/** Median wall time and median peak memory of `runs` runs; `before` runs ahead of each (clearing a cache, changing a file). */
export function medianRun(runs: number, run: () => ProcessRun, before: (i: number) => void = () => undefined): ProcessRun {
  const results: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    before(i);
    results.push(run());
  }
  const peaks = results.map((r) => r.peakMb).filter((p): p is number => p !== undefined);
  return { seconds: median(results.map((r) => r.seconds)), peakMb: peaks.length > 0 ? median(peaks) : undefined, output: results[results.length - 1].output };
}

/**
 * A data set of real documents: `copies` copies of one collection of ../shared/corpora, each with
 * the collection's bench config as its .opsdocs.yaml (bench/corpora/), as 85 teams' runbooks would be.
 * Made once; an existing folder with as many Markdown files is reused.
 */
export function corpusCopies(target: string, collection: string, copies: number): string {
  const source = path.join(corpora, collection);
  if (!fs.existsSync(source)) throw new Error(`${source} is absent: the corpora are needed for this data set`);
  const perCopy = countMarkdown(source);
  if (fs.existsSync(target) && countMarkdown(target) === perCopy * copies) return target;
  fs.rmSync(target, { recursive: true, force: true });
  const config = path.join(__dirname, 'corpora', `${collection}.opsdocs.yaml`);
  for (let i = 1; i <= copies; i++) {
    const copy = path.join(target, `copy-${String(i).padStart(String(copies).length, '0')}`);
    fs.cpSync(source, copy, { recursive: true });
    if (fs.existsSync(config)) fs.copyFileSync(config, path.join(copy, '.opsdocs.yaml'));
  }
  return target;
}

const COLLECTION = 'prometheus-operator-runbooks';
const COPIES = 85;

/**
 * The data set a benchmark's argument names: a folder; a count, for bench/generate.ts's synthetic
 * set of that many documents; by default 85 copies of the prometheus-operator runbooks in
 * /tmp/b10k (10,115 real documents).
 */
export function dataSet(argument: string | undefined): { folder: string; label: string } {
  if (argument && /^\d+$/.test(argument)) {
    const folder = path.join(__dirname, '.generated', `docs-${argument}`);
    if (!fs.existsSync(folder)) spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'generate.ts'), argument], { stdio: 'inherit' });
    return { folder, label: `bench/generate.ts ${argument}` };
  }
  if (argument) return { folder: path.resolve(argument), label: argument };
  return { folder: corpusCopies(path.join(os.tmpdir(), 'b10k'), COLLECTION, COPIES), label: `${COPIES} copies of ${COLLECTION}` };
}

export function countMarkdown(folder: string): number {
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).length;
}

/** A runbook of `sections` steps, each a heading, a sentence (two lines with `note`) and a bash block of one command: 8 lines a step, 9 with `note`. */
export function largeRunbook(sections: number, note = false): string {
  const parts = ['---', 'type: runbook', 'last_reviewed: 2026-11-01', '---', '', '# Large runbook', ''];
  for (let i = 0; i < sections; i++) {
    const prose = [`Run the step ${i} command and watch the dashboard.`, ...(note ? ['The rollout takes a few minutes; wait for it before the next step.'] : [])];
    parts.push(`## Step ${i}`, '', ...prose, '', '```bash', `kubectl -n payments rollout status deployment/app-${i}`, '```', '');
  }
  return parts.join('\n');
}

export const MARKDOWNLINT_CLI2 = path.join(repo, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

/** rumdl's binary: OPSDOCS_RUMDL, or the one in the optional dependency @rumdl/cli-linux-x64; undefined when neither is there. */
export function rumdlBinary(): string | undefined {
  const candidates = [process.env.OPSDOCS_RUMDL, path.join(repo, 'node_modules', '@rumdl', 'cli-linux-x64', 'rumdl')];
  return candidates.find((file): file is string => file !== undefined && fs.existsSync(file));
}

export function requireBuild(): void {
  if (!fs.existsSync(path.join(repo, 'dist', 'cli.js'))) throw new Error('run `npm run build` first');
}
