/** The fence labels OpsDocs ships are Linguist's, as scripts/fence-labels.mjs generates them. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import shipped from '../../server/src/engine/languages/fenceLabels.json';

describe('fence labels', () => {
  it('are the labels of the installed linguist-languages (run node scripts/fence-labels.mjs after updating it)', async () => {
    const { fenceLabels } = (await import('../../scripts/fence-labels.mjs')) as { fenceLabels: () => string[] };
    assert.deepEqual(shipped, fenceLabels());
    for (const label of ['bash', 'sh', 'console', 'yaml', 'json', 'sql', 'gotmpl', 'http', 'ini', 'text']) assert.ok(shipped.includes(label), label);
  });
});
