/**
 * The engine over generated documents: no exception, no rule failure, every range inside
 * the document. OPSDOCS_FUZZ_RUNS sets the number of documents (CI runs 100,000).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { memoryFileSystem, testEngine } from '../helpers/engine';
import { documentArbitrary, invalidUtf8Arbitrary } from './generators';
import { assertWellFormed } from './wellFormed';

const RUNS = Number(process.env.OPSDOCS_FUZZ_RUNS ?? 1000);
const files = {
  '/ws/.opsdocs.yaml': 'commands:\n  shellcheck: off\nrules:\n  diagram-plantuml: [error, { local: false }]\ntypes:\n  - id: runbook\n    match: "runbooks/**"\n',
  '/ws/runbooks/a.md': '# A\n\n## Rollback\n',
  '/ws/scripts/run.sh': 'echo\n',
};
const engine = testEngine('/ws', memoryFileSystem(files));

describe(`engine over ${RUNS} generated documents`, () => {
  it('raises nothing and keeps every range inside the document', async () => {
    await fc.assert(
      fc.asyncProperty(documentArbitrary, fc.constantFrom('/ws/runbooks/doc.md', '/ws/notes/doc.md'), async (text, path) => {
        const result = await engine.validate(path, text);
        assert.ok(result);
        assertWellFormed(text, result.findings);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads invalid UTF-8 like any other text', async () => {
    await fc.assert(
      fc.asyncProperty(invalidUtf8Arbitrary, async (text) => {
        const result = await engine.validate('/ws/runbooks/bytes.md', text);
        assertWellFormed(text, result!.findings);
      }),
      { numRuns: Math.min(RUNS, 2000) },
    );
  });
});
