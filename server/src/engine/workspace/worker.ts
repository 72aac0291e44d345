/** A worker thread of the ValidationPool: its own engine over the disk. */
import { parentPort, workerData } from 'node:worker_threads';
import { validateFile, type WorkerRequest, type WorkerResponse, type WorkerSetup } from './batch';
import { Engine } from '../engine';
import { diskFileSystem } from '../fileSystem';
import { recordingFileSystem } from '../dependencies';

const setup = workerData as WorkerSetup;
const engine = new Engine({ fs: setup.record ? recordingFileSystem(diskFileSystem) : diskFileSystem, root: setup.root, configFile: setup.configFile, trusted: setup.trusted });

parentPort!.on('message', async (request: WorkerRequest) => {
  if ('clear' in request) {
    engine.configs.clear();
    return;
  }
  let result;
  try {
    result = await validateFile(engine, request.path, request.text, setup.record);
  } catch (error) {
    result = { path: request.path, findings: [], error: String(error) };
  }
  parentPort!.postMessage({ id: request.id, result } satisfies WorkerResponse);
});
