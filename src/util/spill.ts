/**
 * Values kept on disk instead of in memory, as JSON lines in a temporary file: what lets a run
 * over a large corpus hold only the findings, not every claim of every page (the claims of
 * 50,000 pages are 400 MB of heap).
 *
 * The file is unlinked as soon as it is opened: it lives as long as its descriptor, and a run
 * that is killed leaves nothing behind. Lines are written in 1 MB batches and read back through a
 * 1 MB window, so reading them in order (what every report does) costs one read per megabyte.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lazyArray } from './lazy.js';

const BATCH = 1 << 20;
const WINDOW = 1 << 20;

/**
 * What another thread of the process needs to read a spill file: its descriptor (threads share
 * the process's descriptors) and where its lines start. The file must stay open meanwhile.
 */
export interface SpillParts {
  fd: number;
  starts: Float64Array<ArrayBuffer>;
  count: number;
  written: number;
}

export class SpillFile {
  private fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;
  /** Start of each line in the file; the end of the last line is `written`. */
  private starts = new Float64Array(1024);
  private count = 0;
  private window = Buffer.alloc(0);
  private windowAt = 0;
  /** Made by reader(): read only, and the descriptor is not this object's to close. */
  private borrowed = false;

  constructor(parts?: SpillParts) {
    if (parts) {
      this.fd = parts.fd;
      this.starts = parts.starts;
      this.count = parts.count;
      this.written = parts.written;
      this.borrowed = true;
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-spill-'));
    const file = join(dir, 'spill.jsonl');
    this.fd = openSync(file, 'w+');
    rmSync(dir, { recursive: true, force: true });
  }

  /** What another thread needs to read the lines written so far (SpillFile.reader). */
  parts(): SpillParts {
    this.flush();
    return { fd: this.fd, starts: this.starts.slice(0, this.count), count: this.count, written: this.written };
  }

  /** A read-only view, in this thread, of a spill file another thread wrote. */
  static reader(parts: SpillParts): SpillFile {
    return new SpillFile(parts);
  }

  get length(): number {
    return this.count;
  }

  /** Appends one value; returns its index. */
  push(value: unknown): number {
    if (this.borrowed) throw new TypeError('a spill file read from another thread is read-only');
    const line = JSON.stringify(value);
    if (this.count === this.starts.length) {
      const grown = new Float64Array(Math.ceil(this.starts.length * 1.5));
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count] = this.written + this.pendingBytes;
    const bytes = Buffer.byteLength(line) + 1;
    this.pending.push(line);
    this.pendingBytes += bytes;
    if (this.pendingBytes >= BATCH) this.flush();
    return this.count++;
  }

  private flush(): void {
    if (!this.pending.length) return;
    const buffer = Buffer.from(`${this.pending.join('\n')}\n`);
    let done = 0;
    while (done < buffer.length) done += writeSync(this.fd, buffer, done, buffer.length - done, this.written + done);
    this.written += buffer.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The value at `index`, parsed anew at each call. */
  get<T>(index: number): T {
    return JSON.parse(this.json(index)) as T;
  }

  /** The JSON of the value at `index`, as JSON.stringify wrote it (a writer can copy it as it is). */
  json(index: number): string {
    if (index < 0 || index >= this.count) throw new RangeError(`spill index ${index} out of range (${this.count})`);
    this.flush();
    const start = this.starts[index];
    const end = (index + 1 < this.count ? this.starts[index + 1] : this.written) - 1;
    if (start < this.windowAt || end > this.windowAt + this.window.length) this.load(start, end - start);
    return this.window.toString('utf8', start - this.windowAt, end - this.windowAt);
  }

  private load(at: number, atLeast: number): void {
    const size = Math.max(WINDOW, atLeast);
    if (this.window.length < size) this.window = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < atLeast) {
      const n = readSync(this.fd, this.window, got, size - got, at + got);
      if (n === 0) break;
      got += n;
    }
    this.window = this.window.subarray(0, got);
    this.windowAt = at;
  }

  close(): void {
    if (this.fd < 0 || this.borrowed) return;
    closeSync(this.fd);
    this.fd = -1;
  }
}

/** The JSON of each item of an array spilledArray made, by index. */
const jsonOfItems = new WeakMap<object, (index: number) => string>();

/**
 * For an array from spilledArray: its items' JSON as stored (JSON.stringify of each), by index;
 * undefined for any other array. A report that writes items whole copies them, not parsing them
 * only to write them again.
 */
export function spilledJson(array: unknown): ((index: number) => string) | undefined {
  return typeof array === 'object' && array !== null ? jsonOfItems.get(array) : undefined;
}

/**
 * A read-only array whose items live in a spill file, in the order `order` gives (indices into
 * the file): reports read it like any array, each item parsed when it is read.
 */
export function spilledArray<T>(spill: SpillFile, order: ArrayLike<number>): T[] {
  const array = lazyArray<T>(order.length, (i) => spill.get<T>(order[i]));
  jsonOfItems.set(array, (i) => spill.json(order[i]));
  return array;
}
