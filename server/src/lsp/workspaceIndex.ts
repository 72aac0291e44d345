import * as fs from 'node:fs';
import * as path from 'node:path';
import { ValidationPool, type FileResult } from '../engine/workspace/batch';
import { summarizeCoverage, type CoverageReport, type DocumentCoverage } from '../engine/workspace/coverage';
import { discoverDocuments } from '../engine/workspace/discover';
import { DocsSearch } from '../engine/workspace/search';
import type { Engine } from '../engine/engine';

/**
 * Worker threads stop after this long without work (each holds an engine and its heap: at 10,000
 * documents the server keeps 600 MB with them, 300 MB without) and start again when needed.
 * OPSDOCS_WORKERS_IDLE_MS overrides it (tests).
 */
const WORKERS_IDLE_MS = Number(process.env.OPSDOCS_WORKERS_IDLE_MS ?? 60_000);

interface Entry {
  /** What the result was computed from: a disk stamp, or the version of an open editor. */
  stamp: string;
  result: FileResult;
}

/**
 * Every document of the workspace with its latest result. Unchanged files keep their
 * result; changed or new ones are validated by a pool of worker threads.
 */
export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  /** Full-text search over the same documents, kept in step with `entries`. */
  readonly search = new DocsSearch();
  private pool: ValidationPool | undefined;
  /** Runs on the pool not yet finished, and the timer that stops it once there are none. */
  private inUse = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly engine: () => Engine,
    private readonly roots: () => string[],
    private readonly workerScript: string,
  ) {}

  /** The documents the configs of the workspace folders name. */
  documents(): string[] {
    const files = new Set<string>();
    for (const root of this.roots()) {
      const { config } = this.engine().configs.resolveFolder(root);
      const scoped = config.file ? config : { ...config, root };
      for (const file of discoverDocuments(scoped, root)) files.add(file);
    }
    return [...files].sort();
  }

  /**
   * Brings every document's result up to date: open documents through `validateOpen`,
   * the others from disk in the worker pool. Returns the results and how many were reused.
   */
  async refresh(
    validateOpen: (file: string) => Promise<{ stamp: string; result: FileResult } | undefined>,
    onProgress: (done: number, total: number) => void,
    isCancelled: () => boolean,
  ): Promise<{ results: FileResult[]; reused: number; cancelled: boolean }> {
    const files = this.documents();
    const stale: string[] = [];
    let reused = 0;
    let done = 0;
    for (const file of files) {
      const open = await validateOpen(file);
      if (open) {
        this.put(file, open);
        done++;
      } else if (this.entries.get(file)?.stamp === diskStamp(file)) {
        reused++;
        done++;
      } else {
        stale.push(file);
      }
    }
    this.forgetAllBut(new Set(files));
    onProgress(done, files.length);
    if (stale.length > 0) {
      const onResult = (result: FileResult) => {
        this.put(result.path, { stamp: diskStamp(result.path) ?? '', result });
        onProgress(++done, files.length);
      };
      await this.withWorkers((pool) => pool.run(stale, onResult, isCancelled));
    }
    return { results: files.map((f) => this.entries.get(f)?.result).filter((r): r is FileResult => !!r), reused, cancelled: isCancelled() };
  }

  /** Re-validates files that changed on disk (when they are not open). */
  async refreshFiles(files: string[]): Promise<FileResult[]> {
    const existing = files.filter((f) => diskStamp(f) !== undefined);
    for (const gone of files.filter((f) => !existing.includes(f))) this.forget(gone);
    const results: FileResult[] = [];
    await this.withWorkers((pool) =>
      pool.run(existing, (result) => {
        this.put(result.path, { stamp: diskStamp(result.path) ?? '', result });
        results.push(result);
      }),
    );
    return results;
  }

  /** Validates an editor's text on a worker thread (for documents large enough to stall the server). */
  validateOffThread(file: string, text: string): Promise<FileResult> {
    return this.withWorkers((pool) => pool.validateText(file, text));
  }

  /** Records the result of an open document, as the editor sees it. */
  record(file: string, stamp: string, result: FileResult): void {
    this.put(file, { stamp, result });
  }

  has(file: string): boolean {
    return this.entries.has(file);
  }

  resultOf(file: string): FileResult | undefined {
    return this.entries.get(file)?.result;
  }

  /** After a config change every result may be wrong. */
  clear(): void {
    for (const file of [...this.entries.keys()]) this.forget(file);
    this.pool?.clearConfigs();
  }

  get size(): number {
    return this.entries.size;
  }

  coverage(): Array<{ root: string; report: CoverageReport }> {
    return this.roots().map((root) => {
      const { config } = this.engine().configs.resolveFolder(root);
      const inside = [...this.entries.entries()]
        .filter(([file]) => file.startsWith(root + path.sep))
        .map(([, entry]) => entry.result.coverage)
        .filter((c): c is DocumentCoverage => c !== undefined)
        .sort((a, b) => a.relativePath.localeCompare(b.relativePath));
      return { root, report: summarizeCoverage(inside, config, this.engine().fs) };
    });
  }

  async dispose(): Promise<void> {
    clearTimeout(this.idleTimer);
    await this.pool?.dispose();
  }

  /** Worker engines are made with the trust of the moment; after trust is granted, new ones are. */
  trust(): void {
    void this.pool?.dispose();
    this.pool = undefined;
  }

  /** The pool for one use; once no use is left, it stops after WORKERS_IDLE_MS unless used again. */
  private async withWorkers<T>(use: (pool: ValidationPool) => Promise<T>): Promise<T> {
    clearTimeout(this.idleTimer);
    this.inUse++;
    try {
      this.pool ??= new ValidationPool(this.workerScript, { root: this.roots()[0] ?? process.cwd(), trusted: this.engine().trusted });
      return await use(this.pool);
    } finally {
      if (--this.inUse === 0) {
        this.idleTimer = setTimeout(() => {
          void this.pool?.dispose();
          this.pool = undefined;
        }, WORKERS_IDLE_MS);
        this.idleTimer.unref();
      }
    }
  }

  private forgetAllBut(keep: Set<string>): void {
    for (const file of [...this.entries.keys()]) if (!keep.has(file)) this.forget(file);
  }

  private put(file: string, entry: Entry): void {
    this.entries.set(file, entry);
    if (entry.result.outline) this.search.replace(file, entry.result.outline);
    else this.search.remove(file);
  }

  private forget(file: string): void {
    this.entries.delete(file);
    this.search.remove(file);
  }
}

function diskStamp(file: string): string | undefined {
  try {
    const stats = fs.statSync(file);
    return `${stats.mtimeMs}:${stats.size}`;
  } catch {
    // A file gone from disk has no stamp: its index entry is then never taken as current, so it is read again.
    return undefined;
  }
}
