/**
 * Incremental cache (like ESLint's --cache): one entry per source, keyed by the
 * source's path and content hash and by the engine fingerprint (tool version,
 * code, vocabularies, reference). An entry is trusted only if it parses, has the
 * expected shape and repeats its own key and the file's hash; anything else is
 * ignored and rewritten. Entries hold the SourceResult without the page text,
 * which is decoded again from the bytes read to hash the file.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { SourceResult } from '../pipeline.js';
import { sha256 } from '../util/hash.js';
import type { Engine } from '../pipeline.js';
import { engineFingerprint } from './fingerprint.js';

export const DEFAULT_CACHE_LOCATION = '.claimlint-cache';
const FORMAT = 1;

interface Entry {
  format: number;
  key: string;
  path: string;
  sha256: string;
  result: SourceResult;
}

export class SourceCache {
  hits = 0;
  misses = 0;
  rejected = 0;
  constructor(
    readonly dir: string,
    readonly fingerprint: string,
  ) {}

  private keyOf(path: string, contentSha: string): string {
    return sha256(`${FORMAT}\0${this.fingerprint}\0${path}\0${contentSha}`);
  }

  private fileOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key.slice(2)}.json`);
  }

  /** The cached result for this display path and content, or undefined (missing, stale, corrupt). */
  get(path: string, contentSha: string): SourceResult | undefined {
    const key = this.keyOf(path, contentSha);
    let raw: string;
    try {
      raw = readFileSync(this.fileOf(key), 'utf8');
    } catch {
      this.misses++;
      return undefined;
    }
    try {
      const e = JSON.parse(raw) as Entry;
      const r = e?.result;
      const ok =
        e.format === FORMAT &&
        e.key === key &&
        e.path === path &&
        e.sha256 === contentSha &&
        r &&
        Array.isArray(r.claims) &&
        r.doc &&
        typeof r.doc === 'object' &&
        r.doc.path === path &&
        r.doc.sha256 === contentSha &&
        r.claims.every((c) => c && typeof c === 'object' && c.path === path && typeof c.text === 'string' && c.position && typeof c.position.start?.offset === 'number');
      if (ok) {
        this.hits++;
        return r;
      }
    } catch {
      // corrupt: fall through
    }
    this.rejected++;
    this.misses++;
    return undefined;
  }

  /** Stores a readable source's result (unreadable files are cheap to re-check and are not cached). */
  set(result: SourceResult): void {
    const doc = result.doc;
    if (!doc) return;
    const key = this.keyOf(doc.path, doc.sha256);
    const { text: _text, ...rest } = doc;
    const entry: Entry = { format: FORMAT, key, path: doc.path, sha256: doc.sha256, result: { ...result, doc: rest as typeof doc } };
    const file = this.fileOf(key);
    const tmp = `${file}.${process.pid}.${threadId}.tmp`;
    try {
      mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
      writeFileSync(tmp, JSON.stringify(entry));
      renameSync(tmp, file);
    } catch {
      rmSync(tmp, { force: true });
      // A cache that cannot be written only costs speed.
    }
  }
}

/** The cache in `dir` for this engine, or undefined when `dir` is undefined (--no-cache). */
export function cacheAt(dir: string | undefined, engine: Engine, defaultLanguage?: string): SourceCache | undefined {
  return dir === undefined ? undefined : new SourceCache(dir, engineFingerprint(engine, defaultLanguage));
}
