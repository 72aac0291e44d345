/**
 * What the example parsers cost: this build side by side with another (a build of the commit
 * before them), in one run, the runs of the two interleaved so that a busy machine slows both.
 * Usage: npm run build && node --import tsx bench/examples-cost.ts <other checkout> [runs=3]
 * (the other checkout built with `npm run build`). Prints medians of wall and CPU time: the CLI on one
 * document without example blocks (start-up), on the generated 10,000 documents (bench/generate.ts:
 * a Deployment manifest in each), and on ../shared/corpora when present; and the bundles' sizes.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median } from './helpers';

const repo = path.join(__dirname, '..');
const other = path.resolve(process.argv[2] ?? '');
const runs = Number(process.argv[3] ?? 3);
if (!process.argv[2] || !fs.existsSync(path.join(other, 'dist', 'cli.js'))) throw new Error('usage: bench/examples-cost.ts <other checkout, built> [runs]');
const generated = path.join(__dirname, '.generated', 'docs-10000');
if (!fs.existsSync(generated)) spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'generate.ts'), '10000'], { stdio: 'inherit' });
const corpora = path.join(repo, '..', 'shared', 'corpora');

const single = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-startup-'));
fs.writeFileSync(path.join(single, 'restart.md'), '# Restart the web service\n\n```bash\nsystemctl restart web\n```\n\nCheck `systemctl status web`.\n');

/** Wall time and CPU time (user + system, the CLI's worker threads included) of one run. */
function seconds(checkout: string, cwd: string, args: string[]): { wall: number; cpu: number } {
  const command = [process.execPath, path.join(checkout, 'dist', 'cli.js'), 'validate', ...args, '--format', 'json', '>/dev/null'].join(' ');
  const started = process.hrtime.bigint();
  // bash's `time` reports the CPU the run used: on a machine other jobs share, steadier than wall time.
  const result = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time (${command})`], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const [user, system] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: user + system };
}

function compare(label: string, cwd: string, args: string[], times: number): void {
  const mine: Array<{ wall: number; cpu: number }> = [];
  const theirs: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < times; i++) {
    theirs.push(seconds(other, cwd, args));
    mine.push(seconds(repo, cwd, args));
  }
  for (const measure of ['wall', 'cpu'] as const) {
    const [before, after] = [theirs.map((t) => t[measure]), mine.map((t) => t[measure])];
    const [a, b] = [median(before), median(after)];
    const spread = (values: number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
    console.log(`${label.padEnd(34)} ${measure.padEnd(4)} before ${a.toFixed(3)} s (${spread(before)})   after ${b.toFixed(3)} s (${spread(after)})   ${(((b - a) / a) * 100).toFixed(1)}%`);
  }
}

function size(checkout: string, files: string[]): number {
  return files.reduce((sum, file) => sum + (fs.existsSync(path.join(checkout, 'dist', file)) ? fs.statSync(path.join(checkout, 'dist', file)).size : 0), 0);
}

console.log(`median of ${runs} interleaved runs, wall time (min–max); before: ${other}`);
compare('start-up: one document, no examples', single, ['restart.md'], Math.max(runs, 9));
compare('generated 10,000 documents', generated, ['.'], runs);
if (fs.existsSync(corpora)) compare('shared/corpora', corpora, ['.'], runs);
else console.log('shared/corpora: absent, skipped');
const front = ['server.js', 'cli.js', 'worker.js'];
const parsers = fs.existsSync(path.join(repo, 'dist', 'parsers')) ? fs.readdirSync(path.join(repo, 'dist', 'parsers')).map((f) => `parsers/${f}`) : [];
console.log(`bundles: server+cli+worker before ${(size(other, front) / 1e6).toFixed(2)} MB, after ${(size(repo, front) / 1e6).toFixed(2)} MB; dist/parsers (loaded on demand) ${(size(repo, parsers) / 1e6).toFixed(2)} MB`);
fs.rmSync(single, { recursive: true, force: true });
