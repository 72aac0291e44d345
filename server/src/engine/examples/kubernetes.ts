/**
 * Kubernetes manifests in yaml blocks, checked against their kind's schema: unknown fields
 * that are a typo of a known one, values of the wrong type, required fields of list entries.
 * Written for documentation: `<placeholders>` and `{{ templates }}` stand for any value, and a
 * block that leaves parts out (`...`) or patches a resource is not accused of what it omits.
 */
import { isMap, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type YAMLMap } from 'yaml';
import { closest } from '../closest';
import type { Span } from './fillIns';
import { prepareYaml, TEMPLATE_DIRECTIVE } from './yaml';
import type { ExampleProblem } from './json';
import type { FieldType, KubernetesSchemas, ObjectType } from './kubernetesSchemas';

export interface ManifestProblem extends ExampleProblem {
  /** The field a misspelt one most likely meant. */
  suggestion?: string;
}

/** Content left out: `...` anywhere (`[...snip...]`, `# ...`). */
const ELLIPSIS = /\.\.\.|…/;
/** A comment that says content was left out (tested on a line's comment only, which keeps it linear). */
const ELISION_WORD = /\b(?:omitted|truncated|snip|other fields|and so on|etc)\b/i;

function isExcerpt(text: string): boolean {
  if (ELLIPSIS.test(text)) return true;
  return text.split('\n').some((line) => {
    const comment = line.indexOf('#');
    return comment >= 0 && ELISION_WORD.test(line.slice(comment));
  });
}
/** More findings than this in one block say the block is something else than it looks. */
const MAX_PROBLEMS = 10;

/** Whether a yaml block names a kind: cheap, before any schema is loaded. */
export function mayHoldManifest(text: string): boolean {
  return /^[ \t]*apiVersion[ \t]*:/m.test(text) && /^[ \t]*kind[ \t]*:/m.test(text);
}

interface Walk {
  types: Record<string, ObjectType>;
  fills: Span[];
  /** The block leaves parts out: required fields are not asked for. */
  excerpt: boolean;
  problems: ManifestProblem[];
}

/** The faults of every manifest of a yaml block whose kind a schema knows. */
export function manifestProblems(text: string, schemas: readonly KubernetesSchemas[]): ManifestProblem[] {
  if (TEMPLATE_DIRECTIVE.test(text)) return [];
  const { masked, fills } = prepareYaml(text);
  const walk: Walk = { types: Object.assign({}, ...schemas.map((s) => s.types)), fills, excerpt: isExcerpt(text), problems: [] };
  for (const document of parseAllDocuments(masked, { uniqueKeys: false })) {
    if (!('errors' in document) || document.errors.length > 0 || !isMap(document.contents)) continue;
    const apiVersion = document.contents.get('apiVersion');
    const kind = document.contents.get('kind');
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue;
    const type = schemas.map((s) => s.kinds[`${apiVersion}/${kind}`]).find(Boolean);
    if (type) checkNode(walk, document.contents, type, { field: kind, listItem: false });
  }
  return walk.problems.slice(0, MAX_PROBLEMS);
}

interface Place {
  /** The field's name, for messages. */
  field: string;
  /** An entry of a list: a whole object, whose required fields are asked for. */
  listItem: boolean;
}

function checkNode(walk: Walk, node: unknown, type: FieldType, place: Place): void {
  if (type === 'a' || node === null || node === undefined || !isNodeLike(node) || standsForAnyValue(walk, node)) return;
  if (type.startsWith('[')) {
    if (!isSeq(node)) return wrongType(walk, node, place, 'a list');
    for (const item of node.items) checkNode(walk, item, type.slice(1, -1), { field: place.field, listItem: true });
    return;
  }
  if (type.startsWith('{')) {
    if (!isMap(node)) return wrongType(walk, node, place, 'a map');
    for (const pair of node.items) checkNode(walk, pair.value, type.slice(1, -1), { field: keyOf(pair) ?? place.field, listItem: false });
    return;
  }
  if (type === 's' || type === 'n' || type === 'b' || type === 'is') return checkScalar(walk, node, type, place);
  const object = walk.types[type];
  if (!object) return;
  if (!isMap(node)) return wrongType(walk, node, place, 'an object (fields under it)');
  checkObject(walk, node, object, typeName(type), place);
}

