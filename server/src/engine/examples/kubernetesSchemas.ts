/**
 * Kubernetes schemas in the compact form example-kubernetes walks: the built-in kinds
 * (data/kubernetes.json) and the kinds of a workspace's CustomResourceDefinitions.
 */
import { globSync } from 'tinyglobby';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ALWAYS_IGNORED, type OpsDocsConfig } from '../config/config';
import type { FileSystem } from '../fileSystem';

/**
 * A field's type: `s` string, `n` number, `b` boolean, `is` number or string, `a` anything,
 * a type name, `[type]` a list, `{type}` a map with string keys.
 */
export type FieldType = string;

export interface ObjectType {
  /** Fields and their types. */
  p: Record<string, FieldType>;
  /** Required fields. */
  r?: string[];
  /** Other fields are allowed (x-kubernetes-preserve-unknown-fields). */
  open?: boolean;
}

export interface KubernetesSchemas {
  /** `apps/v1/Deployment` → the kind's type name. */
  kinds: Record<string, string>;
  types: Record<string, ObjectType>;
}

/** An OpenAPI v3 schema as CRDs write it: the parts that say what a manifest may hold. */
interface OpenApiSchema {
  type?: string;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  additionalProperties?: OpenApiSchema | boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
}

const read = new WeakMap<OpsDocsConfig, { at: number; schemas: KubernetesSchemas }>();
const FRESH_MS = 5_000;

/** The kinds of the CRD files the config's `examples.kubernetes.crds` globs name, re-read after a few seconds. */
export function crdSchemas(config: OpsDocsConfig, fs: FileSystem): KubernetesSchemas {
  const globs = config.examples.kubernetes.crds;
  if (globs.length === 0) return { kinds: {}, types: {} };
  const cached = read.get(config);
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.schemas;
  const schemas: KubernetesSchemas = { kinds: {}, types: {} };
  const files = globSync(globs, { cwd: config.root, absolute: true, ignore: ALWAYS_IGNORED, onlyFiles: true }).map((f) => path.resolve(f));
  for (const file of files) addCrds(schemas, fs.readFile(file) ?? '');
  read.set(config, { at: Date.now(), schemas });
  return schemas;
}

/** Every version of every CustomResourceDefinition of a YAML file (a broken document is skipped). */
export function addCrds(schemas: KubernetesSchemas, text: string): void {
  for (const document of parseAllDocuments(text)) {
    if (!('errors' in document) || document.errors.length > 0) continue;
    const crd = document.toJS() as { kind?: string; spec?: { group?: string; names?: { kind?: string }; versions?: Array<{ name?: string; schema?: { openAPIV3Schema?: OpenApiSchema } }> } } | null;
    if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec?.group || !crd.spec.names?.kind) continue;
    for (const version of crd.spec.versions ?? []) {
      const schema = version.schema?.openAPIV3Schema;
      if (!version.name || !schema) continue;
      const name = `${crd.spec.group}/${version.name}.${crd.spec.names.kind}`;
      schemas.kinds[`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`] = name;
      const type = typeOfSchema(schemas, schema, name);
      // apiVersion, kind and metadata are every object's, whether or not the CRD's schema lists them.
      if (schemas.types[name]) schemas.types[name].p = { apiVersion: 's', kind: 's', metadata: 'meta/v1.ObjectMeta', ...schemas.types[name].p };
      else if (type !== name) schemas.kinds[`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`] = type;
    }
  }
}

function typeOfSchema(schemas: KubernetesSchemas, schema: OpenApiSchema, name: string): FieldType {
  if (schema['x-kubernetes-int-or-string']) return 'is';
  if (schema['x-kubernetes-preserve-unknown-fields'] && !schema.properties) return 'a';
  switch (schema.type) {
    case 'string':
      return 's';
    case 'integer':
    case 'number':
      return 'n';
    case 'boolean':
      return 'b';
    case 'array':
      return schema.items ? `[${typeOfSchema(schemas, schema.items, `${name}[]`)}]` : '[a]';
    case 'object': {
      if (!schema.properties) {
        const values = schema.additionalProperties;
        return values && typeof values === 'object' ? `{${typeOfSchema(schemas, values, `${name}{}`)}}` : 'a';
      }
      const fields: Record<string, FieldType> = {};
      for (const [field, property] of Object.entries(schema.properties)) fields[field] = typeOfSchema(schemas, property, `${name}.${field}`);
      schemas.types[name] = { p: fields, ...(schema.required ? { r: schema.required } : {}), ...(schema['x-kubernetes-preserve-unknown-fields'] ? { open: true } : {}) };
      return name;
    }
    default:
      return 'a';
  }
}
