import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import { didYouMean } from '../closest';

export interface SchemaProblem {
  message: string;
  /** Offsets into the YAML (or JSON) source. */
  start: number;
  end: number;
}

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });

export function compileSchema(schema: object): ValidateFunction {
  return ajv.compile(schema);
}

/** Validates a parsed YAML document and places each problem on the node it is about. */
export function schemaProblems(yaml: Document.Parsed, validate: ValidateFunction): SchemaProblem[] {
  if (validate(yaml.toJS())) return [];
  return firstPerPlace(validate.errors ?? []).map((error) => toProblem(yaml, error));
}

/**
 * One problem per value: where `anyOf` branches each failed ("must be one of …",
 * "must be an array"), the first branch speaks; the `anyOf` summary itself is dropped.
 */
function firstPerPlace(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') return false;
    const place = error.keyword === 'additionalProperties' ? `${error.instancePath}/${error.params.additionalProperty}` : error.instancePath;
    if (seen.has(place)) return false;
    seen.add(place);
    return true;
  });
}

function toProblem(yaml: Document.Parsed, error: ErrorObject): SchemaProblem {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  const label = path.length > 0 ? `"${path.join('.')}"` : 'The document';
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
    return { message: `Unknown key "${key}"${didYouMean(key, known)}`, ...keyRange(yaml, path, key) };
  }
  return { message: `${label} ${describe(error)}`, ...valueRange(yaml, path) };
}

function describe(error: ErrorObject): string {
  const schema = error.parentSchema as { patternMessage?: string; enum?: unknown[] } | undefined;
  switch (error.keyword) {
    case 'type':
      return `must be ${article(String(error.params.type))}`;
    case 'enum':
      return `must be one of: ${(schema?.enum ?? []).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'pattern':
      return schema?.patternMessage ?? `must match ${error.params.pattern}`;
    case 'required':
      return `needs the key "${error.params.missingProperty}"`;
    default:
      return error.message ?? 'is not valid';
  }
}

function article(type: string): string {
  const words = type.split(',').map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`));
  return words.join(' or ');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function nodeAt(yaml: Document.Parsed, path: string[]): Node | undefined {
  const node = yaml.getIn(path.map(asKey), true);
  return node as Node | undefined;
}

function asKey(segment: string): string | number {
  return /^\d+$/.test(segment) ? Number(segment) : segment;
}

function valueRange(yaml: Document.Parsed, path: string[]): { start: number; end: number } {
  const node = path.length === 0 ? (yaml.contents as Node | null) : nodeAt(yaml, path);
  // An empty value (`key:` with nothing after it) has no text of its own: point at its key.
  if (node?.range && node.range[1] > node.range[0]) return { start: node.range[0], end: node.range[1] };
  return path.length > 0 ? keyRange(yaml, path.slice(0, -1), path[path.length - 1]) : { start: 0, end: 1 };
}

function keyRange(yaml: Document.Parsed, parentPath: string[], key: string): { start: number; end: number } {
  const parent = parentPath.length === 0 ? yaml.contents : nodeAt(yaml, parentPath);
  if (isMap(parent)) {
    for (const pair of parent.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
        return { start: pair.key.range[0], end: pair.key.range[1] };
      }
    }
    if (parent.range) return { start: parent.range[0], end: parent.range[0] + 1 };
  }
  return { start: 0, end: 1 };
}
