/**
 * The size of the .vsix that `npm run package` would make (vsce from node_modules, the files
 * .vscodeignore lets through), with its largest entries, against the 3 MB target.
 * Usage: npm run build && node --import tsx bench/vsix-size.ts
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repo, requireBuild } from './helpers';

const TARGET_MB = 3;

function main(): void {
  requireBuild();
  const vsce = path.join(repo, 'node_modules', '.bin', 'vsce');
  if (!fs.existsSync(vsce)) {
    console.log('vsce not installed (devDependency @vscode/vsce): no .vsix to measure');
    return;
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-vsix-'));
  const vsix = path.join(folder, 'opsdocs.vsix');
  execFileSync(vsce, ['package', '--no-dependencies', '-o', vsix], { cwd: repo, stdio: 'ignore' });
  const bytes = fs.statSync(vsix).size;
  // The zip's central directory: each entry's compressed and uncompressed size and name.
  const listing = execFileSync('unzip', ['-v', vsix], { encoding: 'utf8' });
  const entries = listing
    .split('\n')
    .map((line) => /^\s*(\d+)\s+\S+\s+(\d+)\s+\S+\s+\S+\s+\S+\s+\S+\s+(extension\/.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ size: Number(m[1]), compressed: Number(m[2]), name: m[3].replace(/^extension\//, '') }))
    .sort((a, b) => b.compressed - a.compressed);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  console.log(`opsdocs.vsix: ${mb(bytes)} (${entries.length} files of the extension; target ≤ ${TARGET_MB} MB: ${bytes <= TARGET_MB * 1024 * 1024 ? 'met' : 'NOT met'})`);
  console.log('largest entries, compressed (uncompressed):');
  for (const entry of entries.slice(0, 10)) console.log(`  ${mb(entry.compressed).padStart(9)} (${mb(entry.size)})  ${entry.name}`);
  fs.rmSync(folder, { recursive: true, force: true });
}

main();
