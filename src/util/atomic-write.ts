import { mkdirSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';

let counter = 0;

/**
 * Writes a file whole or not at all: the content goes to a temporary file in
 * the same directory, is flushed, and is then renamed over the target. A run
 * killed at any point leaves either the previous file or the new one.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  // Unique per process, thread and call: concurrent writers never share a temporary file.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${threadId}.${++counter}.tmp`);
  try {
    writeFileSync(tmp, content);
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
