/** review-drift reads git history, so its cases are a real repository made here, with set commit dates. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../../server/src/engine/engine';
import { diskFileSystem } from '../../server/src/engine/fileSystem';
import { TODAY, validateText } from '../helpers/engine';

const DOC = (reviewed: string) => `---
last_reviewed: ${reviewed}
review_cycle: yearly
---

# Fail over the database

Run [the failover script](../scripts/failover.sh), then apply \`config/replica.yaml\`:

\`\`\`bash
./scripts/promote.sh --primary db-2
\`\`\`
`;

describe('review-drift', () => {
  let repo: string;
  const git = (env: Record<string, string>, ...args: string[]) =>
    execFileSync('git', ['-C', repo, ...args], { env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', ...env } });
  const commitOn = (date: string, file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), text);
    git({}, 'add', file);
    git({ GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` }, 'commit', '-q', '-m', `change ${file}`);
  };

  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-drift-'));
    execFileSync('git', ['init', '-q', repo]);
    commitOn('2026-03-01', 'scripts/failover.sh', 'echo one\n');
    commitOn('2026-03-01', 'docs/scripts/promote.sh', 'echo promote\n');
    commitOn('2026-03-01', 'config/replica.yaml', 'a: 1\n');
    commitOn('2026-09-15', 'scripts/failover.sh', 'echo two\n');
  });

  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  const findings = async (reviewed: string, trusted = true) => {
    const engine = new Engine({ fs: diskFileSystem, root: repo, today: () => TODAY, trusted });
    const result = await validateText(engine, path.join(repo, 'docs', 'failover.md'), DOC(reviewed));
    return result.findings.filter((f) => f.rule === 'review-drift');
  };

  it('names a referenced file that changed after the review, with its commit date', async () => {
    const [finding, ...rest] = await findings('2026-06-01');
    assert.equal(rest.length, 0);
    assert.match(finding.message, /^\.\.\/scripts\/failover\.sh changed on 2026-09-15 \(commit [0-9a-f]{7,}\), after this document was last reviewed on 2026-06-01$/);
    assert.equal(finding.severity, 'info');
    assert.deepEqual(finding.range.start, { line: 1, character: 15 });
  });

  it('says nothing when every referenced file is older than the review', async () => {
    assert.deepEqual(await findings('2026-10-01'), []);
  });

  it('reads files named in code blocks, relative to the document or the root', async () => {
    commitOn('2026-10-20', 'config/replica.yaml', 'a: 2\n');
    commitOn('2026-10-21', 'docs/scripts/promote.sh', 'echo promote 2\n');
    const messages = (await findings('2026-10-01')).map((f) => f.message.split(' changed')[0]);
    assert.deepEqual(messages, ['../config/replica.yaml', 'scripts/promote.sh']);
  });

  it('says on the review date when git gives no answer, rather than nothing', async () => {
    // HEAD moves, so no earlier answer is reused; then a git that fails as a corrupt repository does.
    commitOn('2026-10-22', 'notes.txt', 'moved\n');
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-git-'));
    fs.writeFileSync(path.join(bin, 'git'), '#!/bin/sh\necho "fatal: index file corrupt" >&2\nexit 128\n', { mode: 0o755 });
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved}`;
    try {
      const [notice, ...rest] = await findings('2026-10-01');
      assert.equal(rest.length, 0, 'no drift is claimed without an answer');
      assert.equal(notice.severity, 'info');
      assert.equal(notice.message, 'git failed (fatal: index file corrupt): whether ../config/replica.yaml and 2 more referenced files changed after the review is not checked');
      assert.deepEqual(notice.range.start, { line: 1, character: 15 });
    } finally {
      process.env.PATH = saved;
      fs.rmSync(bin, { recursive: true, force: true });
    }
    // The failure is not remembered: with git back, the changes are found.
    assert.equal((await findings('2026-10-01')).length, 2);
  });

  it('runs no git in an untrusted workspace', async () => {
    assert.deepEqual(await findings('2026-06-01', false), []);
  });
});
