import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Engine, SourceResult } from '../pipeline.js';
import { processSource } from '../pipeline.js';
import { decode } from '../source/decode.js';
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
  const todo: number[] = [];
  const cache = options.cache;
  // Taken before any file is stat'ed or read: what the cache records as the moment of each stat.
  const at = Date.now();
  const stats: Array<FileStat | undefined> = new Array(files.length);
  cache?.viewsFor(options.viewOnly);
  for (let i = 0; i < files.length; i++) {
    const hit = cache && timed('cache', () => fromCache(files[i], cache, (stats[i] = fileStat(files[i])), at, options.viewOnly));
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
      ? processInPool(missing, engine, { jobs, referencePath: options.referencePath, defaultLanguage: options.defaultLanguage, onProgress: options.onProgress })
      : missing.map((f) => {
          const r = processSource(f, engine, options.defaultLanguage);
          options.onProgress?.(f);
          return r;
        });
  for (let k = 0; k < todo.length; k++) results[todo[k]] = done[k];
  if (cache)
    timed('cache', () => {
      for (let k = 0; k < todo.length; k++) cache.set(done[k], stats[todo[k]], at);
      cache.flush();
      cache.close();
    });
  return results;
}

function fromCache(file: string, cache: SourceCache, stat: FileStat | undefined, at: number, viewOnly?: (path: string) => boolean): SourceResult | undefined {
  const path = displayPath(file);
  const view = viewOnly?.(path) ?? false;
  const trusted = cache.trustedHash(path, stat);
  if (trusted) {
    const hit = cache.get(path, trusted, view);
    if (hit) return withTextReadLater(hit, file);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const hit = cache.get(path, sha256(bytes), view);
  if (!hit) return undefined;
  const decoded = decode(bytes);
  if (!decoded.ok) return undefined;
  // Same content, another stat (touched, checked out, copied): record the new stat.
  if (!trusted) cache.restat(path, stat, at);
  return { ...hit, doc: { ...hit.doc!, text: decoded.text } };
}

/**
 * A page known unchanged by its stat has not been read: its text is read when a report first
 * shows it (most pages of a large corpus never are, in a --changed-since run), and checked
 * against the hash its claims were made from.
 */
function withTextReadLater(result: SourceResult, file: string): SourceResult {
  const doc = result.doc!;
  // Not kept once read: a report reads a page's text once per format, in file order
  // (sourceTexts keeps the last one), and 50,000 pages' texts would stay in memory.
  let text: string | undefined;
  Object.defineProperty(doc, 'text', {
    enumerable: true,
    configurable: true,
    get: () => text ?? readChecked(file, doc.sha256, doc.path),
    set: (value: string) => {
      text = value;
    },
  });
  return result;
}

function readChecked(file: string, sha: string, path: string): string {
  try {
    const bytes = readFileSync(file);
    if (sha256(bytes) === sha) {
      const decoded = decode(bytes);
      if (decoded.ok) return decoded.text;
    }
  } catch {
    // reported below
  }
  process.stderr.write(`claimlint: ${path} changed while it was being checked; the reports quote no lines from it\n`);
  return '';
}
