/**
 * All cores for per-source work, behind a synchronous call: the CLI stays a plain
 * function returning its exit code. The main thread and N-1 worker threads take
 * task indices from one shared counter; workers post each SourceResult on their
 * own MessagePort, and the main thread, between tasks of its own, drains those
 * ports with receiveMessageOnPort and sleeps on Atomics.wait. Each result is told with its
 * index (src/run/process-all.ts puts them back in file order), so the output never depends
 * on the number of workers or their timing.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Engine, SourceResult } from '../pipeline.js';
import { processSource } from '../pipeline.js';
import { addTimings } from './timing.js';

const WORKER = new URL('./worker.mjs', import.meta.url);
/** A worker that sends nothing for this long is taken for dead. */
const STALL_MS = 120_000;

export interface PoolOptions {
  jobs: number;
  referencePath: string;
  defaultLanguage?: string;
  /** Told of each source done, by any thread. */
  onProgress?: (path: string) => void;
}

type Message = { type: 'result'; index: number; result: SourceResult } | { type: 'fatal'; message: string } | { type: 'done'; timings?: Record<string, number> };

/** Each result goes to `onResult` as it is made, in whatever order the threads finish. */
export function processInPool(files: string[], engine: Engine, options: PoolOptions, onResult: (result: SourceResult, index: number) => void): void {
  const state = new Int32Array(new SharedArrayBuffer(8));
  const workers: Array<{ worker: Worker; port: MessagePort; done: boolean }> = [];
  try {
    for (let w = 0; w < options.jobs - 1; w++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(WORKER, {
        workerData: {
          port: port2,
          state,
          files,
          referencePath: options.referencePath,
          defaultLanguage: options.defaultLanguage,
        },
        transferList: [port2],
        // A worker's objects live for one page: a young generation of 8 MB (V8's default is
        // several times that) collects them as often and keeps a 50,000-page run's peak RSS some
        // 30 MB lower (528 → 494 MB), in the same time (10,000 pages: 12.8–13.0 s either way).
        resourceLimits: { maxYoungGenerationSizeMb: 8 },
        stdout: false,
        stderr: false,
      });
      worker.unref();
      worker.on('error', () => {}); // reported through the port; never crash the run after terminate
      workers.push({ worker, port: port1, done: false });
    }
    let received = 0;
    let own = 0;
    const drain = (): void => {
      for (const w of workers) {
        let m: { message: Message } | undefined;
        while (!w.done && (m = receiveMessageOnPort(w.port) as { message: Message } | undefined)) {
          const msg = m.message;
          if (msg.type === 'result') {
            received++;
            options.onProgress?.(files[msg.index]);
            onResult(msg.result, msg.index);
          } else if (msg.type === 'done') {
            w.done = true;
            if (msg.timings) addTimings(msg.timings);
          } else throw new Error(`claimlint worker failed: ${msg.message}`);
        }
      }
    };
    // The main thread works too, and collects what the workers finished in between.
    for (;;) {
      const i = Atomics.add(state, 0, 1);
      if (i >= files.length) break;
      const result = processSource(files[i], engine, options.defaultLanguage);
      own++;
      options.onProgress?.(files[i]);
      onResult(result, i);
      drain();
    }
    let last = Date.now();
    for (;;) {
      const seen = Atomics.load(state, 1);
      const before = received;
      drain();
      if (own + received >= files.length && workers.every((w) => w.done)) break;
      if (received !== before) last = Date.now();
      else if (Date.now() - last > STALL_MS) throw new Error('claimlint worker stalled (no result for 120 s)');
      Atomics.wait(state, 1, seen, 1000);
    }
  } finally {
    for (const w of workers) {
      w.port.close();
      void w.worker.terminate();
    }
  }
}
