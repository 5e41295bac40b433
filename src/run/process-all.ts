import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Engine, SourceResult } from '../pipeline.js';
import { processSource } from '../pipeline.js';
import { decode } from '../source/decode.js';
import { displayPath } from '../source/read.js';
import { sha256 } from '../util/hash.js';
import type { SourceCache } from './cache.js';
import { processInPool } from './pool.js';
import { timed } from './timing.js';

export interface ProcessOptions {
  /** Threads for per-source work: a number, or 'auto' (all cores, and only when there is enough work). */
  jobs?: number | 'auto';
  cache?: SourceCache;
  referencePath: string;
  defaultLanguage?: string;
  /** Told of each source done, cached or not (the CLI's progress bar). */
  onProgress?: (path: string) => void;
}

/** Below this many uncached sources per extra thread, 'auto' stays in-process: starting a worker costs more. */
const AUTO_MIN_PER_WORKER = 200;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * source → parse → extract for every file, in file order: unchanged files come from
 * the cache, the others from the main thread and worker threads.
 */
export function processAll(files: string[], engine: Engine, options: ProcessOptions): SourceResult[] {
  const results: SourceResult[] = new Array(files.length);
  const todo: number[] = [];
  const cache = options.cache;
  for (let i = 0; i < files.length; i++) {
    const hit = cache && timed('cache', () => fromCache(files[i], cache));
    if (hit) {
      results[i] = hit;
      options.onProgress?.(files[i]);
    } else todo.push(i);
  }
  const missing = todo.map((i) => files[i]);
  let jobs = options.jobs ?? 1;
  if (jobs === 'auto') jobs = Math.min(defaultJobs(), 1 + Math.floor(missing.length / AUTO_MIN_PER_WORKER));
  jobs = Math.max(1, Math.min(jobs, missing.length));
  const done =
    jobs > 1
      ? processInPool(missing, engine, { jobs, referencePath: options.referencePath, defaultLanguage: options.defaultLanguage, onProgress: options.onProgress, cache })
      : missing.map((f) => {
          const r = processSource(f, engine, options.defaultLanguage);
          if (cache) timed('cache', () => cache.set(r));
          options.onProgress?.(f);
          return r;
        });
  for (let k = 0; k < todo.length; k++) results[todo[k]] = done[k];
  return results;
}

function fromCache(file: string, cache: SourceCache): SourceResult | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const hit = cache.get(displayPath(file), sha256(bytes));
  if (!hit) return undefined;
  const decoded = decode(bytes);
  if (!decoded.ok) return undefined;
  return { ...hit, doc: { ...hit.doc!, text: decoded.text } };
}
