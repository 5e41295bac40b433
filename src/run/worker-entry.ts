/**
 * Worker entry of the bundled build (dist/worker.mjs, built by scripts/build.mjs).
 * From source, src/run/worker.mjs does the same through tsx.
 */
import { workerData } from 'node:worker_threads';
import { serve, type WorkerData } from './worker-impl.js';

const data = workerData as WorkerData;
try {
  serve(data);
} catch (error) {
  data.port.postMessage({ type: 'fatal', message: String((error as Error)?.stack ?? error) });
  Atomics.add(data.state, 1, 1);
  Atomics.notify(data.state, 1);
}
