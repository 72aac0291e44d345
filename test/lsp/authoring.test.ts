/** Completions and hovers, asked of the built server over a real LSP connection. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, uri } from '../helpers/lspClient';

/** A local calendar date `days` from today, as the server's clock sees it. */
function isoDaysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const FAILOVER = `# Database Failover

## Overview

Promotes the replica.

## Step 2: Promote the Replica

<a name="manual-promotion"></a>
`;

describe('completions and hovers over a real LSP connection', () => {
  let workspace: string;
  let docs: string;
  let client: LspClient;
  let capabilities: Record<string, unknown>;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-authoring-'));
    docs = path.join(workspace, 'docs', 'runbooks');
    fs.mkdirSync(docs, { recursive: true });
    fs.mkdirSync(path.join(docs, 'guides'));
    fs.mkdirSync(path.join(workspace, 'scripts'));
    fs.writeFileSync(path.join(docs, 'failover.md'), FAILOVER);
    fs.writeFileSync(path.join(docs, 'topology.png'), '');
    fs.writeFileSync(path.join(docs, 'guides', 'onboarding.md'), '# Onboarding\n');
    fs.writeFileSync(path.join(workspace, 'scripts', 'deploy.sh'), '#!/bin/sh\n');
    fs.writeFileSync(path.join(workspace, '.opsdocs.yaml'), 'commands:\n  known: [patronictl]\n');
    client = new LspClient();
    capabilities = ((await client.initialize(workspace)) as { capabilities: Record<string, unknown> }).capabilities;
  });

  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  let opened = 0;
  /** Opens a new document whose text has a `|` where the cursor is, and returns the cursor's position. */
  async function openWithCursor(text: string): Promise<{ file: string; position: { line: number; character: number } }> {
    const file = path.join(docs, `doc-${++opened}.md`);
    const at = text.indexOf('|');
    const before = text.slice(0, at).split('\n');
    await client.open(file, text.slice(0, at) + text.slice(at + 1));
    return { file, position: { line: before.length - 1, character: before[before.length - 1].length } };
  }

  async function complete(text: string): Promise<CompletionItem[]> {
    const { file, position } = await openWithCursor(text);
    const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri(file) }, position })) as
      | CompletionItem[]
      | CompletionList;
    return Array.isArray(result) ? result : result.items;
  }

  async function hover(text: string): Promise<string | undefined> {
    const { file, position } = await openWithCursor(text);
    const result = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(file) }, position })) as Hover | null;
    return result ? (result.contents as MarkupContent).value : undefined;
  }

  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  const doc = (item: CompletionItem | undefined) => (item?.documentation as MarkupContent | undefined)?.value ?? '';

  it('declares completions (with trigger characters) and hovers', () => {
    const completion = capabilities.completionProvider as { triggerCharacters: string[] };
    for (const ch of ['#', '/', '(', ':']) assert.ok(completion.triggerCharacters.includes(ch), ch);
    assert.equal(capabilities.hoverProvider, true);
  });

  it('completes the missing required sections of the type on a heading line, in order', async () => {
    const items = await complete('---\ntype: runbook\n---\n# Restart\n\n## Overview\n\nText.\n\n## Procedure\n\nSteps.\n\n## |\n');
    assert.deepEqual(labels(items), ['Prerequisites', 'Verification', 'Rollback', 'Escalation']);
    const rollback = items.find((i) => i.label === 'Rollback')!;
    assert.equal(rollback.detail, 'required by runbook');
    assert.match(doc(rollback), /How to return the system to its previous state/);
    assert.match(doc(rollback), /Section 5 of 6, after \*Verification\*, before \*Escalation\*/);
    assert.equal((rollback.textEdit as TextEdit).newText, 'Rollback');

    const right = await complete('---\ntype: alert-runbook\n---\n# KubePodCrashLooping\n\n##|\n');
    assert.deepEqual(labels(right), ['Meaning', 'Impact', 'Diagnosis', 'Mitigation']);
    assert.equal((right[0].textEdit as TextEdit).newText, ' Meaning', 'right after the hashes the heading needs its blank');

    const entry = await complete('---\ntype: troubleshooting\n---\n# Guide\n\n## Common Issues\n\n### Issue: Disk full\n\n#### Symptoms\n\nFull.\n\n#### |\n');
    assert.deepEqual(labels(entry).slice(0, 2), ['Diagnosis', 'Resolution'], 'inside an entry, its missing parts first');
    assert.equal(entry[0].detail, 'part of the troubleshooting entry "Issue: Disk full"');

    assert.deepEqual(await complete('# Untyped notes\n\n## |\n'), [], 'an untyped document requires no section');
    assert.deepEqual(await complete('---\ntype: runbook\n---\n```bash\n# |\n```\n'), [], 'a comment in a code block is no heading');
  });

  it('completes front matter keys not yet present', async () => {
    const items = await complete('---\ntype: runbook\n|\n---\n# Restart\n');
    assert.deepEqual(labels(items), ['title', 'owner', 'last_reviewed', 'review_cycle', 'tags', 'reviewed_by']);
    const reviewed = items.find((i) => i.label === 'last_reviewed')!;
    assert.equal((reviewed.textEdit as TextEdit).newText, 'last_reviewed: ');
    assert.equal(reviewed.command?.command, 'editor.action.triggerSuggest', 'its value is offered next');

    const drilled = await complete('---\ntype: disaster-recovery\nlast_reviewed: 2026-01-01\nl|\n---\n');
    assert.ok(labels(drilled).includes('last_tested') && labels(drilled).includes('test_cycle'));
    assert.ok(!labels(drilled).includes('last_reviewed'));
  });

  it('completes front matter values: types, cycles, today', async () => {
    const types = await complete('---\ntype: |\n---\n');
    for (const id of ['runbook', 'alert-runbook', 'incident-response', 'troubleshooting', 'disaster-recovery', 'postmortem']) assert.ok(labels(types).includes(id), id);
    assert.match(doc(types.find((i) => i.label === 'alert-runbook')), /Meaning · Impact · Diagnosis · Mitigation/);

    const noBlank = await complete('---\ntype:|\n---\n');
    assert.equal((noBlank[0].textEdit as TextEdit).newText, ' runbook');

    const partial = await complete('---\ntype: alert-r|\n---\n');
    assert.deepEqual((partial[0].textEdit as TextEdit).range, { start: { line: 1, character: 6 }, end: { line: 1, character: 13 } });

    const cycles = await complete('---\nreview_cycle: |\n---\n');
    for (const cycle of ['weekly', 'monthly', 'quarterly', 'yearly', '30d', '2w']) assert.ok(labels(cycles).includes(cycle), cycle);
    assert.equal(cycles.find((i) => i.label === 'quarterly')!.detail, 'every 3 months (the default)');

    assert.deepEqual(labels(await complete('---\nlast_reviewed: |\n---\n')), [isoDaysFromToday(0)]);
    assert.deepEqual(labels(await complete('---\nlast_tested: |\n---\n')), [isoDaysFromToday(0)]);
  });

  it('completes relative paths in a link destination', async () => {
    const here = await complete('# Notes\n\nSee [the failover](|).\n');
    assert.deepEqual(labels(here), ['guides/', 'failover.md', 'topology.png']);
    assert.equal(here[0].command?.command, 'editor.action.triggerSuggest', 'a folder asks for its entries next');

    assert.deepEqual(labels(await complete('# Notes\n\nSee [the guide](guides/|).\n')), ['onboarding.md']);
    const up = await complete('# Notes\n\n![diagram](../../scr|\n');
    assert.deepEqual(labels(up), ['docs/', 'scripts/'], 'the editor filters by what was typed');
    assert.deepEqual((up[1].textEdit as TextEdit).range, { start: { line: 2, character: 17 }, end: { line: 2, character: 20 } });
    assert.deepEqual(await complete('# Notes\n\nSee [site](https://|).\n'), []);
  });

  it('completes anchors of the target document, or of this one', async () => {
    const there = await complete('# Notes\n\nSee [promotion](failover.md#|).\n');
    assert.deepEqual(labels(there), ['database-failover', 'overview', 'step-2-promote-the-replica', 'manual-promotion']);
    assert.equal(there[2].detail, 'heading "Step 2: Promote the Replica" in failover.md');

    const own = await complete('# Notes\n\n## Rollback Plan\n\nSee [below](#ro|).\n');
    assert.deepEqual(labels(own), ['notes', 'rollback-plan']);
    assert.deepEqual(await complete('# Notes\n\nSee [x](missing.md#|).\n'), []);
  });

  it('hovers on a front matter review date: age, due date, cycle', async () => {
    const reviewed = isoDaysFromToday(-10);
    const text = await hover(`---\ntype: runbook\nlast_reviewed: 20|${reviewed.slice(2)}\nreview_cycle: monthly\n---\n# Restart\n`);
    assert.ok(text, 'a hover');
    assert.match(text, /Reviewed 10 days ago/);
    assert.match(text, /Next review due \d{4}-\d{2}-\d{2}, in \d+ days/);
    assert.match(text, /monthly cycle \(every month, from front matter `review_cycle`\)/);
  });

  it('hovers on the last drill of a disaster-recovery plan', async () => {
    const text = await hover(`---\ntype: disaster-recovery\nlast_tested: ${isoDaysFromToday(-30)}|\ntest_cycle: monthly\n---\n# DR\n`);
    assert.match(text ?? '', /Drilled 30 days ago/);
    assert.match(text ?? '', /Cycle: monthly `test_cycle`\./);
  });

  it('hovers on a body "Last Updated" line of an overdue document', async () => {
    const text = await hover(`# Operations Manual\n\n**Last| Updated**: ${isoDaysFromToday(-200)}\n`);
    assert.ok(text);
    assert.match(text, /Reviewed 200 days ago/);
    assert.match(text, /\*\*Overdue\*\* by \d+ days/);
    assert.match(text, /quarterly cycle \(every 3 months, from the config's `review.cycle`\)/);
  });

  it('hovers on a section heading with what the type expects there', async () => {
    const text = await hover('---\ntype: runbook\n---\n# Restart\n\n## Overview\n\nText.\n\n## Emergency Roll|back Procedures\n\nUndo it.\n');
    assert.ok(text);
    assert.match(text, /\*\*Rollback\*\* \(as "Emergency Rollback Procedures"\): required section 5 of 6 of `runbook`/);
    assert.match(text, /How to return the system to its previous state/);
    assert.match(text, /after \*Verification\*, before \*Escalation\*/);

    const extra = await hover('---\ntype: runbook\n---\n# Restart\n\n## Back|ground\n\nText.\n');
    assert.match(extra ?? '', /Not a required section of `runbook`/);
    const title = await hover('---\ntype: alert-runbook\n---\n# Kube|PodCrashLooping\n\n## Meaning\n\nText.\n');
    assert.match(title ?? '', /1 of 4 present; missing: Impact, Diagnosis, Mitigation/);
    assert.equal(await hover('# Un|typed\n\n## Anything\n'), undefined);
  });

  it('hovers on a command word with what command rules know of it', async () => {
    const block = (line: string) => `# Restart\n\n\`\`\`bash\nrestart_all() { echo; }\n${line}\n\`\`\`\n`;
    const kubectl = await hover(block('kube|ctl -n prod rollout restart deploy/api'));
    assert.match(kubectl ?? '', /`kubectl`: a known tool/);
    assert.match(kubectl ?? '', /Subcommands `command-subcommand` knows: .*apply.*rollout/);
    assert.match(kubectl ?? '', /`kubectl rollout`: history, pause, restart, resume, status, undo/);
    assert.match((await hover(block('kubectl roll|out undo deploy/api'))) ?? '', /`kubectl rollout`: a kubectl subcommand; its subcommands: history/);
    assert.match((await hover(block('kubectl rollout un|do deploy/api'))) ?? '', /`kubectl rollout undo`: a kubectl rollout subcommand/);
    assert.match((await hover(block('sudo system|ctl restart nginx'))) ?? '', /`systemctl`: a known tool.* Run through `sudo`/);
    assert.match((await hover(block('c|d /tmp'))) ?? '', /`cd`: a shell builtin/);
    assert.match((await hover(block('restart_a|ll'))) ?? '', /defined in this document's shell blocks/);
    assert.match((await hover(block('patron|ictl list'))) ?? '', /listed in `commands.known`/);
    assert.match((await hover(block('./scripts/dep|loy.sh'))) ?? '', /a script in the workspace \(`scripts\/deploy.sh`\)/);
    assert.match((await hover(block('./scripts/mis|sing.sh'))) ?? '', /a workspace path that does not exist/);
    assert.match((await hover(block('kubctl| get pods'))) ?? '', /unknown: .*`command-unknown`.*did you mean `kubectl`\?/);
    assert.equal(await hover(block('kubectl get po|ds')), undefined, 'an argument is no command');
    // Fig's specs describe subcommands and options.
    assert.match((await hover(block('terraform pl|an -out plan.tfplan'))) ?? '', /`terraform plan`: a terraform subcommand\.\n\n\w+/);
    assert.match((await hover(block('kubectl drain node-1 --ignore-daemon|sets'))) ?? '', /`--ignore-daemonsets`: an option of `kubectl drain`\.\n\n\w+/);
    assert.match((await hover(block('kubectl get pods --namep|sace x'))) ?? '', /`--namepsace`: not an option of `kubectl get` in its spec/);
  });
});
