/** A worker thread of the ValidationPool: its own engine over the disk. */
import { parentPort, workerData } from 'node:worker_threads';
import { validateFile, type WorkerRequest, type WorkerResponse, type WorkerSetup } from './batch';
import { Engine } from '../engine';
import { diskFileSystem } from '../fileSystem';

const setup = workerData as WorkerSetup;
const engine = new Engine({ fs: diskFileSystem, root: setup.root, configFile: setup.configFile, trusted: setup.trusted });

parentPort!.on('message', async (request: WorkerRequest) => {
  if ('clear' in request) {
    engine.forget();
    return;
  }
  let result;
  try {
    result = await validateFile(engine, request.path, request.text);
  } catch (error) {
    result = { path: request.path, findings: [], error: String(error) };
  }
  parentPort!.postMessage({ id: request.id, result } satisfies WorkerResponse);
});
