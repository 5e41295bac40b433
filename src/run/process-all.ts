import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Engine, SourceResult } from '../pipeline.js';
import { processSource } from '../pipeline.js';
import { decode } from '../source/decode.js';
import { withTextReadLater } from '../source/read-later.js';
import { displayPath } from '../source/read.js';
import { sha256 } from '../util/hash.js';
import { fileStat, type FileStat, type SourceCache } from './cache.js';
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
  /**
   * Display paths whose findings the run does not report (--changed-since): from the cache,
   * only their corpus view is loaded (SourceResult.claimCount).
   */
  viewOnly?: (path: string) => boolean;
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
  forEachResult(files, engine, options, (result, index) => {
    results[index] = result;
  });
  return results;
}

/** Where a file's result comes from: the cache (the content hash its entry is filed under), or the work. */
type Slot = { sha: string; trusted: boolean; view: boolean } | undefined;

/**
 * As processAll, but each result is handed to `onResult` in file order as soon as it and those
 * before it are ready, and not kept: a consumer that lets go of what it has read (src/check/run.ts)
 * holds no more than the few results the threads are ahead by. Cached results are read from the
 * cache only when their turn comes.
 */
export function forEachResult(files: string[], engine: Engine, options: ProcessOptions, onResult: (result: SourceResult, index: number) => void): void {
  const cache = options.cache;
  // Taken before any file is stat'ed or read: what the cache records as the moment of each stat.
  const at = Date.now();
  const stats: Array<FileStat | undefined> = new Array(files.length);
  const slots: Slot[] = new Array(files.length);
  // Each file's display path (what the cache files entries under), worked out once.
  const paths = cache ? files.map(displayPath) : [];
  const todo: number[] = [];
  cache?.viewsFor(options.viewOnly);
  for (let i = 0; i < files.length; i++) {
    const slot = cache && timed('cache', () => cached(files[i], paths[i], cache, (stats[i] = fileStat(files[i])), options.viewOnly));
    if (slot) {
      slots[i] = slot;
      options.onProgress?.(files[i]);
    } else todo.push(i);
  }
  const ready: Array<SourceResult | undefined> = new Array(files.length);
  let next = 0;
  const made = (result: SourceResult, i: number): void => {
    if (cache) timed('cache', () => cache.set(result, stats[i], at));
    ready[i] = result;
    // Every result whose turn has come goes out now: the cached ones are read here.
    for (; next < files.length; next++) {
      let r = ready[next];
      if (r) ready[next] = undefined;
      else if (slots[next]) r = fromCache(files[next], paths[next], cache!, slots[next]!, stats[next], at) ?? remake(next);
      else break;
      onResult(r, next);
    }
  };
  // A cached entry found corrupt when its turn comes is made again, there and then.
  const remake = (i: number): SourceResult => {
    const r = processSource(files[i], engine, options.defaultLanguage);
    if (cache) timed('cache', () => cache.set(r, stats[i], at));
    return r;
  };
  let jobs = options.jobs ?? 1;
  if (jobs === 'auto') jobs = Math.min(defaultJobs(), 1 + Math.floor(todo.length / AUTO_MIN_PER_WORKER));
  jobs = Math.max(1, Math.min(jobs, todo.length));
  const missing = todo.map((i) => files[i]);
  if (jobs > 1)
    processInPool(missing, engine, { jobs, referencePath: options.referencePath, defaultLanguage: options.defaultLanguage, onProgress: options.onProgress }, (result, k) => made(result, todo[k]));
  else
    for (const i of todo) {
      const r = processSource(files[i], engine, options.defaultLanguage);
      options.onProgress?.(files[i]);
      made(r, i);
    }
  // No work at all (every file cached), or cached files after the last one made.
  for (; next < files.length; next++) onResult(fromCache(files[next], paths[next], cache!, slots[next]!, stats[next], at) ?? remake(next), next);
  if (cache)
    timed('cache', () => {
      cache.flush();
      cache.close();
    });
}

/** Whether the cache holds this file's result, and under which content hash; undefined: it must be made. */
function cached(file: string, path: string, cache: SourceCache, stat: FileStat | undefined, viewOnly?: (path: string) => boolean): Slot {
  const view = viewOnly?.(path) ?? false;
  const trusted = cache.trustedHash(path, stat);
  if (trusted && cache.has(path, trusted)) return { sha: trusted, trusted: true, view };
  // Nothing filed for this path (a cold cache): no content can match, so the file is not read twice.
  if (!cache.filed(path)) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const sha = sha256(bytes);
  if (!cache.has(path, sha) || !decode(bytes).ok) return undefined;
  return { sha, trusted: false, view };
}

function fromCache(file: string, path: string, cache: SourceCache, slot: NonNullable<Slot>, stat: FileStat | undefined, at: number): SourceResult | undefined {
  const hit = timed('cache', () => cache.get(path, slot.sha, slot.view));
  if (!hit) return undefined;
  // Same content, another stat (touched, checked out, copied): record the new stat.
  if (!slot.trusted) cache.restat(path, stat, at);
  return withTextReadLater(hit, file);
}

