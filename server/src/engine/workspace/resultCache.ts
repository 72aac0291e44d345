import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentValue, fingerprint, keyOf, type Askers, type Dependency } from '../dependencies';
import type { FileSystem } from '../fileSystem';
import type { Finding } from '../types';
import type { TypeSource } from '../analysis';
import type { DocumentCoverage } from './coverage';

/** Bumped when the file's shape changes; an older file is then ignored as a whole. */
const FORMAT = 1;

/** A document's last result, with the fingerprint of its text and the dependencies it was checked with. */
interface Entry extends CachedResult {
  text: string;
  /** Indexes into CacheFile.dependencies. */
  dependencies: number[];
}

interface CacheFile {
  format: number;
  /** Everything that is the same for every document: OpsDocs' build, today, the machine's checkers. */
  environment: string;
  dependencies: Array<[Dependency['kind'], string, string]>;
  /** By path relative to the cache's base folder. */
  entries: Record<string, Entry>;
}

/** What the CLI reports of a document: its findings, type, and place in the coverage table. */
export interface CachedResult {
  type?: string;
  typeSource?: TypeSource;
  findings: Finding[];
  coverage?: DocumentCoverage;
}

/**
 * The results of earlier runs, for `opsdocs validate --cache`. A result is reused only when the
 * document's text is the same, the environment is the same, and every answer it depended on
 * (engine/dependencies.ts) is still the same: a link target that appeared, a heading renamed in
 * another file, a changed config or rule file, a new commit for review-drift each make it stale.
 */
export class ResultCache {
  private readonly entries: Map<string, Entry>;
  private readonly dependencyTable: Array<[Dependency['kind'], string, string]>;
  /** Answers asked again in this run, once each, by dependency key. */
  private readonly current = new Map<string, string>();
  private readonly stored = new Map<string, CachedResult & { text: string; dependencies: Dependency[] }>();
  /** Why the cache file could not be used, for the run's notice; undefined when it was read or absent. */
  readonly problem: string | undefined;
  /** Whether the file must be written: a result was stored, an entry went, or the file was absent or unusable. */
  private dirty: boolean;

  private constructor(
    private readonly file: string,
    private readonly base: string,
    private readonly environment: string,
    private readonly files: FileSystem,
    private readonly askers: Askers,
    loaded: CacheFile | undefined,
    problem: string | undefined,
  ) {
    const usable = loaded && loaded.format === FORMAT && loaded.environment === environment;
    this.entries = new Map(usable ? Object.entries(loaded.entries) : []);
    this.dependencyTable = usable ? loaded.dependencies : [];
    this.problem = problem;
    this.dirty = !usable;
  }

  static open(folder: string, base: string, environment: string, files: FileSystem, askers: Askers): ResultCache {
    const file = path.join(folder, 'results.json');
    let loaded: CacheFile | undefined;
    let problem: string | undefined;
    try {
      loaded = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      if (typeof loaded !== 'object' || loaded === null || typeof loaded.entries !== 'object' || !Array.isArray(loaded.dependencies)) {
        problem = `${file} is not an OpsDocs cache; every document is checked and the file is rewritten`;
        loaded = undefined;
      }
    } catch (error) {
      // No cache yet is the usual first run; anything else is worth a word.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problem = `cannot read the cache ${file} (${(error as Error).message}); every document is checked`;
    }
    return new ResultCache(file, base, environment, files, askers, loaded, problem);
  }

  /** The remembered result of a document with this text, if it still holds. */
  lookup(document: string, text: string): CachedResult | undefined {
    const entry = this.entries.get(this.keyOf(document));
    if (!entry || entry.text !== fingerprint(text)) return undefined;
    for (const index of entry.dependencies) {
      const [kind, dependencyPath, value] = this.dependencyTable[index] ?? [];
      if (kind === undefined || this.answer({ kind, path: dependencyPath }) !== value) return undefined;
    }
    const { text: fingerprinted, dependencies, ...result } = entry;
    this.stored.set(this.keyOf(document), { ...result, text: fingerprinted, dependencies: dependencies.map((i) => toDependency(this.dependencyTable[i])) });
    return result;
  }

  store(document: string, text: string, result: CachedResult, dependencies: readonly Dependency[]): void {
    const { type, typeSource, findings, coverage } = result;
    this.dirty = true;
    this.stored.set(this.keyOf(document), { text: fingerprint(text), type, typeSource, findings, coverage, dependencies: [...dependencies] });
  }

  /**
   * Writes the results of this run (documents not checked this time keep their entries), into a
   * temporary file renamed over the old one, so that an interrupted run leaves a whole cache.
   * A run that reused every result and lost no document leaves the file as it was.
   */
  save(): void {
    const table: CacheFile['dependencies'] = [];
    const indexes = new Map<string, number>();
    const entries: Record<string, Entry> = {};
    const add = (dependency: Dependency) => {
      const key = `${keyOf(dependency)}\0${dependency.value}`;
      let index = indexes.get(key);
      if (index === undefined) {
        index = table.push([dependency.kind, dependency.path, dependency.value]) - 1;
        indexes.set(key, index);
      }
      return index;
    };
    for (const [key, entry] of this.entries) {
      // A document neither checked this run nor still on disk was deleted: its entry goes.
      if (this.stored.has(key)) continue;
      if (this.files.stat(path.join(this.base, key)) === 'file') entries[key] = { ...entry, dependencies: entry.dependencies.map((i) => add(toDependency(this.dependencyTable[i]))) };
      else this.dirty = true;
    }
    if (!this.dirty) return;
    for (const [key, entry] of this.stored) entries[key] = { ...entry, dependencies: entry.dependencies.map(add) };
    const contents: CacheFile = { format: FORMAT, environment: this.environment, dependencies: table, entries };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeIgnoreFile(path.dirname(this.file));
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(contents));
    fs.renameSync(temporary, this.file);
  }

  /** The cache's folder, as users name it in messages. */
  get location(): string {
    return path.relative(this.base, path.dirname(this.file)) || '.';
  }

  private keyOf(document: string): string {
    return path.relative(this.base, document).split(path.sep).join('/');
  }

  private answer(dependency: Pick<Dependency, 'kind' | 'path'>): string {
    const key = keyOf(dependency);
    let value = this.current.get(key);
    if (value === undefined) {
      value = currentValue(dependency, this.files, this.askers);
      this.current.set(key, value);
    }
    return value;
  }
}

function toDependency([kind, dependencyPath, value]: [Dependency['kind'], string, string]): Dependency {
  return { kind, path: dependencyPath, value };
}

/** The cache folder asks git to ignore it, as pytest's and ruff's caches do, so nobody commits it by mistake. */
function writeIgnoreFile(folder: string): void {
  const ignoreFile = path.join(folder, '.gitignore');
  if (!fs.existsSync(ignoreFile)) fs.writeFileSync(ignoreFile, '# Written by opsdocs: the cache of `opsdocs validate`.\n*\n');
}
