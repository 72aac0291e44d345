/**
 * Nothing fails in silence: where OpsDocs cannot check a document, the document's own report says
 * so, so that a failure never reads as a clean document.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateFile } from '../../server/src/engine/workspace/batch';
import { NOTICE_SKIPPED } from '../../server/src/engine/engine';
import { Scheduler } from '../../server/src/lsp/scheduler';
import { memoryFileSystem, testEngine } from '../helpers/engine';

describe('notices where a check cannot run', () => {
  it('a file that cannot be read gets a notice, not an empty report', async () => {
    const engine = testEngine('/ws', memoryFileSystem({ '/ws/runbooks/here.md': '# Here\n' }));
    const gone = await validateFile(engine, '/ws/runbooks/gone.md');
    assert.deepEqual(gone.findings.map((f) => [f.rule, f.severity, f.message]), [[NOTICE_SKIPPED, 'info', 'Not checked: OpsDocs cannot read this file.']]);
    assert.ok(gone.error, 'the caller can still tell it from a result (the CLI keeps it out of its cache)');
    const here = await validateFile(engine, '/ws/runbooks/here.md');
    assert.ok(!here.findings.some((f) => f.rule === NOTICE_SKIPPED));
  });

  it("the editor's scheduler names the document whose check threw, so that the failure is shown on it", async () => {
    const failures: Array<[string, string]> = [];
    let done!: () => void;
    const reported = new Promise<void>((resolve) => (done = resolve));
    const scheduler = new Scheduler(
      0,
      async (key) => {
        throw new Error(`broke on ${key}`);
      },
      (error, key) => {
        failures.push([String(error), key]);
        done();
      },
    );
    scheduler.schedule('file:///ws/runbooks/a.md');
    await reported;
    assert.deepEqual(failures, [['Error: broke on file:///ws/runbooks/a.md', 'file:///ws/runbooks/a.md']]);
  });
});
