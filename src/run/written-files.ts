/**
 * What a run knows of the claims files an earlier run wrote, kept beside the cache and keyed like
 * it by the engine fingerprint: for each file, the page (display path and SHA-256) it was made
 * from and the file's stat once written. A whole-corpus run from the cache otherwise renders every
 * page's claims file again only to find it unchanged (a second of a 10,000-page warm run). A file
 * is left as it is when its record names the same page, made by the same engine, and its stat is
 * the one recorded, taken at least SETTLED_MS after the file last changed (the cache's rule, so
 * an edit in the same timestamp tick is never missed). Anything else (no record, another page
 * hash, a file edited, touched, replaced or removed) is rendered and compared as before.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileStat, SETTLED_MS, type FileStat } from './cache.js';
import { sha256 } from '../util/hash.js';
import { writeFileAtomic } from '../util/atomic-write.js';

const FORMAT = 1;

/** [page path, page SHA-256, size, mtimeMs, ctimeMs, ino, when the stat was taken (ms since the epoch)] */
type Entry = [string, string, number, number, number, number, number];

const NAME = /^claims-files-([0-9a-f]+)-([0-9a-f]+)\.json$/;

export class WrittenFiles {
  private readonly known: Map<string, Entry>;
  /** This run's entries: the files it found current or wrote. */
  private readonly seen = new Map<string, Entry>();

  private constructor(
    /** The cache directory, where the record is. */
    private readonly cacheDir: string,
    /** The record's file name: the engine's fingerprint and the claims directory's hash. */
    private readonly name: string,
    /** The claims directory (absolute). */
    readonly dir: string,
  ) {
    this.known = load(this.file, dir);
  }

  /** The record of the claims files in `claimsDir` made by the engine of `fingerprint`. */
  static open(cacheDir: string, fingerprint: string, claimsDir: string): WrittenFiles {
    const dir = resolve(claimsDir);
    return new WrittenFiles(resolve(cacheDir), `claims-files-${fingerprint.slice(0, 16)}-${sha256(dir).slice(0, 16)}.json`, dir);
  }

  get file(): string {
    return join(this.cacheDir, this.name);
  }

  /** Whether `name` holds what the page at `path` with this hash makes: recorded, unchanged and settled. */
  current(name: string, path: string, pageSha: string): boolean {
    const e = this.known.get(name);
    if (!e || e[0] !== path || e[1] !== pageSha) return false;
    const st = fileStat(join(this.dir, name));
    const at = e[6];
    if (!st || st.size !== e[2] || st.mtimeMs !== e[3] || st.ctimeMs !== e[4] || st.ino !== e[5] || !(st.mtimeMs < at - SETTLED_MS && st.ctimeMs < at - SETTLED_MS)) return false;
    this.seen.set(name, e);
    return true;
  }

  /** `name` was just written (or found to hold the page's claims already): its stat, taken `at`, is recorded. */
  note(name: string, path: string, pageSha: string, at = Date.now()): void {
    const st: FileStat | undefined = fileStat(join(this.dir, name));
    if (st) this.seen.set(name, [path, pageSha, st.size, st.mtimeMs, st.ctimeMs, st.ino, at]);
    else this.seen.delete(name);
  }

  /**
   * Writes the record: this run's entries, and with `whole` false (a run over some of the pages)
   * the earlier entries of the others. Records of other engines for this directory are removed.
   * A record that cannot be written only costs the next run the rendering.
   */
  save(whole: boolean): void {
    const files: Record<string, Entry> = {};
    const entries = whole ? this.seen : new Map([...this.known, ...this.seen]);
    for (const name of [...entries.keys()].sort()) files[name] = entries.get(name)!;
    try {
      mkdirSync(this.cacheDir, { recursive: true });
      writeFileAtomic(this.file, `${JSON.stringify({ format: FORMAT, dir: this.dir, files })}\n`, { durable: false });
      const mine = NAME.exec(this.name)![2];
      for (const other of readdirSync(this.cacheDir)) if (other !== this.name && NAME.exec(other)?.[2] === mine) rmSync(join(this.cacheDir, other), { force: true });
    } catch {
      // ignored: the next run renders and compares the files
    }
  }
}

/** The record's entries, or none if it is missing, damaged or about another directory. */
function load(file: string, dir: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return out;
  }
  const d = data as { format?: unknown; dir?: unknown; files?: unknown };
  if (!d || d.format !== FORMAT || d.dir !== dir || !d.files || typeof d.files !== 'object') return out;
  for (const [name, e] of Object.entries(d.files as Record<string, unknown>)) {
    const ok = Array.isArray(e) && e.length === 7 && typeof e[0] === 'string' && typeof e[1] === 'string' && e.slice(2).every((n) => typeof n === 'number' && Number.isFinite(n));
    if (ok) out.set(name, e as Entry);
  }
  return out;
}
