import type { MessagePort } from 'node:worker_threads';
import { loadEngine, processSource } from '../pipeline.js';
import { timings, TIMINGS_ON } from './timing.js';

export interface WorkerData {
  port: MessagePort;
  /** [0] next task index, [1] finished-message counter (the main thread waits on it). */
  state: Int32Array;
  files: string[];
  referencePath: string;
  defaultLanguage?: string;
}

/** Takes task indices from the shared counter until none are left; posts each result. */
export function serve(data: WorkerData): void {
  const { port, state, files } = data;
  const engine = loadEngine(data.referencePath);
  for (;;) {
    const i = Atomics.add(state, 0, 1);
    if (i >= files.length) break;
    let message: unknown;
    try {
      const result = processSource(files[i], engine, data.defaultLanguage);
      message = { type: 'result', index: i, result };
    } catch (error) {
      message = { type: 'fatal', message: `${files[i]}: ${(error as Error).stack ?? error}` };
    }
    port.postMessage(message);
    Atomics.add(state, 1, 1);
    Atomics.notify(state, 1);
  }
  port.postMessage({ type: 'done', timings: TIMINGS_ON ? { ...timings } : undefined });
  Atomics.add(state, 1, 1);
  Atomics.notify(state, 1);
}
