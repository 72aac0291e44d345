import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { coverageOf, type DocumentCoverage } from './coverage';
import { notice, NOTICE_SKIPPED, type DocumentResult, type Engine } from '../engine';
import { outlineOf, type Outline } from '../authoring/outline';
import type { Finding } from '../types';
import type { TypeSource } from '../analysis';
import { recordingDependencies, type Dependency } from '../dependencies';

/** What a batch run reports per file: findings and coverage, plain data that crosses threads. */
export interface FileResult {
  path: string;
  type?: string;
  typeSource?: TypeSource;
  findings: Finding[];
  coverage?: DocumentCoverage;
  /** Headings and the text under each, for search and workspace symbols. */
  outline?: Outline;
  /** Set when the file could not be read. */
  error?: string;
  /** What the findings depend on besides the text, when the caller keeps a result cache. */
  dependencies?: Dependency[];
  /** The text checked, when the caller keeps a result cache (its fingerprint is the cache's key). */
  text?: string;
}

export interface WorkerSetup {
  root: string;
  configFile?: string;
  trusted?: boolean;
  /** Record each result's dependencies, for a result cache. */
  record?: boolean;
  /** Leave out each result's outline (the CLI has no search): less to build and to copy between threads. */
  noOutline?: boolean;
}

/** Marks the workerData of a validation worker (engine/workspace/worker.ts). */
export const WORKER_MARK = 'opsdocs-validation-worker';

export type WorkerRequest = { id: number; path: string; text?: string } | { clear: true };
export type WorkerResponse = { id: number; result: FileResult };

/**
 * Validates one file from disk, noting its dependencies when asked; shared by the worker and the
 * single-threaded path. With `record`, the text checked comes back too, unless the caller gave it.
 */
export async function validateFile(engine: Engine, path: string, text?: string, record = false, outline = true): Promise<FileResult> {
  if (!record) return validateUnrecorded(engine, path, text, outline);
  const { value, dependencies } = await recordingDependencies(() => validateUnrecorded(engine, path, text, outline));
  return { ...value, dependencies, text: text === undefined ? engine.fs.readFile(path) : undefined };
}

async function validateUnrecorded(engine: Engine, path: string, text: string | undefined, outline: boolean): Promise<FileResult> {
  const raw = text ?? engine.fs.readFile(path);
  // Said on the document too, so that an unreadable file is never taken for a clean one.
  if (raw === undefined) return { path, findings: [notice(NOTICE_SKIPPED, 'Not checked: OpsDocs cannot read this file.')], error: `cannot read ${path}` };
  const result = await engine.validate(path, raw.replace(/^\uFEFF/, ''));
  return result ? toFileResult(engine, result, outline) : { path, findings: [] };
}

/** The plain-data form of a validation, with the document's coverage and (unless declined) its outline. */
export function toFileResult(engine: Engine, result: DocumentResult, withOutline = true): FileResult {
  const root = engine.configFor(result.path).config.root;
  const coverage = result.document && result.analysis ? coverageOf(result.path, root, result.document, result.analysis, engine.today()) : undefined;
  const outline = withOutline && result.document ? outlineOf(result.document) : undefined;
  return { path: result.path, type: result.type, typeSource: result.typeSource, findings: result.findings, coverage, outline };
}

/**
 * A pool of worker threads, each with its own engine, that validates files from disk.
 * Results arrive in completion order; `onResult` sees each as it lands.
 */
export class ValidationPool {
  private readonly workers: Worker[] = [];
  private nextId = 0;
  private readonly pending = new Map<number, (result: FileResult) => void>();

  constructor(workerScript: string, setup: WorkerSetup, size = Math.max(1, Math.min(os.availableParallelism(), 8))) {
    for (let i = 0; i < size; i++) {
      // A 16 MB young generation: at 10,000 documents a 64 MB one peaked 120 MB higher (655 against
      // 536 MB) and took as long (15.3 s, 27.1 s CPU against 15.0 s, 26.3 s; bench/cli-vs-markdownlint.ts).
      const worker = new Worker(workerScript, { workerData: { ...setup, mark: WORKER_MARK }, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      worker.on('message', (message: WorkerResponse) => {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(message.result);
      });
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Validates the files, at most `size` at a time per worker queue; stops early when cancelled. */
  async run(paths: readonly string[], onResult: (result: FileResult) => void, isCancelled: () => boolean = () => false, texts?: ReadonlyMap<string, string>): Promise<void> {
    let next = 0;
    const lane = async (worker: Worker) => {
      while (next < paths.length && !isCancelled()) {
        const path = paths[next++];
        // A text the caller already read (to look it up in a cache) is sent rather than read twice.
        onResult(await this.send(worker, path, texts?.get(path)));
      }
    };
    // Two files in flight per worker: while one waits on a checker process (ShellCheck), the other parses.
    await Promise.all(this.workers.flatMap((worker) => [lane(worker), lane(worker)]));
  }

  /** Validates a text that is not on disk (an editor's buffer) on a worker, leaving the caller's thread free. */
  validateText(path: string, text: string): Promise<FileResult> {
    const worker = this.workers[this.nextId % this.workers.length];
    return this.send(worker, path, text);
  }

  /** After a config change: every worker forgets the configs it read. */
  clearConfigs(): void {
    for (const worker of this.workers) worker.postMessage({ clear: true } satisfies WorkerRequest);
  }

  async dispose(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(worker: Worker, path: string, text?: string): Promise<FileResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, path, text } satisfies WorkerRequest);
    });
  }
}
