// Report thread entry: runs src/report/thread-worker.ts through tsx (no build step).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

try {
  register();
  const { prepareReport } = await import('./thread-worker.ts');
  prepareReport(workerData);
} catch (error) {
  workerData.port.postMessage({ ok: false, message: `the report thread did not start: ${error && error.stack ? error.stack : error}` });
  Atomics.store(workerData.state, 0, 1);
  Atomics.notify(workerData.state, 0);
}
