/**
 * The parsers of example languages, each built as its own bundle (dist/parsers/<name>.js) and
 * loaded on the first block that needs it: a document without such blocks never pays for one,
 * and the language server starts without any of them.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Dockerfile from './parsers/dockerfile';
import type * as Kubernetes from './parsers/kubernetes';
import type * as Promql from './parsers/promql';
import type * as Python from './parsers/python';
import type * as Ruby from './parsers/ruby';
import type * as Sql from './parsers/sql';
import type * as Toml from './parsers/toml';

interface Parsers {
  dockerfile: typeof Dockerfile;
  kubernetes: typeof Kubernetes;
  promql: typeof Promql;
  python: typeof Python;
  ruby: typeof Ruby;
  sql: typeof Sql;
  toml: typeof Toml;
}

const loaded = new Map<keyof Parsers, Promise<unknown>>();

/** One parser module, loaded once. Bundled front ends load dist/parsers/<name>.js; run from source (tests), the module itself. */
export function loadParser<Name extends keyof Parsers>(name: Name): Promise<Parsers[Name]> {
  let module = loaded.get(name);
  if (!module) {
    module = load(name);
    // A failed load (a missing bundle) is retried on the next block rather than remembered.
    module.catch(() => loaded.delete(name));
    loaded.set(name, module);
  }
  return module as Promise<Parsers[Name]>;
}

/** Whether a parser was loaded already (for the start-up tests and benchmarks). */
export function isParserLoaded(name: keyof Parsers): boolean {
  return loaded.has(name);
}

async function load(name: keyof Parsers): Promise<unknown> {
  // A specifier the bundler cannot follow: the parsers must stay out of the front ends' bundles.
  const specifier = __filename.endsWith('.ts') ? `./parsers/${name}` : pathToFileURL(path.join(__dirname, 'parsers', `${name}.js`)).href;
  const module = (await import(specifier)) as Record<string, unknown> & { default?: unknown };
  // A CommonJS bundle imported from ESM exposes its exports as `default` (and, when detected, by name).
  return module.default && typeof module.default === 'object' ? { ...(module.default as object), ...module } : module;
}
