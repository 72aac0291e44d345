/**
 * Documents no editor should choke on: each is diagnosed or declined with a clear notice. The time
 * each takes is printed, not asserted (a loaded machine is no fault of the code; the speed figures
 * are bench/'s): the test's timeout only stops a run that hangs, quadratic work on 50,000 headings.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { memoryFileSystem, testEngine } from '../helpers/engine';
import { assertWellFormed } from './wellFormed';
import { completionsAt } from '../../server/src/engine/authoring/completions';
import { hoverAt } from '../../server/src/engine/authoring/hovers';

const engine = testEngine('/ws', memoryFileSystem({ '/ws/.opsdocs.yaml': 'commands:\n  shellcheck: off\nrules:\n  diagram-plantuml: [error, { local: false }]\n' }));
/** A hang guard, not a speed target: minutes, where a run takes seconds. */
const HANG_GUARD = { timeout: 300_000 };

const CASES: Array<{ name: string; text: () => string; declined?: RegExp }> = [
  { name: '10,000-deep nested list', text: () => '- '.repeat(10_000) + 'deep\n', declined: /nested more than 100 levels/ },
  { name: '10,000-deep blockquote', text: () => '>'.repeat(10_000) + ' deep\n', declined: /nested more than 100 levels/ },
  { name: 'list nested 1,400 levels by indentation', text: () => Array.from({ length: 1400 }, (_, i) => ' '.repeat(2 * i) + '- x\n').join(''), declined: /nested more than 100 levels/ },
  { name: '20 MB file', text: () => '# Export\n\n' + 'lorem ipsum dolor sit amet\n'.repeat(777_000), declined: /20\.\d MB, over the 4 MB/ },
  { name: 'single 5 MB line', text: () => 'word '.repeat(1_048_576), declined: /5\.0 MB, over the 4 MB/ },
  { name: 'single 3 MB line', text: () => 'word '.repeat(629_146) },
  { name: '50,000 headings', text: () => Array.from({ length: 50_000 }, (_, i) => `## Heading ${i}\n`).join('') },
  { name: 'shell block of 100,000 lines', text: () => '# Script\n\n```bash\n' + 'kubectl -n <namespace> get pods\n'.repeat(100_000) + '```\n' },
  { name: 'binary file named .md', text: () => Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919) % 256)).toString('latin1'), declined: /binary/ },
];

describe('pathological documents', () => {
  for (const { name, text, declined } of CASES) {
    it(name, HANG_GUARD, async (t) => {
      const input = text();
      const started = performance.now();
      const result = await engine.validate('/ws/big.md', input);
      t.diagnostic(`${((performance.now() - started) / 1000).toFixed(2)} s for ${(input.length / 1024 / 1024).toFixed(2)} MB`);
      assert.ok(result);
      if (declined) {
        assert.equal(result.findings.length, 1);
        assert.equal(result.findings[0].rule, 'document-skipped');
        assert.equal(result.findings[0].severity, 'info');
        assert.match(result.findings[0].message, declined);
      } else {
        assert.ok(!result.findings.some((f) => f.rule === 'document-skipped'), 'checked, not declined');
        assertWellFormed(input, result.findings);
      }
    });
  }
});

describe('completions and hovers on pathological documents', () => {
  for (const { name, text, declined } of CASES) {
    if (declined) continue;
    it(name, HANG_GUARD, (t) => {
      const input = text();
      const analyzed = engine.analyze('/ws/big.md', input);
      assert.ok(analyzed);
      const context = { ...analyzed, fs: engine.fs, today: engine.today() };
      const lines = analyzed.document.lines.lineCount;
      const started = performance.now();
      for (const line of [0, 1, 2, 3, Math.floor(lines / 2), lines - 2, lines - 1]) {
        for (const character of [0, 1, 3, 20, 1_000_000]) {
          const position = { line: Math.max(0, line), character };
          for (const item of completionsAt(context, position)) assert.ok(item.label);
          hoverAt(context, position);
        }
      }
      t.diagnostic(`${((performance.now() - started) / 1000).toFixed(2)} s for 35 positions`);
    });
  }
});
