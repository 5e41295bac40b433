import type { MessagePort } from 'node:worker_threads';
import { loadEngine, processSource } from '../pipeline.js';
import { timed, timings, TIMINGS_ON } from './timing.js';
import { SourceCache } from './cache.js';

export interface WorkerData {
  port: MessagePort;
  /** [0] next task index, [1] finished-message counter (the main thread waits on it). */
  state: Int32Array;
  files: string[];
  referencePath: string;
  defaultLanguage?: string;
  /** Where to store each result made here (src/run/cache.ts). */
  cache?: { dir: string; fingerprint: string };
}

/** Takes task indices from the shared counter until none are left; posts each result. */
export function serve(data: WorkerData): void {
  const { port, state, files } = data;
  const engine = loadEngine(data.referencePath);
  const cache = data.cache && new SourceCache(data.cache.dir, data.cache.fingerprint);
  for (;;) {
    const i = Atomics.add(state, 0, 1);
    if (i >= files.length) break;
    let message: unknown;
    try {
      const result = processSource(files[i], engine, data.defaultLanguage);
      if (cache) timed('cache', () => cache.set(result));
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
