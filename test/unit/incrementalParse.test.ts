/**
 * A document parsed from its previous version (only the blocks an edit touched parsed again) has
 * exactly the tree a full parse gives: edits of every kind that changes block structure (fences
 * opened and closed, setext underlines, table rows, list and quote markers, HTML comments, front
 * matter) at random places in real documents, each parsed from the version before it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument, type OpsDocument } from '../../server/src/engine/document/parse';

const repo = path.join(import.meta.dirname, '..', '..');

function markdownFiles(folder: string): string[] {
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).map((name) => path.join(folder, name));
}

/** Text that changes what blocks are when typed somewhere. */
const TYPED = ['x', ' ', '\n', '\n\n', '```', '```bash\n', '~~~', '---', '===', '# ', '## Title\n', '- ', '1. ', '> ', '| a | b |\n| - | - |\n', '    ', '<!--', '-->', '<div>', '\t', '*', '`', '[link](x.md)', '\r\n', '+++'];

/** A seeded generator, so that a failure repeats. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const choice = next();
  if (choice < 0.6) return text.slice(0, at) + TYPED[Math.floor(next() * TYPED.length)] + text.slice(at);
  if (choice < 0.9) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 12));
  // Cut a line and paste it elsewhere, as a person moving a step does.
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(at, lineEnd < 0 ? text.length : lineEnd + 1);
  const rest = text.slice(0, at) + text.slice(at + line.length);
  const to = Math.floor(next() * (rest.length + 1));
  return rest.slice(0, to) + line + rest.slice(to);
}

/** The tree as plain data, positions included: what every rule reads. */
function shape(document: OpsDocument): string {
  return JSON.stringify({ tree: document.tree, headings: document.headings, frontMatter: document.frontMatter?.data, unclosed: document.unclosedFrontMatter });
}

test('a document parsed from its previous version has the tree of a full parse, through chains of random edits', () => {
  const files = [...markdownFiles(path.join(repo, 'test', 'fixtures')), ...markdownFiles(path.join(repo, 'sample'))];
  assert.ok(files.length > 100, 'the fixtures and the sample are there to edit');
  const next = random(Number(process.env.OPSDOCS_REPARSE_SEED ?? 7));
  const steps = Number(process.env.OPSDOCS_REPARSE_STEPS ?? 12);
  let compared = 0;
  let reused = 0;
  for (const file of files) {
    let previous = parseDocument(file, fs.readFileSync(file, 'utf8'));
    for (let step = 0; step < steps; step++) {
      const text = edit(previous.text, next);
      const incremental = parseDocument(file, text, previous);
      const full = parseDocument(file, text);
      assert.equal(shape(incremental), shape(full), `${path.relative(repo, file)}, edit ${step + 1}:\n${JSON.stringify(previous.text)}\n->\n${JSON.stringify(text)}`);
      compared++;
      if (incremental.tree.children.some((block) => previous.tree.children.includes(block))) reused++;
      previous = incremental;
    }
  }
  assert.ok(compared > 1000);
  // Most edits are reparsed in part: the comparison above is of the incremental path, not of the fallback.
  assert.ok(reused > compared / 3, `${reused} of ${compared} edits reused blocks`);
});

test('typing into one paragraph of a long runbook reuses the blocks it did not touch', () => {
  const steps = Array.from({ length: 200 }, (_, i) => `## Step ${i}\n\nRun step ${i}.\n\n\`\`\`bash\nkubectl get pods -n app-${i}\n\`\`\`\n`);
  const text = `# Runbook\n\n${steps.join('\n')}`;
  const before = parseDocument('/runbook.md', text);
  const at = text.indexOf('Run step 100.') + 'Run step 100'.length;
  const after = parseDocument('/runbook.md', `${text.slice(0, at)} now${text.slice(at)}`, before);
  const reused = after.tree.children.filter((block) => before.tree.children.includes(block)).length;
  // The blocks before the edit are the earlier version's own nodes; those after it are moved copies.
  assert.ok(reused > 250, `reused ${reused} of ${before.tree.children.length} blocks`);
  assert.equal(shape(after), shape(parseDocument('/runbook.md', after.text)));
});

test('a text with link or footnote definitions is parsed whole: a definition anywhere changes links everywhere', () => {
  const before = parseDocument('/a.md', '# A\n\nSee [the guide][g].\n\nText.\n');
  const text = '# A\n\nSee [the guide][g].\n\nText.\n\n[g]: guide.md\n';
  const after = parseDocument('/a.md', text, before);
  assert.equal(shape(after), shape(parseDocument('/a.md', text)));
  assert.ok(!after.tree.children.some((block) => before.tree.children.includes(block)));
});
