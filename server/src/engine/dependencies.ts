import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { FileSystem } from './fileSystem';

/**
 * What a document's findings depend on besides its own text: each answer the engine got from
 * the file system while checking it (a link target exists, a target's headings, a script, a
 * folder's entries, the config), so that a cached result can be trusted exactly as long as every
 * answer is still the same. Values are short fingerprints, not contents.
 */
export interface Dependency {
  kind: 'stat' | 'read' | 'list' | 'git-head' | 'glob' | 'adoption';
  /** A path; for `glob`, the folder and the patterns (`folder\0pattern\0…`); for `adoption`, a collection's root. */
  path: string;
  /** The answer's fingerprint; '' for "not there". */
  value: string;
}

const scope = new AsyncLocalStorage<Map<string, Dependency>>();

/** Runs a check with every dependency it meets recorded (nested checks record into their own scope). */
export async function recordingDependencies<T>(check: () => Promise<T>): Promise<{ value: T; dependencies: Dependency[] }> {
  const recorded = new Map<string, Dependency>();
  const value = await scope.run(recorded, check);
  return { value, dependencies: [...recorded.values()] };
}

/** Runs a computation whose reads are nobody's dependency (a fact about many files, noted as one dependency of its own). */
export function unrecorded<T>(compute: () => T): T {
  return scope.exit(compute);
}

/** Notes a dependency in the current check's record, if one is being kept. */
export function noteDependency(dependency: Dependency): void {
  scope.getStore()?.set(keyOf(dependency), dependency);
}

/** Notes dependencies remembered with a cached answer: a cache hit depends on what the miss read. */
export function noteDependencies(dependencies: readonly Dependency[]): void {
  const store = scope.getStore();
  if (store) for (const dependency of dependencies) store.set(keyOf(dependency), dependency);
}

/**
 * Computes a value whose dependencies must follow it into a cache: returns them with it, and notes
 * them in the surrounding record too.
 */
export function withDependencies<T>(compute: () => T): { value: T; dependencies: Dependency[] } {
  const recorded = new Map<string, Dependency>();
  const value = scope.run(recorded, compute);
  const dependencies = [...recorded.values()];
  noteDependencies(dependencies);
  return { value, dependencies };
}

export type Remembered<T> = { value: T; dependencies: Dependency[] };

/** A memo whose hits note the dependencies of the miss that filled it. */
export function remembered<T>(memo: Map<string, Remembered<T>>, key: string, compute: () => T): T {
  const known = memo.get(key);
  if (known) {
    noteDependencies(known.dependencies);
    return known.value;
  }
  const computed = withDependencies(compute);
  memo.set(key, computed);
  return computed.value;
}

export function keyOf(dependency: Pick<Dependency, 'kind' | 'path'>): string {
  return `${dependency.kind}\0${dependency.path}`;
}

export function fingerprint(text: string): string {
  return createHash('sha1').update(text).digest('base64url').slice(0, 16);
}

/** The file system, with each answer noted as a dependency of the check that asked. */
export function recordingFileSystem(base: FileSystem): FileSystem {
  return {
    readFile(path) {
      const text = base.readFile(path);
      noteDependency({ kind: 'read', path, value: text === undefined ? '' : fingerprint(text) });
      return text;
    },
    stat(path) {
      const kind = base.stat(path);
      noteDependency({ kind: 'stat', path, value: kind ?? '' });
      return kind;
    },
    readDirectory(path) {
      const names = base.readDirectory(path);
      noteDependency({ kind: 'list', path, value: names === undefined ? '' : fingerprint([...names].sort().join('\0')) });
      return names;
    },
  };
}

/** How to ask again the questions that are not the file system's. */
export interface Askers {
  gitHead(root: string): string;
  /** Whether a collection (by its root) has adopted review dates: '1' or '0'. */
  adoption(root: string): string;
  glob(folder: string, patterns: string[]): string[];
}

/** The current answer to a dependency's question, as its fingerprint. */
export function currentValue(dependency: Pick<Dependency, 'kind' | 'path'>, files: FileSystem, askers: Askers): string {
  switch (dependency.kind) {
    case 'read': {
      const text = files.readFile(dependency.path);
      return text === undefined ? '' : fingerprint(text);
    }
    case 'stat':
      return files.stat(dependency.path) ?? '';
    case 'list': {
      const names = files.readDirectory(dependency.path);
      return names === undefined ? '' : fingerprint([...names].sort().join('\0'));
    }
    case 'git-head':
      return askers.gitHead(dependency.path);
    case 'adoption':
      return askers.adoption(dependency.path);
    case 'glob': {
      const [folder, ...patterns] = dependency.path.split('\0');
      return globFingerprint(askers.glob(folder, patterns));
    }
  }
}

/** The fingerprint of a glob's matches, as a `glob` dependency records it. */
export function globFingerprint(matches: readonly string[]): string {
  return fingerprint([...matches].sort().join('\0'));
}
