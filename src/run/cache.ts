/**
 * Incremental cache (like ESLint's --cache): the result of each source, keyed by the engine
 * fingerprint (tool version, code, vocabularies, reference), the source's path and the SHA-256
 * of its bytes. An entry is used only if it parses, has the expected shape and repeats the
 * path and hash it is filed under; anything else is ignored and rewritten.
 *
 * One file per engine fingerprint, `claimlint-<fingerprint>.jsonl`: a header line, then one line
 * per source result, `<meta JSON>\t<corpus view JSON>\t<result JSON>`, appended as results are made (a later line
 * for the same path replaces an earlier one; the file is rewritten without the replaced lines
 * when they outnumber the live ones). A page whose content is unchanged but whose stat is not
 * (touched, or checked out afresh, as in every CI job with a restored cache) gets a line of its
 * meta alone, `<meta JSON>\t=`: the same result as the line before it for that path and hash.
 * One file read instead of one per source, and the result JSON is parsed only for the sources a
 * run asks for: a 10,000-page corpus loads in a third of the time of 10,000 entry files.
 *
 * Like git's index (and ESLint's default cache strategy), the file's size, mtime, ctime and
 * inode recorded with an entry stand for its content hash while they are unchanged, so a
 * warm run need not read unchanged pages at all; their text is read when a report shows it.
 * A stat is trusted only when it is at least SETTLED_MS older than the moment it was taken,
 * so a page edited within the same timestamp tick as the read is never mistaken for
 * unchanged ("racily clean" in git). `--cache-strategy content` always reads and hashes.
 */
import { appendFileSync, closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine, SourceResult } from '../pipeline.js';
import type { Claim, SourceDocument } from '../types.js';
import { readByCorpusRules } from '../check/index.js';
import { engineFingerprint } from './fingerprint.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export const DEFAULT_CACHE_LOCATION = '.claimlint-cache';
export const CACHE_STRATEGIES = ['metadata', 'content'] as const;
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number];
const FORMAT = 5;
/** A stat younger than this, when taken, might not show a write in the same timestamp tick. */
export const SETTLED_MS = 2000;

/** What a file's stat says about it; equal stats stand for equal content once settled. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

interface Meta extends FileStat {
  path: string;
  sha256: string;
  /** When the stat was taken (ms since the epoch), before the file was read. */
  at: number;
}

interface Line {
  meta: Meta;
  /**
   * Where the rest of the line is in the file (bytes): `<view JSON>\t<result JSON>`, read and
   * parsed when asked for. The view is the source's corpus view: its claims that corpus rules
   * read (a run that reports some pages needs no more of the others).
   */
  offset: number;
  length: number;
  viewLength: number;
  /**
   * The view, parsed during the scan when the run asked for views (see viewsFor): its JSON string
   * dies young instead of being kept (and copied by every garbage collection) until its turn.
   * `null`: the JSON did not parse.
   */
  view?: unknown;
}

/** A source's corpus view, as the cache stores it. */
interface View {
  doc: Omit<SourceDocument, 'text'>;
  claims: Claim[];
  claimCount: number;
  suppressions?: SourceResult['suppressions'];
}

/** Pending appends are written once they reach this size, so a cold run never holds them all. */
const APPEND_CHUNK = 4 << 20;

/**
 * Whether a file whose stat was `recorded` at `at` still holds what it held then: its stat now is
 * the same, and was already SETTLED_MS old when recorded (a write in the same timestamp tick as
 * the record could otherwise hide behind an unchanged stat).
 */
export function unchangedSince(recorded: FileStat, at: number, now: FileStat | undefined): boolean {
  if (!now) return false;
  const same = now.size === recorded.size && now.mtimeMs === recorded.mtimeMs && now.ctimeMs === recorded.ctimeMs && now.ino === recorded.ino;
  return same && now.mtimeMs < at - SETTLED_MS && now.ctimeMs < at - SETTLED_MS;
}

export function fileStat(path: string): FileStat | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino } : undefined;
  } catch {
    return undefined;
  }
}

