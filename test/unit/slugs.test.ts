/**
 * Heading ids as each host makes them, on headings where the hosts differ, and the host found
 * from the files around a document.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/engine/config/config';
import { newSlugger, slugFlavourFor, type SlugFlavour } from '../../server/src/engine/document/slugs';
import { memoryFileSystem } from '../helpers/engine';

const HEADINGS = [
  'Step 1 - Cordon the node',
  'Check DB / Redis',
  'Overview',
  'Overview',
  '2024',
  'Über Straße',
  'check_disk usage',
  'Rotate :key: now',
  '!!!',
];

/** The first id of each heading: the one the host renders. */
function ids(flavour: SlugFlavour): string[] {
  const slug = newSlugger(flavour);
  return HEADINGS.map((heading) => slug(heading)[0]);
}

describe('heading ids by host', () => {
  it('GitHub: github-slugger', () => {
    assert.deepEqual(ids('github'), ['step-1---cordon-the-node', 'check-db--redis', 'overview', 'overview-1', '2024', 'über-straße', 'check_disk-usage', 'rotate-key-now', '']);
  });

  it('GitLab: as GitHub since 17.0, and the squeezed ids of before (digits-only prefixed, emoji shortcodes dropped) also accepted', () => {
    const slug = newSlugger('gitlab');
    const both = HEADINGS.map((heading) => slug(heading));
    assert.deepEqual(both.map((b) => b[0]), ['step-1---cordon-the-node', 'check-db--redis', 'overview', 'overview-1', '2024', 'über-straße', 'check_disk-usage', 'rotate-key-now', '']);
    assert.deepEqual(both.map((b) => b[1]), ['step-1-cordon-the-node', 'check-db-redis', 'overview', 'overview-1', 'anchor-2024', 'über-straße', 'check_disk-usage', 'rotate-now', '']);
  });

  it("MkDocs: Python-Markdown's toc slugify, repeats with _1", () => {
    assert.deepEqual(ids('mkdocs'), ['step-1-cordon-the-node', 'check-db-redis', 'overview', 'overview_1', '2024', 'uber-strae', 'check_disk-usage', 'rotate-key-now', '_1']);
  });

  it("Hugo: goldmark's github ids by default, github-ascii and blackfriday when the site says so", () => {
    assert.deepEqual(ids('hugo'), ['step-1---cordon-the-node', 'check-db--redis', 'overview', 'overview-1', '2024', 'über-straße', 'check_disk-usage', 'rotate-key-now', 'heading']);
    assert.deepEqual(ids('hugo-github-ascii').slice(5, 6), ['uber-strae']);
    assert.deepEqual(ids('hugo-blackfriday'), ['step-1-cordon-the-node', 'check-db-redis', 'overview', 'overview-1', '2024', 'über-straße', 'check-disk-usage', 'rotate-key-now', 'heading']);
  });

  it("with the host unknown, GitHub's ids first and the squeezed form as well", () => {
    const slug = newSlugger('unknown');
    assert.deepEqual(slug('Step 1 - Cordon the node'), ['step-1---cordon-the-node', 'step-1-cordon-the-node']);
    assert.deepEqual(slug('Overview'), ['overview']);
  });
});

describe('the host that renders a collection', () => {
  const root = '/work/site';
  const flavourOf = (files: Record<string, string>, slugs?: 'github' | 'gitlab' | 'mkdocs' | 'hugo') => {
    const config = { ...defaultConfig(root), links: { slugs } };
    return slugFlavourFor(config, `${root}/docs/runbooks/a.md`, memoryFileSystem({ [`${root}/docs/runbooks/a.md`]: '# A\n', ...files }));
  };

  it('is found from mkdocs.yml, a Hugo config, or .gitlab-ci.yml, the nearest site config first', () => {
    assert.equal(flavourOf({}), 'unknown');
    assert.equal(flavourOf({ [`${root}/.gitlab-ci.yml`]: 'stages: []\n' }), 'gitlab');
    assert.equal(flavourOf({ [`${root}/.gitlab-ci.yml`]: '', [`${root}/docs/mkdocs.yml`]: 'site_name: x\n' }), 'mkdocs');
    assert.equal(flavourOf({ [`${root}/mkdocs.yml`]: 'markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify\n' }), 'mkdocs-custom');
    assert.equal(flavourOf({ [`${root}/hugo.toml`]: 'title = "x"\n' }), 'hugo');
    assert.equal(flavourOf({ [`${root}/hugo.yaml`]: 'markup:\n  goldmark:\n    parser:\n      autoHeadingIDType: github-ascii\n' }), 'hugo-github-ascii');
  });

  it('takes config.toml for Hugo only beside a content folder', () => {
    assert.equal(flavourOf({ [`${root}/config.toml`]: 'x = 1\n' }), 'unknown');
    assert.equal(flavourOf({ [`${root}/config.toml`]: 'defaultMarkdownHandler = "blackfriday"\n', [`${root}/content/a.md`]: '# A\n' }), 'hugo-blackfriday');
  });

  it('is what links.slugs says, which keeps the id type a Hugo site sets', () => {
    assert.equal(flavourOf({ [`${root}/.gitlab-ci.yml`]: '' }, 'github'), 'github');
    assert.equal(flavourOf({}, 'mkdocs'), 'mkdocs');
    assert.equal(flavourOf({ [`${root}/hugo.toml`]: 'autoHeadingIDType = "blackfriday"\n' }, 'hugo'), 'hugo-blackfriday');
  });

  it('does not look above the root', () => {
    assert.equal(flavourOf({ '/work/.gitlab-ci.yml': '' }), 'unknown');
  });
});
