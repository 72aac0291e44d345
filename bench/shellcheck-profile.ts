/**
 * What ShellCheck says on the runbook collections of ../shared/corpora (or $OPSDOCS_CORPORA), per
 * code: with ShellCheck's full advice (`profile: script`) and with the document profile OpsDocs
 * uses by default, side by side, and the notices of blocks ShellCheck could not read.
 * Usage: npm run build && node --import tsx bench/shellcheck-profile.ts
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DOCUMENT_PROFILE } from '../server/src/engine/shell/shellcheckProfile';

const repo = path.join(__dirname, '..');
const corpora = process.env.OPSDOCS_CORPORA ?? path.join(repo, '..', 'shared', 'corpora');

interface Report {
  files: Array<{ path: string; diagnostics: Array<{ rule: string; severity: string; message: string }> }>;
}

/** Counts of `command-shellcheck` findings by code ("notice" for the infos that say a block was not checked). */
function tally(collection: string, profile: 'script' | 'document'): Map<string, number> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-shellcheck-'));
  fs.cpSync(path.join(corpora, collection), copy, { recursive: true });
  const options = profile === 'script' ? ', { profile: script }' : '';
  fs.writeFileSync(path.join(copy, '.opsdocs.yaml'), `rules:\n  command-shellcheck: [warning${options}]\n`);
  const result = spawnSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'validate', '.', '--format', 'json'], { cwd: copy, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  fs.rmSync(copy, { recursive: true, force: true });
  const counts = new Map<string, number>();
  for (const file of (JSON.parse(result.stdout) as Report).files) {
    for (const d of file.diagnostics.filter((x) => x.rule === 'command-shellcheck')) {
      const code = /^SC(\d+):/.exec(d.message)?.[1];
      const key = code ? `SC${code} ${d.severity}` : 'notice';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

if (!fs.existsSync(corpora)) {
  console.log(`${corpora} is absent: nothing to measure`);
  process.exit(0);
}
const collections = fs.readdirSync(corpora).filter((name) => fs.statSync(path.join(corpora, name)).isDirectory());
const totals = { script: new Map<string, number>(), document: new Map<string, number>() };
for (const collection of collections) {
  const script = tally(collection, 'script');
  const document = tally(collection, 'document');
  console.log(`\n${collection}`);
  console.log(`  ${'code'.padEnd(18)} ${'script'.padStart(6)} ${'document'.padStart(8)}`);
  for (const key of [...new Set([...script.keys(), ...document.keys()])].sort()) {
    console.log(`  ${key.padEnd(18)} ${String(script.get(key) ?? 0).padStart(6)} ${String(document.get(key) ?? 0).padStart(8)}`);
    totals.script.set(key, (totals.script.get(key) ?? 0) + (script.get(key) ?? 0));
    totals.document.set(key, (totals.document.get(key) ?? 0) + (document.get(key) ?? 0));
  }
}
console.log('\nall collections');
for (const key of [...totals.script.keys()].sort()) {
  const code = Number(/^SC(\d+)/.exec(key)?.[1]);
  const why = DOCUMENT_PROFILE[code] ?? ([2086, 2046].includes(code) ? 'kept where splitting bites: file names, lines, blanks, tests' : code === 2215 ? 'kept, but not on a pasted `- item` or `---`' : '');
  console.log(`  ${key.padEnd(18)} ${String(totals.script.get(key)).padStart(6)} ${String(totals.document.get(key) ?? 0).padStart(8)}  ${why}`);
}
