/**
 * engine/document/visit.ts walks a tree as unist-util-visit does (which the rules used before):
 * the same nodes in the same order with the same index and parent, with and without a type test,
 * and the same effect of SKIP and EXIT, on the repository's own Markdown (README, fixtures).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Nodes } from 'mdast';
import { visit as reference, SKIP as REFERENCE_SKIP, EXIT as REFERENCE_EXIT } from 'unist-util-visit';
import { parseDocument } from '../../server/src/engine/document/parse';
import { EXIT, SKIP, visit } from '../../server/src/engine/document/visit';

const ROOT = path.join(__dirname, '..', '..');

function markdownFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(folder, f));
}

const files = [path.join(ROOT, 'README.md'), ...markdownFiles(path.join(ROOT, 'test', 'fixtures'))];
const trees = files.map((file) => parseDocument(file, fs.readFileSync(file, 'utf8')).tree as Nodes);

type Seen = Array<[Nodes, number | undefined, unknown]>;

describe('visit', () => {
  it('sees every node in preorder with its index and parent, as unist-util-visit does', () => {
    assert.ok(trees.length > 50);
    for (const tree of trees) {
      const ours: Seen = [];
      const theirs: Seen = [];
      visit(tree, (node, index, parent) => void ours.push([node, index, parent]));
      reference(tree, (node, index, parent) => void theirs.push([node, index, parent]));
      assert.equal(ours.length, theirs.length);
      for (let i = 0; i < ours.length; i++) for (let j = 0; j < 3; j++) assert.equal(ours[i][j], theirs[i][j]);
    }
  });

  it('sees only the types asked for, one or several', () => {
    for (const tree of trees) {
      for (const test of ['code', ['heading', 'html'], ['link', 'image', 'definition']] as const) {
        const ours: Nodes[] = [];
        const theirs: Nodes[] = [];
        visit(tree, test as never, (node: Nodes) => void ours.push(node));
        reference(tree, test as never, (node: Nodes) => void theirs.push(node));
        assert.deepEqual(ours, theirs);
      }
    }
  });

  it('leaves out the children of a node it was told to SKIP, and stops at EXIT or false', () => {
    for (const tree of trees) {
      const skipLists = (into: Nodes[], skip: unknown) => (node: Nodes) => {
        into.push(node);
        return node.type === 'list' || node.type === 'blockquote' ? skip : undefined;
      };
      const ours: Nodes[] = [];
      const theirs: Nodes[] = [];
      visit(tree, skipLists(ours, SKIP) as never);
      reference(tree, skipLists(theirs, REFERENCE_SKIP) as never);
      assert.deepEqual(ours, theirs);
      for (const [exit, referenceExit] of [
        [EXIT, REFERENCE_EXIT],
        [false, false],
      ]) {
        const stopAtCode = (into: Nodes[], stop: unknown) => (node: Nodes) => {
          into.push(node);
          return node.type === 'code' ? stop : undefined;
        };
        const oursUntil: Nodes[] = [];
        const theirsUntil: Nodes[] = [];
        visit(tree, stopAtCode(oursUntil, exit) as never);
        reference(tree, stopAtCode(theirsUntil, referenceExit) as never);
        assert.deepEqual(oursUntil, theirsUntil);
      }
    }
  });
});
