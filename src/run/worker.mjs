// Worker entry: runs the TypeScript pipeline through tsx (no build step), then serves tasks.
import { workerData, parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

try {
  register();
  const { serve } = await import('./worker-impl.ts');
  serve(workerData);
} catch (error) {
  workerData.port.postMessage({ type: 'fatal', message: String(error && error.stack ? error.stack : error) });
  Atomics.add(workerData.state, 1, 1);
  Atomics.notify(workerData.state, 1);
}
void parentPort;
