/** CHANGELOG.md follows Keep a Changelog 1.1.0 (https://keepachangelog.com/en/1.1.0/) and names this version. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const text = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** "Types of changes" of Keep a Changelog. */
const KINDS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];

describe('CHANGELOG.md', () => {
  const releases = [...text.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((m) => ({ name: m[1], date: m[2] }));

  it('has an Unreleased section first, then releases newest first, each dated', () => {
    assert.equal(releases[0]?.name, 'Unreleased');
    const versions = releases.slice(1);
    assert.ok(versions.length > 0);
    for (const release of versions) {
      assert.match(release.name, /^\d+\.\d+\.\d+$/);
      assert.ok(release.date, `${release.name} has a date`);
    }
    const dates = versions.map((r) => r.date!);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  it('names the version package.json has', () => {
    assert.ok(releases.some((r) => r.name === version), version);
  });

  it('groups changes under Keep a Changelog kinds, and links every section', () => {
    for (const [, kind] of text.matchAll(/^### (.+)$/gm)) assert.ok(KINDS.includes(kind), kind);
    for (const { name } of releases) assert.match(text, new RegExp(`^\\[${name.toLowerCase()}\\]: https://github\\.com/opsdocs/opsdocs/`, 'mi'), name);
    assert.doesNotMatch(text.split('\n').filter((l) => l.startsWith('#')).join('\n'), /^#{4,}/m, 'no deeper headings');
  });
});
