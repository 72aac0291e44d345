/**
 * Runs the TextMate grammar tests (test/grammar/*.md, vscode-tmgrammar-test's format) against
 * VS Code's Markdown and YAML grammars, into which package.json injects ours.
 * The Markdown grammar names some thirty embedded languages that no test needs: their
 * "grammar not found" warnings are dropped; everything else is passed through.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
const grammars = ['markdown', 'yaml'].map((name) => require.resolve(`tm-grammars/grammars/${name}.json`));
const cases = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['test/grammar/*.md'];

const run = spawnSync(process.execPath, [cli, '--config', 'package.json', ...grammars.flatMap((g) => ['-g', g]), ...cases], {
  cwd: root,
  encoding: 'utf8',
});
process.stdout.write(run.stdout ?? '');
process.stderr.write((run.stderr ?? '').split('\n').filter((line) => !/^grammar not found for "/.test(line)).join('\n'));
if (run.error) throw run.error;
process.exit(run.status ?? 1);
