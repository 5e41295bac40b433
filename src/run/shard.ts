/**
 * Shards for CI fan-out. `check --shard i/n` processes the sources whose path hash
 * falls in shard i and writes their SourceResults, one JSON line each, to
 * `<report-dir>/shard.jsonl`; `merge` reads every shard back and builds exactly the
 * report a single run gives (cross-source comparisons included).
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import type { SourceResult } from '../pipeline.js';
import { sha256 } from '../util/hash.js';
import { TOOL } from '../version.js';

export const SHARD_FILE = 'shard.jsonl';
const FORMAT = 1;

export interface ShardHeader {
  format: number;
  tool: string;
  /** Engine fingerprint: tool, code, vocabularies, reference. Shards of different engines cannot be merged. */
  engine: string;
  index: number;
  count: number;
  /** Hash of every source path of the whole corpus: shards of different corpora cannot be merged. */
  corpus: string;
  total: number;
  sources: number;
  /** The PATH arguments of the shard runs: merge checks the same selection of sources. */
  paths: string[];
}

/** The shard (1-based) a source path belongs to: stable, whatever else is in the corpus. */
export function shardOf(path: string, count: number): number {
  return (parseInt(sha256(path).slice(0, 8), 16) % count) + 1;
}

export function corpusHash(paths: string[]): string {
  return sha256(paths.join('\n'));
}

/** Writes the shard file whole or not at all, one line at a time (no giant string). */
export function writeShard(dir: string, header: ShardHeader, results: SourceResult[]): string {
  const path = join(dir, SHARD_FILE);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(header)}\n`);
    for (const r of results) writeSync(fd, `${JSON.stringify(r)}\n`);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    throw error;
  }
  return path;
}

export class ShardError extends Error {
  override name = 'ShardError';
}

export function readShard(dir: string): { header: ShardHeader; results: SourceResult[]; file: string } {
  const file = join(dir, SHARD_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ShardError(`${file}: cannot read the shard file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); run \`claimlint check --shard I/N --report-dir ${dir}\` first`);
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const parse = (i: number): unknown => {
    try {
      return JSON.parse(lines[i]);
    } catch (error) {
      throw new ShardError(`${file}:${i + 1}:1: not JSON (${(error as Error).message})`);
    }
  };
  const header = parse(0) as ShardHeader;
  if (!header || header.format !== FORMAT || typeof header.engine !== 'string' || typeof header.index !== 'number' || typeof header.count !== 'number')
    throw new ShardError(`${file}:1:1: not a claimlint shard file (format ${FORMAT})`);
  if (header.tool !== `${TOOL.name}@${TOOL.version}`) throw new ShardError(`${file}:1:1: written by ${header.tool}, this is ${TOOL.name}@${TOOL.version}`);
  const results: SourceResult[] = [];
  for (let i = 1; i < lines.length; i++) {
    const r = parse(i) as SourceResult;
    if (!r || !Array.isArray(r.claims) || (!r.doc && !r.problem)) throw new ShardError(`${file}:${i + 1}:1: not a source result`);
    results.push(r);
  }
  if (results.length !== header.sources) throw new ShardError(`${file}: ${results.length} sources, the header says ${header.sources} (truncated?)`);
  return { header, results, file };
}

/** Reads shard dirs, checks they are the n shards of one corpus and engine, and returns every result in path order. */
export function mergeShards(dirs: string[]): { results: SourceResult[]; paths: string[]; engine: string } {
  const shards = dirs.map(readShard);
  const first = shards[0].header;
  const seen = new Map<number, string>();
  for (const s of shards) {
    const h = s.header;
    if (h.count !== first.count) throw new ShardError(`${s.file}: shard ${h.index}/${h.count} does not belong with ${shards[0].file} (${first.index}/${first.count})`);
    if (h.corpus !== first.corpus || h.total !== first.total || JSON.stringify(h.paths) !== JSON.stringify(first.paths)) throw new ShardError(`${s.file}: shard of a different set of sources than ${shards[0].file}`);
    if (h.engine !== first.engine) throw new ShardError(`${s.file}: written with a different reference, vocabulary or claimlint build than ${shards[0].file}`);
    const other = seen.get(h.index);
    if (other) throw new ShardError(`${s.file}: shard ${h.index}/${h.count} given twice (also ${other})`);
    seen.set(h.index, s.file);
  }
  const missing = Array.from({ length: first.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new ShardError(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${first.count}`).join(', ')}`);
  const pathOf = (r: SourceResult) => r.doc?.path ?? r.problem!.path;
  const all = shards.flatMap((s) => s.results);
  if (all.length !== first.total) throw new ShardError(`the shards hold ${all.length} sources; the corpus has ${first.total}`);
  const results = all.sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : pathOf(a) > pathOf(b) ? 1 : 0));
  return { results, paths: Array.isArray(first.paths) ? first.paths : [], engine: first.engine };
}
