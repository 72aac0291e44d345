/** Every example of the CommonMark spec, alone and inside a typed runbook, with both line-end styles. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tests } from 'commonmark-spec';
import { memoryFileSystem, testEngine } from '../helpers/engine';
import { assertWellFormed } from './wellFormed';

const engine = testEngine('/ws', memoryFileSystem({ '/ws/.opsdocs.yaml': 'commands:\n  shellcheck: off\n' }));
const examples = tests.map((t: { markdown: string; number: number }) => ({ number: t.number, markdown: t.markdown.replace(/→/g, '\t') }));

describe(`CommonMark spec: ${examples.length} examples`, () => {
  it('every example, in three wrappings, validates without an exception and with ranges inside', async () => {
    for (const { number, markdown } of examples) {
      for (const text of [markdown, `---\ntype: runbook\nlast_reviewed: 2026-11-01\n---\n\n# Runbook\n\n${markdown}`, markdown.replace(/\n/g, '\r\n')]) {
        const result = await engine.validate('/ws/spec.md', text);
        assert.ok(result, `example ${number}`);
        assertWellFormed(text, result.findings);
      }
    }
  });
});
