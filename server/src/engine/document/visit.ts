/**
 * A preorder walk of an mdast tree, as unist-util-visit's `visit` walks it (the visitor sees a node
 * before its children; `SKIP` leaves out the children of the node just seen, `EXIT` or `false`
 * ends the walk) without its cost: it made a closure and a copy of the ancestor list for every
 * node, and the rules walk each tree several times.
 */
import type { Nodes, Parents } from 'mdast';

export const SKIP = 'skip';
export const EXIT = false;
export type Action = typeof SKIP | typeof EXIT | void | undefined | true;
export type Visitor<N> = (node: N, index: number | undefined, parent: Parents | undefined) => Action;

type Typed<T extends Nodes['type']> = Extract<Nodes, { type: T }>;

export function visit(tree: Nodes, visitor: Visitor<Nodes>): void;
export function visit<T extends Nodes['type']>(tree: Nodes, test: T | readonly T[], visitor: Visitor<Typed<T>>): void;
export function visit(tree: Nodes, testOrVisitor: string | readonly string[] | Visitor<Nodes>, maybeVisitor?: Visitor<Nodes>): void {
  const visitor = typeof testOrVisitor === 'function' ? testOrVisitor : maybeVisitor!;
  const test = typeof testOrVisitor === 'function' ? undefined : testOrVisitor;
  const matches = test === undefined ? () => true : typeof test === 'string' ? (node: Nodes) => node.type === test : (node: Nodes) => test.includes(node.type);
  walk(tree, undefined, undefined, matches, visitor);
}

/** Returns false when the walk is to end. */
function walk(node: Nodes, index: number | undefined, parent: Parents | undefined, matches: (node: Nodes) => boolean, visitor: Visitor<Nodes>): boolean {
  if (matches(node)) {
    const action = visitor(node, index, parent);
    if (action === EXIT) return false;
    if (action === SKIP) return true;
  }
  if ('children' in node) {
    const children = node.children as Nodes[];
    for (let i = 0; i < children.length; i++) if (!walk(children[i], i, node, matches, visitor)) return false;
  }
  return true;
}