function checkObject(walk: Walk, node: YAMLMap, object: ObjectType, name: string, place: Place): void {
  const present = new Set<string>();
  const meant = new Set<string>();
  for (const pair of node.items) {
    const field = keyOf(pair);
    if (field === undefined) continue;
    present.add(field);
    if (field in object.p) {
      checkNode(walk, pair.value, object.p[field], { field, listItem: false });
      continue;
    }
    // Merge keys (`<<`), patch directives (`$patch`) and fill-ins are no fields.
    if (object.open || field === '<<' || field.startsWith('$') || standsForAnyValue(walk, pair.key as Node)) continue;
    // A field the schema does not know may be newer than the schema: only a near-miss of a known field is reported.
    const suggestion = closest(field, Object.keys(object.p).filter((known) => !node.has(known)));
    if (!suggestion || suggestion === field) continue;
    meant.add(suggestion);
    const [start, end] = (pair.key as Node).range!;
    walk.problems.push({ message: `Kubernetes: unknown field \`${field}\` in ${name}; did you mean \`${suggestion}\`?`, start, end, suggestion });
  }
  if (!place.listItem || walk.excerpt) return;
  const missing = (object.r ?? []).filter((field) => !present.has(field) && !meant.has(field));
  const firstKey = node.items[0]?.key as Node | undefined;
  if (missing.length === 0 || !firstKey?.range) return;
  const fields = missing.map((field) => `\`${field}\``).join(', ');
  walk.problems.push({ message: `Kubernetes: this ${name} lacks the required field${missing.length > 1 ? 's' : ''} ${fields}`, start: firstKey.range[0], end: firstKey.range[1] });
}

const TYPE_WORDS: Record<string, string> = { s: 'a string', n: 'a number', b: 'true or false', is: 'a number or a string' };

function checkScalar(walk: Walk, node: Node, type: string, place: Place): void {
  if (!isScalar(node)) return wrongType(walk, node, place, TYPE_WORDS[type]);
  const value = node.value;
  const fits = type === 's' ? typeof value === 'string' : type === 'n' ? typeof value === 'number' : type === 'b' ? typeof value === 'boolean' : typeof value !== 'boolean';
  if (fits) return;
  const shown = typeof value === 'string' ? `the string "${value}"` : String(value);
  const quoteHint = type === 's' ? ': quote it' : '';
  const [start, end] = node.range!;
  walk.problems.push({ message: `Kubernetes: \`${place.field}\` must be ${TYPE_WORDS[type]}, not ${shown}${quoteHint}`, start, end });
}

function wrongType(walk: Walk, node: Node, place: Place, expected: string): void {
  if (!node.range) return;
  const actual = isMap(node) ? 'fields' : isSeq(node) ? 'a list' : isScalar(node) && typeof node.value === 'string' ? `the string "${node.value}"` : `${isScalar(node) ? String(node.value) : 'this'}`;
  const [start, end] = isScalar(node) ? node.range : [node.range[0], Math.min(node.range[1], node.range[0] + 1)];
  walk.problems.push({ message: `Kubernetes: \`${place.field}\` must be ${expected}, not ${actual}`, start, end });
}

/** A value written as a fill-in, an elision or an alias: any value may stand there. */
function standsForAnyValue(walk: Walk, node: Node): boolean {
  if (!node.range) return true;
  const [start, end] = node.range;
  if (walk.fills.some((span) => start < span.end && end > span.start)) return true;
  // A null value leaves the field unset, which the API server accepts.
  if (isScalar(node)) return node.value === null || isElision(node.value);
  if (isSeq(node)) return node.items.some((item) => isScalar(item) && isElision(item.value));
  return !isMap(node);
}

function isElision(value: unknown): boolean {
  return typeof value === 'string' && /\.\.\.|…/.test(value);
}

function isNodeLike(node: unknown): node is Node {
  return typeof node === 'object' && node !== null && 'range' in node;
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === 'string' && pair.key.range ? pair.key.value : undefined;
}

/** `apps/v1.DeploymentSpec` → `DeploymentSpec`; a CRD's `group/v1.Kind.spec.x` → `Kind.spec.x`. */
function typeName(type: string): string {
  return type.slice(type.indexOf('.', type.lastIndexOf('/')) + 1);
}
