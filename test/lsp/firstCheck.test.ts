/**
 * A document's first check shows what the in-process rules found at once, and ShellCheck's findings
 * when ShellCheck has answered; later checks of the document publish once, all together.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, uri } from '../helpers/lspClient';

const hasShellCheck = (() => {
  try {
    execFileSync('shellcheck', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A placeholder (an in-process rule's finding) and an array expanded without an index (ShellCheck's SC2128). */
const RUNBOOK = ['# Restart', '', 'TODO: say when.', '', '```bash', 'hosts=(web1 web2 web3)', 'for h in $hosts; do ssh "$h" sudo systemctl restart nginx; done', '```', ''].join('\n');

describe('the first check of a document', { skip: !hasShellCheck && 'shellcheck is not installed' }, () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-first-'));
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const codesOf = (file: string, version: number) =>
    client.published.filter((p) => p.uri === uri(file) && p.version === version).map((p) => p.diagnostics.map((d) => String(d.code)).sort());

  it('publishes the in-process findings first, then ShellCheck’s with them', async () => {
    const file = path.join(root, 'restart.md');
    await client.open(file, RUNBOOK);
    await client.diagnostics(file, (p) => p.diagnostics.some((d) => d.code === 'command-shellcheck'));
    const [first, all] = codesOf(file, 1);
    assert.ok(first.includes('placeholder') && !first.includes('command-shellcheck'), `first: ${first}`);
    assert.ok(all.includes('placeholder') && all.includes('command-shellcheck'), `all: ${all}`);
  });

  it('publishes a later version once, ShellCheck’s findings included', async () => {
    const file = path.join(root, 'restart.md');
    const version = await client.change(file, RUNBOOK.replace('say when', 'say when it helps'));
    await client.diagnostics(file, (p) => p.version === version);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const publications = codesOf(file, version);
    assert.equal(publications.length, 1);
    assert.ok(publications[0].includes('command-shellcheck'), `${publications[0]}`);
  });
});
