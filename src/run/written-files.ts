/**
 * What a run knows of the claims files an earlier run wrote, kept beside the cache and keyed like
 * it by the engine fingerprint: for each file, the page (display path and SHA-256) it was made
 * from and the file's stat once written. A run from the cache otherwise renders every page's
 * claims file again only to find it unchanged (a second of a 10,000-page warm run). A file
 * is left as it is when its record names the same page, made by the same engine, and its stat is
 * the one recorded, taken at least SETTLED_MS after the file last changed (the cache's rule, so
 * an edit in the same timestamp tick is never missed). Anything else (no record, another page
 * hash, a file edited, touched, replaced or removed) is rendered and compared as before.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileStat, unchangedSince } from './cache.js';
import { sha256 } from '../util/hash.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { SpillFile } from '../util/spill.js';

const FORMAT = 1;

/** [file name, page path, page SHA-256, size, mtimeMs, ctimeMs, ino, when the stat was taken (ms since the epoch)] */
type Entry = [string, string, string, number, number, number, number, number];

const NAME = /^claims-files-([0-9a-f]+)-([0-9a-f]+)\.json$/;

export class WrittenFiles {
  /** The last run's entries, by file name, as the JSON lines of the record (parsed when looked up). */
  private readonly known: Map<string, string>;
  /**
   * This run's entries (the files it found current or wrote), one JSON line each, on disk: a
   * 50,000-page run would otherwise hold 50,000 of them (some 10 MB) until its end.
   */
  private seen: SpillFile | string[] | undefined;
  /** The names of this run's entries, for a run over some of the pages (the others' are kept). */
  private readonly seenNames: Set<string> | undefined;

  private constructor(
    /** The cache directory, where the record is. */
    private readonly cacheDir: string,
    /** The record's file name: the engine's fingerprint and the claims directory's hash. */
    private readonly name: string,
    /** The claims directory (absolute). */
    readonly dir: string,
    /** Whether the run sees every page (the record then keeps this run's entries only). */
    whole: boolean,
  ) {
    this.known = load(this.file, dir);
    this.seenNames = whole ? undefined : new Set();
  }

  /** The record of the claims files in `claimsDir` made by the engine of `fingerprint`; `whole`: the run sees every page. */
  static open(cacheDir: string, fingerprint: string, claimsDir: string, whole: boolean): WrittenFiles {
    const dir = resolve(claimsDir);
    return new WrittenFiles(resolve(cacheDir), `claims-files-${fingerprint.slice(0, 16)}-${sha256(dir).slice(0, 16)}.json`, dir, whole);
  }

  get file(): string {
    return join(this.cacheDir, this.name);
  }

  /** Whether `name` holds what the page at `path` with this hash makes: recorded, unchanged and settled. */
  current(name: string, path: string, pageSha: string): boolean {
    const line = this.known.get(name);
    const e = line === undefined ? undefined : entryOf(line);
    if (!e || e[0] !== name || e[1] !== path || e[2] !== pageSha) return false;
    if (!unchangedSince({ size: e[3], mtimeMs: e[4], ctimeMs: e[5], ino: e[6] }, e[7], fileStat(join(this.dir, name)))) return false;
    this.keep(name, line!);
    return true;
  }

  /** `name` was just written (or found to hold the page's claims already): its stat, taken `at`, is recorded. */
  note(name: string, path: string, pageSha: string, at = Date.now()): void {
    const st = fileStat(join(this.dir, name));
    if (st) this.keep(name, JSON.stringify([name, path, pageSha, st.size, st.mtimeMs, st.ctimeMs, st.ino, at] satisfies Entry));
  }

  private keep(name: string, line: string): void {
    if (!this.seen)
      try {
        this.seen = new SpillFile();
      } catch {
        this.seen = [];
      }
    // A spill file stores JSON values: the line goes in as a string, and comes back as the same.
    this.seen.push(line);
    this.seenNames?.add(name);
  }

  /**
   * Other records that no run will read: another engine's (as the cache removes its files of other
   * engines), and those of claims directories that no longer exist (temporary ones, say).
   */
  private removeStale(): void {
    const [, engine] = NAME.exec(this.name)!;
    for (const other of readdirSync(this.cacheDir)) {
      const m = NAME.exec(other);
      if (!m || other === this.name) continue;
      const file = join(this.cacheDir, other);
      if (m[1] !== engine || !dirExists(recordDir(file))) rmSync(file, { force: true });
    }
  }

  /**
   * Writes the record: this run's entries and, for a run over some of the pages, the earlier
   * entries of the others; then removes the stale records (removeStale). A record that cannot be
   * written only costs the next run the rendering.
   */
  save(): void {
    const seen = this.seen;
    const count = seen === undefined ? 0 : seen.length;
    const lineAt = (i: number): string => (Array.isArray(seen) ? seen[i] : (seen!.get<string>(i)));
    const known = this.known;
    const names = this.seenNames;
    const dir = this.dir;
    function* lines(): Generator<string> {
      yield `${JSON.stringify({ format: FORMAT, dir })}\n`;
      for (let i = 0; i < count; i++) yield `${lineAt(i)}\n`;
      if (names) for (const [name, line] of known) if (!names.has(name)) yield `${line}\n`;
    }
    try {
      mkdirSync(this.cacheDir, { recursive: true });
      writeFileAtomic(this.file, lines(), { durable: false });
      this.removeStale();
    } catch {
      // ignored: the next run renders and compares the files
    } finally {
      if (seen && !Array.isArray(seen)) seen.close();
      this.seen = undefined;
    }
  }
}

/** The claims directory a record of this format is about (from its first line), or undefined. */
function recordDir(file: string): string | undefined {
  try {
    return dirOf(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The directory named by a record's header line, if it is a header of this format. */
function dirOf(text: string): string | undefined {
  const end = text.indexOf('\n');
  try {
    const head = JSON.parse(end === -1 ? text : text.slice(0, end)) as { format?: unknown; dir?: unknown } | null;
    return head?.format === FORMAT && typeof head.dir === 'string' ? head.dir : undefined;
  } catch {
    return undefined;
  }
}

function dirExists(dir: string | undefined): boolean {
  try {
    return dir !== undefined && statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** A record's line as an entry, or undefined if it is not one. */
function entryOf(line: string): Entry | undefined {
  let e: unknown;
  try {
    e = JSON.parse(line);
  } catch {
    return undefined;
  }
  const ok = Array.isArray(e) && e.length === 8 && typeof e[0] === 'string' && typeof e[1] === 'string' && typeof e[2] === 'string' && e.slice(3).every((n) => typeof n === 'number' && Number.isFinite(n));
  return ok ? (e as Entry) : undefined;
}

/** The record's lines by file name, or none if it is missing, damaged or about another directory. */
function load(file: string, dir: string): Map<string, string> {
  const out = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return out;
  }
  if (dirOf(text) !== dir) return out;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const e = lines[i] ? entryOf(lines[i]) : undefined;
    if (e) out.set(e[0], lines[i]);
  }
  return out;
}
