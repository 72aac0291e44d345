/**
 * A worker thread of the ValidationPool: its own engine over the disk. The pool starts the bundle
 * it runs in (dist/server.js or dist/cli.js) once more as the worker, so that the package carries
 * the engine once; the bundle's entry asks `isValidationWorker()` first.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { validateFile, WORKER_MARK, type WorkerRequest, type WorkerResponse, type WorkerSetup } from './batch';
import { Engine, notice, NOTICE_INTERNAL } from '../engine';
import { diskFileSystem } from '../fileSystem';
import { recordingFileSystem } from '../dependencies';

export function isValidationWorker(): boolean {
  return !isMainThread && (workerData as { mark?: string } | undefined)?.mark === WORKER_MARK;
}

export function runValidationWorker(): void {
  const setup = workerData as WorkerSetup;
  const engine = new Engine({ fs: setup.record ? recordingFileSystem(diskFileSystem) : diskFileSystem, root: setup.root, configFile: setup.configFile, trusted: setup.trusted });
  parentPort!.on('message', async (request: WorkerRequest) => {
    if ('clear' in request) {
      engine.forget();
      return;
    }
    let result;
    try {
      result = await validateFile(engine, request.path, request.text, setup.record, !setup.noOutline);
    } catch (error) {
      // The document's report says so: a failure is never taken for a clean document.
      result = { path: request.path, findings: [notice(NOTICE_INTERNAL, `Not checked: OpsDocs failed on this document: ${String(error)}`)], error: String(error) };
    }
    parentPort!.postMessage({ id: request.id, result } satisfies WorkerResponse);
  });
}
