/**
 * Options for corpus-scale runs, shared by `check` and `merge`: --jobs, the incremental
 * cache (--no-cache, --cache-location) and --shard i/n.
 */
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { collectBetweenPhases } from '../util/collect.js';
import { collectSources, loadEngine } from '../pipeline.js';
import { processAll } from '../run/process-all.js';
import { cacheAt } from '../run/cache.js';
import { engineFingerprint } from '../run/fingerprint.js';
import { corpusHash, shardOf, writeShard, type ShardHeader } from '../run/shard.js';
import { displayPath } from '../source/read.js';
import { ClaimsFiles } from './output.js';
import { TOOL } from '../version.js';
import { oneOf, UsageError } from './args.js';
import { CACHE_STRATEGIES, DEFAULT_CACHE_LOCATION, type CacheStrategy } from '../run/cache.js';
import { timings, TIMINGS_ON, timingsLine } from '../run/timing.js';

export const SCALE_OPTIONS = {
  jobs: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
  'cache-strategy': { type: 'string' },
  shard: { type: 'string' },
} as const;

export const SCALE_HELP = `  --jobs N|auto        threads for reading, parsing and extracting (default: auto = all cores when there is enough work)
  --no-cache           do not read or write the cache of per-source results
  --cache-location DIR where the cache lives (default: ${DEFAULT_CACHE_LOCATION})
  --cache-strategy S   metadata (default): a page whose size, times and inode are unchanged is not
                       read again; content: every page is read and hashed (file systems whose
                       clocks or timestamps cannot be trusted)
  --shard I/N          check only shard I of N (split by path hash) and write shard.jsonl to --report-dir;
                       \`claimlint merge DIR...\` then gives the report of the whole corpus`;

export interface ScaleFlags {
  jobs?: string;
  'no-cache'?: boolean;
  'cache-location'?: string;
  'cache-strategy'?: string;
  shard?: string;
}

export function parseJobs(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new UsageError(`--jobs must be a positive whole number or "auto" (got "${value}")`);
  return Number(value);
}

export function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must be I/N with 1 ≤ I ≤ N, e.g. 1/4 (got "${value}")`);
  return { index, count };
}

/** The cache directory, or undefined under --no-cache. */
export function cacheLocation(flags: ScaleFlags): string | undefined {
  return flags['no-cache'] ? undefined : resolve(flags['cache-location'] ?? DEFAULT_CACHE_LOCATION);
}

export function cacheStrategy(flags: ScaleFlags): CacheStrategy {
  return oneOf('--cache-strategy', flags['cache-strategy'] ?? 'metadata', CACHE_STRATEGIES);
}

/** With CLAIMLINT_TIMINGS set, the stage split goes to stderr. */
export function printTimings(): void {
  if (TIMINGS_ON) process.stderr.write(timingsLine());
}
export { timings };

export interface ShardSettings {
  files: string[];
  referencePath: string;
  defaultLanguage?: string;
  reportDir: string;
  claimsDir: string;
}

/**
 * `check --shard i/n`: per-source work for one shard only; writes shard.jsonl (and the
 * shard's claims files) and exits 0: the verdict on the corpus is `claimlint merge`'s.
 */
export function runShard(flags: ScaleFlags & { 'no-write'?: boolean }, settings: ShardSettings, positionals: string[]): number {
  const { index, count } = parseShard(flags.shard!);
  const engine = loadEngine(settings.referencePath);
  const all = collectSources(settings.files);
  const paths = all.map(displayPath);
  const mine = all.filter((_, i) => shardOf(paths[i], count) === index);
  const results = processAll(mine, engine, {
    jobs: parseJobs(flags.jobs),
    cache: cacheAt(cacheLocation(flags), engine, settings.defaultLanguage, cacheStrategy(flags)),
    referencePath: settings.referencePath,
    defaultLanguage: settings.defaultLanguage,
  });
  const header: ShardHeader = {
    format: 1,
    tool: `${TOOL.name}@${TOOL.version}`,
    engine: engineFingerprint(engine, settings.defaultLanguage),
    index,
    count,
    corpus: corpusHash(paths),
    total: all.length,
    sources: results.length,
    paths: positionals,
  };
  let where = '(not written: --no-write)';
  if (!flags['no-write']) {
    where = writeShard(settings.reportDir, header, results);
    // As check writes them: whole or not at all, and only where they changed.
    const claimsFiles = new ClaimsFiles(settings.claimsDir);
    for (const r of results) claimsFiles.add(r);
  }
  const claims = results.reduce((n, r) => n + r.claims.length, 0);
  process.stdout.write(`shard ${index}/${count}: ${results.length} of ${all.length} sources, ${claims} claims → ${where}\n`);
  printTimings();
  return 0;
}

/** A run of at least this many sources, reported whole, holds enough findings to be kept lean. */
export const LARGE_RUN = 5_000;

/**
 * V8 lets the heap grow to about twice what is live before it collects the old generation. A
 * full run of a large corpus holds every finding until its reports are written: told to grow the
 * heap by a quarter instead, it peaks at 0.95 GB rather than 1.6 GB for 50,000 pages and 0.38
 * rather than 0.57 GB for 10,000 (bench/results.md), in the same time. A small or --changed-since
 * run holds little and is left alone: there, more frequent collections only cost time. Worker
 * threads share the setting; it is applied before they start.
 */
export function leanHeapFor(sources: number, scoped: boolean): boolean {
  if (scoped || sources < LARGE_RUN) return false;
  setFlagsFromString('--heap-growing-percent=25');
  collectBetweenPhases();
  return true;
}
