/** Bad input is diagnosed, never thrown: binary, huge, malformed, odd line ends. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DOCUMENT_LENGTH } from '../../server/src/engine/engine';
import { memoryFileSystem, testEngine, validateText } from '../helpers/engine';

const engine = testEngine('/ws', memoryFileSystem({}));

describe('bad input', () => {
  it('declines a binary file with a clear notice', async () => {
    const result = await validateText(engine, '/ws/image.md', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR');
    assert.deepEqual(result.findings.map((f) => [f.rule, f.severity, f.message]), [['document-skipped', 'info', 'Not checked: the file is binary, not Markdown text.']]);
  });

  it('declines a 20 MB document, with its size in the message', async () => {
    const huge = '# Export\n\n' + 'lorem ipsum dolor sit amet '.repeat((20 * 1024 * 1024) / 27);
    const result = await validateText(engine, '/ws/export.md', huge);
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0].message, /^Not checked: the document is 20\.0 MB, over the 4 MB OpsDocs checks\.$/);
    assert.ok(huge.length > MAX_DOCUMENT_LENGTH);
  });

  it('diagnoses front matter that is not YAML instead of throwing', async () => {
    const result = await validateText(engine, '/ws/a.md', '---\n: : :\n\t- [\n---\n# A\n');
    assert.ok(result.findings.some((f) => f.rule === 'frontmatter-invalid'));
  });

  it('reports front matter that is a list, not a mapping', async () => {
    const result = await validateText(engine, '/ws/a.md', '---\n- a\n- b\n---\n# A\n');
    assert.deepEqual(result.findings.filter((f) => f.rule === 'frontmatter-invalid').map((f) => f.message), ['Front matter must be a mapping of keys to values']);
  });

  it('reads CRLF and CR line ends, and a byte order mark, with true positions', async () => {
    for (const eol of ['\r\n', '\r']) {
      const text = ['\uFEFF---', 'type: runbook', 'last_reviewed: 2026-02-30', '---', '', '# A', '', 'TODO here'].join(eol);
      const result = await validateText(engine, '/ws/a.md', text);
      const invalid = result.findings.find((f) => f.rule === 'review-invalid');
      assert.deepEqual(invalid?.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 25 } }, JSON.stringify(eol));
      const todo = result.findings.find((f) => f.rule === 'placeholder');
      assert.deepEqual(todo?.range.start, { line: 7, character: 0 });
    }
  });

  it('inserts with the document line ends', async () => {
    const text = '---\r\ntype: alert-runbook\r\nlast_reviewed: 2026-11-20\r\n---\r\n\r\n# A\r\n\r\n## Meaning\r\n\r\nx\r\n';
    const result = await validateText(engine, '/ws/a.md', text);
    const fix = result.findings.find((f) => f.rule === 'section-missing')!.fixes![0];
    assert.ok(!/[^\r]\n/.test(fix.edits[0].newText), JSON.stringify(fix.edits[0].newText));
  });

  it('survives empty and whitespace-only documents', async () => {
    for (const text of ['', '\n', '   ', '---', '---\n---\n', '#', '```']) {
      const result = await validateText(engine, '/ws/a.md', text);
      assert.ok(Array.isArray(result.findings));
    }
  });
});
