/** Every diagnostic's code links to the README section of its rule, as GitHub anchors that section. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { visit } from 'unist-util-visit';
import type { Heading } from 'mdast';
import { NOTICE_INTERNAL, NOTICE_SKIPPED } from '../../server/src/engine/engine';
import { REPOSITORY_URL, ruleDocumentationUrl } from '../../server/src/engine/ruleDocs';
import { RULE_IDS } from '../../server/src/rules';

const ROOT = path.join(__dirname, '..', '..');

/** The anchors GitHub gives the README's headings (github-slugger is GitHub's algorithm, duplicates numbered). */
function readmeAnchors(): Set<string> {
  const tree = unified().use(remarkParse).parse(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(tree, 'heading', (heading: Heading) => void anchors.add(slugger.slug(toString(heading))));
  return anchors;
}

describe('rule documentation links', () => {
  it('point at the repository package.json names', () => {
    const { repository } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
    assert.equal(`${REPOSITORY_URL}.git`, repository.url);
  });

  it('name a heading of the README for every rule, notice and config problem', () => {
    const anchors = readmeAnchors();
    for (const id of [...RULE_IDS, NOTICE_SKIPPED, NOTICE_INTERNAL, 'config']) {
      const url = ruleDocumentationUrl(id);
      assert.ok(url?.startsWith(`${REPOSITORY_URL}#`), id);
      assert.ok(anchors.has(url!.slice(REPOSITORY_URL.length + 1)), `${id}: ${url}`);
    }
    assert.equal(ruleDocumentationUrl('section-missing'), 'https://github.com/opsdocs/opsdocs#section-missing-error');
  });
});