export class SourceCache {
  hits = 0;
  misses = 0;
  rejected = 0;
  private lines: Map<string, Line> | undefined;
  private fd: number | undefined;
  /** Lines in the file (replaced ones included): decides when to rewrite it. */
  private written = 0;
  /** Meta-only lines (restat) in the file: small, they count a tenth of a line each towards a rewrite. */
  private restated = 0;
  private pending: string[] = [];
  private pendingSize = 0;
  /** How many of the pending lines are meta-only (restat). */
  private pendingRestats = 0;
  /** The file ends with a line end (a run killed while appending leaves a partial line). */
  private tailClean = true;
  /** The file starts with this cache's header line. */
  private headed = false;
  private wantsView: ((path: string) => boolean) | undefined;

  constructor(
    readonly dir: string,
    readonly fingerprint: string,
    readonly strategy: CacheStrategy = 'metadata',
    /** Which claims a corpus view keeps (those some corpus rule reads). */
    private readonly corpusClaim: (claim: Claim) => boolean = readByCorpusRules,
  ) {}

  /**
   * Sources whose corpus view the run will ask for: their views are kept while the file is
   * scanned, instead of being read again one by one. Call before the first lookup.
   */
  viewsFor(paths: ((path: string) => boolean) | undefined): void {
    this.wantsView = paths;
  }

  get file(): string {
    return join(this.dir, `claimlint-${this.fingerprint.slice(0, 32)}.jsonl`);
  }

  private header(): string {
    return JSON.stringify({ format: FORMAT, fingerprint: this.fingerprint });
  }

