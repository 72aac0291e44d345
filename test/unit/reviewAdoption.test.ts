/** Whether a collection states review dates: learnt by reading it once, kept up to date by each document checked. */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../../server/src/engine/engine';
import { diskFileSystem } from '../../server/src/engine/fileSystem';
import { mayStateReviewDate } from '../../server/src/engine/review/review';
import { reviewAdoptionNotice } from '../../server/src/engine/review/adoption';
import { coverageOf } from '../../server/src/engine/workspace/coverage';
import { TODAY } from '../helpers/engine';

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function collection(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-adoption-'));
  made.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const RUNBOOK = '# DiskFull\n\n## Meaning\n\nx\n\n## Impact\n\nx\n\n## Diagnosis\n\nx\n\n## Mitigation\n\nx\n';
const DATED = `---\nlast_reviewed: 2026-11-02\n---\n\n${RUNBOOK}`;

describe('review dates across a collection', () => {
  it('reads whether a text may state a review date without parsing it', () => {
    assert.ok(mayStateReviewDate(DATED));
    assert.ok(mayStateReviewDate('# X\n\n*Last Reviewed for accuracy:* 2019-11-18\n'));
    assert.ok(mayStateReviewDate('# X\n\nReviewed on 18 Nov 2019\n'));
    assert.ok(mayStateReviewDate('| Owner | sre |\n|---|---|\n| Last reviewed | 2019-11-18 |\n'));
    assert.ok(!mayStateReviewDate(RUNBOOK));
    assert.ok(!mayStateReviewDate('# X\n\nReviewed the logs; last updated the dashboard.\n'));
  });

  it('asks every typed document for a date when the config requires them, before any states one', async () => {
    const root = collection({ 'a.md': RUNBOOK, 'b.md': RUNBOOK, '.opsdocs.yaml': 'review:\n  required: true\n' });
    const engine = new Engine({ fs: diskFileSystem, root, today: () => TODAY });
    const missing = async (file: string) => (await engine.validate(path.join(root, file), RUNBOOK))!.findings.filter((f) => f.rule === 'review-missing').length;
    assert.equal(await missing('a.md'), 1);
    assert.equal(await missing('b.md'), 1);
    const { config } = engine.configFor(path.join(root, 'a.md'));
    assert.equal(engine.reviewAdoption.adopted(config), true);
    fs.writeFileSync(path.join(root, '.opsdocs.yaml'), 'review:\n  required: false\n');
    engine.forget();
    assert.equal(await missing('a.md'), 0, 'required: false leaves adoption to the documents');
  });

  it('warns no document of a collection that states no dates, and every undated one once one does', async () => {
    const root = collection({ 'a.md': RUNBOOK, 'b.md': RUNBOOK });
    let changes = 0;
    const engine = new Engine({ fs: diskFileSystem, root, today: () => TODAY, onCollectionChange: () => changes++ });
    const missing = async (file: string, text: string) => (await engine.validate(path.join(root, file), text))!.findings.filter((f) => f.rule === 'review-missing').length;
    assert.equal(await missing('a.md', RUNBOOK), 0);
    assert.equal(await missing('b.md', RUNBOOK), 0);
    // An editor's buffer of b.md now states a date: the collection has adopted them.
    assert.equal(await missing('b.md', DATED), 0);
    assert.equal(changes, 1, 'the front end hears that the collection changed');
    assert.equal(await missing('a.md', RUNBOOK), 1);
    // And the date goes again.
    assert.equal(await missing('b.md', RUNBOOK), 0);
    assert.equal(changes, 2);
    assert.equal(await missing('a.md', RUNBOOK), 0);
  });

  it('gives the collection one notice, on its first undated typed document', async () => {
    const root = collection({ 'README.md': '# Runbooks\n', 'z.md': RUNBOOK, 'm.md': RUNBOOK });
    const engine = new Engine({ fs: diskFileSystem, root, today: () => TODAY });
    const { config } = engine.configFor(path.join(root, 'z.md'));
    const coverage = [];
    for (const name of ['README.md', 'z.md', 'm.md']) {
      const file = path.join(root, name);
      const result = (await engine.validate(file, fs.readFileSync(file, 'utf8')))!;
      coverage.push(coverageOf(file, root, result.document!, result.analysis!, TODAY));
    }
    const notice = reviewAdoptionNotice(config, coverage, engine.reviewAdoption.adopted(config), 'warning');
    assert.equal(notice?.path, path.join(root, 'm.md'));
    assert.equal(notice?.finding.severity, 'info');
    assert.match(notice!.finding.message, /^No document of this collection states a review date yet, so none is asked of its 2 typed documents\. To adopt review dates, run `opsdocs init`/);
    assert.equal(reviewAdoptionNotice(config, coverage, true, 'warning'), undefined, 'none once the collection states dates');
    assert.equal(reviewAdoptionNotice({ ...config, rules: { 'review-missing': { severity: 'off', options: {} } } }, coverage, false, 'warning'), undefined);
  });
});
