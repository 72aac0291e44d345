import assert from 'node:assert/strict';
import { NOTICE_INTERNAL } from '../../server/src/engine/engine';
import { LineIndex } from '../../server/src/engine/document/text';
import type { Finding } from '../../server/src/engine/types';

/** No rule failed, and every range lies inside the text (as the engine sees it: without a byte order mark). */
export function assertWellFormed(text: string, findings: Finding[]): void {
  const lines = new LineIndex(text.replace(/^\uFEFF/, ''));
  for (const finding of findings) {
    assert.notEqual(finding.rule, NOTICE_INTERNAL, finding.message);
    for (const position of [finding.range.start, finding.range.end]) {
      assert.ok(position.line >= 0 && position.line < lines.lineCount, `${finding.rule}: line ${position.line} outside the document`);
      const length = lines.lineEnd(position.line) - lines.lineStart(position.line);
      assert.ok(position.character >= 0 && position.character <= length, `${finding.rule}: character ${position.character} outside line ${position.line} (${length})`);
    }
    const start = lines.offsetAt(finding.range.start);
    const end = lines.offsetAt(finding.range.end);
    assert.ok(start <= end, `${finding.rule}: range ends before it starts`);
  }
}
