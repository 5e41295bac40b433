/**
 * A page's text read from disk only when a report shows it, and checked then against the hash its
 * claims were made from: pages the cache knew unchanged, and pages whose text a streaming run let go.
 */
import { readFileSync } from 'node:fs';
import type { SourceResult } from '../pipeline.js';
import type { SourceDocument } from '../types.js';
import { decode } from './decode.js';
import { sha256 } from '../util/hash.js';

/**
 * A page known unchanged by its stat has not been read: its text is read when a report first
 * shows it (most pages of a large corpus never are, in a --changed-since run), and checked
 * against the hash its claims were made from.
 */
export function withTextReadLater(result: SourceResult, file: string): SourceResult {
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

/**
 * What a streaming run keeps of a page once it is checked: where it is and its hash, its text read
 * again (and checked against the hash) only if a report shows it. One class, so that 50,000 pages
 * share one shape and one getter: an accessor defined on each page's own object (as above) turns
 * it into a dictionary, some 600 bytes a page for the whole run.
 */
export class PageOnDisk implements SourceDocument {
  readonly id: string;
  readonly path: string;
  readonly bodyOffset: number;
  readonly meta: SourceDocument['meta'];
  readonly sha256: string;

  constructor(doc: SourceDocument) {
    this.id = doc.id;
    this.path = doc.path;
    this.bodyOffset = doc.bodyOffset;
    this.meta = doc.meta;
    this.sha256 = doc.sha256;
  }

  get text(): string {
    return pageText(this.path, this.sha256);
  }
}

/** A checked source as a streaming run keeps it for its reports: the page on disk, no claims. */
export function keptForReports(result: SourceResult): SourceResult {
  return result.doc ? { doc: new PageOnDisk(result.doc), claims: [] } : { problem: result.problem, claims: [] };
}

/** A page's text read from disk, checked against the hash its claims were made from ('' if it changed). */
export function pageText(path: string, sha: string): string {
  return readChecked(path, sha, path);
}

/**
 * A page's bytes read from disk (`file`), checked against the hash its claims were made from;
 * undefined (and told, under the page's `path`) if it changed. pageTextOf makes them its text.
 */
export function pageBytes(file: string, sha: string, path = file): Buffer | undefined {
  try {
    const bytes = readFileSync(file);
    // Bytes with the hash of a page that was read are bytes that decoded.
    if (sha256(bytes) === sha) return bytes;
  } catch {
    // reported below
  }
  process.stderr.write(`claimlint: ${path} changed while it was being checked; the reports quote no lines from it\n`);
  return undefined;
}

/** The text of bytes pageBytes checked. */
export function pageTextOf(bytes: Buffer): string {
  const decoded = decode(bytes);
  return decoded.ok ? decoded.text : '';
}

function readChecked(file: string, sha: string, path: string): string {
  const bytes = pageBytes(file, sha, path);
  return bytes ? pageTextOf(bytes) : '';
}