  /**
   * Reads the file once, in chunks, keeping each line's meta and where its result is: a
   * 50,000-page cache is never in memory as a whole.
   */
  private load(): Map<string, Line> {
    if (this.lines) return this.lines;
    const lines = new Map<string, Line>();
    this.lines = lines;
    try {
      this.fd = openSync(this.file, 'r');
    } catch {
      return lines;
    }
    let buffer = Buffer.allocUnsafe(1 << 20);
    let filled = 0; // bytes of buffer in use
    let base = 0; // file offset of buffer[0]
    let first = true;
    let end = false;
    scan: while (!end) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const n = readSync(this.fd, buffer, filled, buffer.length - filled, base + filled);
      end = n === 0;
      filled += n;
      let at = 0;
      for (let nl; (nl = buffer.indexOf(0x0a, at)) !== -1 && nl < filled; at = nl + 1) {
        if (first) {
          first = false;
          if (buffer.toString('utf8', at, nl) !== this.header()) {
            // Another format or a damaged header: nothing in the file is trusted; it is rewritten.
            this.written = Infinity;
            break scan;
          }
          this.headed = true;
          continue;
        }
        this.readLine(buffer, at, nl, base, lines);
      }
      if (end) {
        if (first && filled > 0) this.written = Infinity; // a header without its line end
        else if (at < filled) {
          this.tailClean = false;
          this.rejected++;
        }
        break;
      }
      buffer.copy(buffer, 0, at, filled);
      base += at;
      filled -= at;
    }
    if (this.written + this.restated / 10 > 2 * lines.size + 64) this.compact(lines);
    return lines;
  }

  /**
   * Rewrites the file with its live lines only (once replaced lines outnumber them, or when it had
   * another format): done as it is loaded, before this run appends anything.
   */
  private compact(lines: Map<string, Line>): void {
    const out: string[] = [this.header() + '\n'];
    let offset = Buffer.byteLength(out[0]);
    const moved = new Map<string, Line>();
    for (const [path, line] of lines) {
      const raw = this.raw(line);
      if (raw === undefined) continue;
      const prefix = `${JSON.stringify(line.meta)}\t`;
      const length = Buffer.byteLength(raw);
      moved.set(path, { meta: line.meta, offset: offset + Buffer.byteLength(prefix), length, viewLength: line.viewLength });
      out.push(`${prefix}${raw}\n`);
      offset += Buffer.byteLength(prefix) + length + 1;
    }
    this.close();
    lines.clear();
    this.written = 0;
    this.restated = 0;
    this.tailClean = true;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(this.file, out);
      this.headed = true;
      this.fd = openSync(this.file, 'r');
      for (const [path, line] of moved) lines.set(path, line);
      this.written = moved.size;
      this.removeOthers();
    } catch {
      // Not rewritten: the run goes on without the cache's old entries.
    }
  }

  private readLine(buffer: Buffer, start: number, end: number, base: number, lines: Map<string, Line>): void {
    if (end === start) return;
    const tab = buffer.indexOf(0x09, start);
    // `<meta>\t=`: a new stat for the line before it (same path and hash), whose result it keeps.
    const restat = tab > start && end === tab + 2 && buffer[tab + 1] === 0x3d;
    if (restat) this.restated++;
    else this.written++;
    let meta: Meta | undefined;
    try {
      meta = tab > start && tab < end ? (JSON.parse(buffer.toString('utf8', start, tab)) as Meta) : undefined;
    } catch {
      meta = undefined;
    }
    if (!meta || typeof meta.path !== 'string' || typeof meta.sha256 !== 'string' || typeof meta.size !== 'number') {
      this.rejected++;
      return;
    }
    if (restat) {
      const before = lines.get(meta.path);
      if (before && before.length > 0 && before.meta.sha256 === meta.sha256) lines.set(meta.path, { ...before, meta });
      else {
        // Nothing (whole) to keep: another run filed other content for the path in between, or the line was damaged.
        lines.delete(meta.path);
        this.rejected++;
      }
      return;
    }
    const second = buffer.indexOf(0x09, tab + 1);
    if (second === -1 || second >= end) {
      this.rejected++;
      return;
    }
    const line: Line = { meta, offset: base + tab + 1, length: end - tab - 1, viewLength: second - tab - 1 };
    if (this.wantsView?.(meta.path)) {
      try {
        line.view = JSON.parse(buffer.toString('utf8', tab + 1, second));
      } catch {
        line.view = null;
      }
    }
    lines.set(meta.path, line);
  }

  /**
   * The content hash of a file whose stat matches the one recorded with its entry, taken long
   * enough before it was recorded; undefined otherwise (the file must be read and hashed).
   */
  trustedHash(path: string, stat: FileStat | undefined): string | undefined {
    if (this.strategy !== 'metadata' || !stat) return undefined;
    const line = this.load().get(path);
    if (!line) return undefined;
    return unchangedSince(line.meta, line.meta.at, stat) ? line.meta.sha256 : undefined;
  }

  /** The rest of a line (both parts), or only its view or its result. */
  private raw(line: Line, part?: 'view' | 'result'): string | undefined {
    if (this.fd === undefined || line.length <= 0) return undefined;
    const start = part === 'result' ? line.offset + line.viewLength + 1 : line.offset;
    const length = part === 'view' ? line.viewLength : part === 'result' ? line.length - line.viewLength - 1 : line.length;
    const buffer = Buffer.allocUnsafe(length);
    try {
      return readSync(this.fd, buffer, 0, length, start) === length ? buffer.toString('utf8') : undefined;
    } catch {
      return undefined;
    }
  }

  /** Whether any entry is filed for this path, whatever its content. */
  filed(path: string): boolean {
    return this.load().has(path);
  }

  /** Whether an entry is filed for this path and content (get() may still find it corrupt). */
  has(path: string, contentSha: string): boolean {
    const line = this.load().get(path);
    return Boolean(line && line.length > 0 && line.meta.sha256 === contentSha);
  }

  /**
   * The cached result for this display path and content, or undefined (missing, stale, corrupt).
   * `view`: only the source's corpus view (claimCount set, claims those corpus rules read).
   */
  get(path: string, contentSha: string, view = false): SourceResult | undefined {
    const line = this.load().get(path);
    if (!line || line.meta.sha256 !== contentSha) {
      this.misses++;
      return undefined;
    }
    let r: SourceResult | undefined;
    const kept = view ? line.view : undefined;
    line.view = undefined;
    try {
      // A view that did not parse (null) fails the checks below like any corrupt entry.
      r = (kept !== undefined ? kept : JSON.parse(this.raw(line, view ? 'view' : 'result') ?? '')) as SourceResult | undefined;
    } catch {
      r = undefined;
    }
    const ok =
      (!view || (typeof r?.claimCount === 'number' && r.claimCount >= r.claims?.length)) &&
      r &&
      typeof r === 'object' &&
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
    // Corrupt or forged: dropped, so that the result made now replaces it.
    this.lines!.delete(path);
    this.rejected++;
    this.misses++;
    return undefined;
  }

  /**
   * Files a readable source's result with the stat taken before the file was read (unreadable
   * files are cheap to re-check and are not cached).
   */
  set(result: SourceResult, stat: FileStat | undefined, at: number): void {
    const doc = result.doc;
    if (!doc || !stat) return;
    const { text: _text, ...rest } = doc;
    // Corpus rules never read a claim's sentence: a view goes without (a third of its size).
    const claims = result.claims.filter(this.corpusClaim).map(({ sentence: _sentence, ...claim }) => claim);
    const view: View = { doc: rest, claims: claims as Claim[], claimCount: result.claims.length, ...(result.suppressions ? { suppressions: result.suppressions } : {}) };
    this.append(doc.path, { path: doc.path, sha256: doc.sha256, ...stat, at }, `${JSON.stringify(view)}\t${JSON.stringify({ ...result, doc: rest })}`);
  }

  /**
   * The entry of a path is right but its stat is not (the page was touched or checked out): refiles
   * it under the new stat, with a line of its meta alone (the result stays where it is in the file).
   */
  restat(path: string, stat: FileStat | undefined, at: number): void {
    const lines = this.load();
    const line = lines.get(path);
    if (!line || !stat || line.length <= 0) return;
    const meta = { ...line.meta, ...stat, at };
    lines.set(path, { ...line, meta });
    this.queue(`${JSON.stringify(meta)}\t=\n`, true);
  }

  private append(path: string, meta: Meta, raw: string): void {
    // Later lines replace earlier ones; this run needs only the meta from now on.
    this.load().set(path, { meta, offset: 0, length: 0, viewLength: 0 });
    this.queue(`${JSON.stringify(meta)}\t${raw}\n`, false);
  }

  private queue(line: string, restat: boolean): void {
    this.pending.push(line);
    this.pendingRestats += restat ? 1 : 0;
    this.pendingSize += line.length;
    if (this.pendingSize >= APPEND_CHUNK) this.flush();
  }

  /** Appends what set() and restat() filed. A cache that cannot be written only costs speed. */
  flush(): void {
    if (!this.pending.length) return;
    this.load();
    try {
      mkdirSync(this.dir, { recursive: true });
      let prefix = '';
      if (!this.headed) {
        // No file when this run looked: the header goes first, written only by whichever of
        // two concurrent runs creates the file (the other appends after it).
        try {
          writeFileSync(this.file, this.header() + '\n', { flag: 'wx' });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          if (statSync(this.file).size === 0) prefix = this.header() + '\n';
        }
        this.removeOthers();
      } else if (!this.tailClean) prefix = '\n';
      appendFileSync(this.file, prefix + this.pending.join(''));
      this.tailClean = true;
      this.headed = true;
      this.written += this.pending.length - this.pendingRestats;
      this.restated += this.pendingRestats;
    } catch {
      // ignored: the next run recomputes what is missing
    }
    this.pending = [];
    this.pendingSize = 0;
    this.pendingRestats = 0;
  }

  /** Lets the file go (what is pending is written by flush()). */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Cache files of other engine fingerprints (an older claimlint, another reference) are dead weight. */
  private removeOthers(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    const mine = this.file.slice(this.dir.length + 1);
    for (const name of names) if (/^claimlint-[0-9a-f]+\.jsonl$/.test(name) && name !== mine) rmSync(join(this.dir, name), { force: true });
  }
}

/** The cache in `dir` for this engine, or undefined when `dir` is undefined (--no-cache). */
export function cacheAt(dir: string | undefined, engine: Engine, defaultLanguage?: string, strategy: CacheStrategy = 'metadata'): SourceCache | undefined {
  return dir === undefined ? undefined : new SourceCache(dir, engineFingerprint(engine, defaultLanguage), strategy);
}
