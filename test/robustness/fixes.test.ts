/**
 * Every quick fix the engine offers on generated documents is lossless: text outside its
 * edits is unchanged byte for byte, it removes the finding it was offered for, and once
 * applied it is not offered again.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../server/src/engine/edits';
import { LineIndex } from '../../server/src/engine/document/text';
import type { Finding, Fix } from '../../server/src/engine/types';
import { memoryFileSystem, testEngine } from '../helpers/engine';
import { documentArbitrary } from './generators';

const RUNS = Number(process.env.OPSDOCS_FIX_RUNS ?? 300);
const engine = testEngine(
  '/ws',
  memoryFileSystem({
    '/ws/.opsdocs.yaml': 'commands:\n  shellcheck: off\nrules:\n  diagram-plantuml: [error, { local: false }]\ntypes:\n  - id: troubleshooting\n    match: "guides/**"\n',
    '/ws/scripts/run.sh': 'echo\n',
  }),
);

function count(findings: Finding[], of: Finding): number {
  return findings.filter((f) => f.rule === of.rule && f.message === of.message).length;
}

/** The text between and around the edits, in order: what a lossless fix leaves untouched. */
function untouched(text: string, fix: Fix): string[] {
  const lines = new LineIndex(text);
  const spans = fix.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    assert.ok(start >= at, 'edits of one fix do not overlap');
    parts.push(text.slice(at, start));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

async function checkFix(text: string, path: string, finding: Finding, fix: Fix, before: Finding[]): Promise<void> {
  const fixed = applyEdits(text, fix.edits);
  let rest = fixed;
  for (const part of untouched(text, fix)) {
    const at = rest.indexOf(part);
    assert.ok(at >= 0, `"${fix.title}" changed text outside its edits`);
    rest = rest.slice(at + part.length);
  }
  const after = (await engine.validate(path, fixed))!.findings;
  assert.ok(count(after, finding) < count(before, finding), `"${fix.title}" did not remove "${finding.message}"`);
  const again = after.some((f) => f.rule === finding.rule && f.message === finding.message && f.fixes?.some((x) => x.title === fix.title && JSON.stringify(x.edits) === JSON.stringify(fix.edits)));
  assert.ok(!again, `"${fix.title}" is offered again after it was applied`);
}

describe(`quick fixes on ${RUNS} generated documents`, () => {
  it('are lossless, effective and not offered twice', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(documentArbitrary, fc.constantFrom('/ws/runbooks/doc.md', '/ws/guides/doc.md'), async (raw, path) => {
        const text = raw.replace(/^\uFEFF/, '');
        const before = (await engine.validate(path, text))!.findings;
        for (const finding of before) {
          for (const fix of finding.fixes ?? []) {
            await checkFix(text, path, finding, fix, before);
            checked++;
          }
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(checked > RUNS, `only ${checked} fixes were exercised`);
  });
});
