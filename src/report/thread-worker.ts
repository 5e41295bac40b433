/**
 * The report thread's side (src/report/thread.ts). Started while the main thread is still making
 * the report, it loads the reference and reads the pages ahead; then it reads the report the main
 * thread made (the findings and claims from where they are kept, shared, not copied), renders the
 * formats it is given to temporary files, and tells the main thread their names; the main thread
 * renames them into place with its own, all or none.
 */
import { rmSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import type { Report } from './model.js';
import type { BaselineComparison } from './baseline.js';
import { findFormat } from './formats.js';
import type { SourceTexts } from './source-text.js';
import { loadReference, type Reference } from '../reference/load.js';
import { fingerprinted } from '../check/fingerprint.js';
import { pageBytes, pageText, pageTextOf } from '../source/read-later.js';
import { arrayFrom, type ArrayForm } from '../util/shared-array.js';
import { writeTemporary } from '../util/atomic-write.js';
import { TIMINGS_ON } from '../run/timing.js';

/** What the report thread is started with, before the report is made (src/report/thread.ts). */
export interface ReportThreadSetup {
  port: MessagePort;
  /** [0] 1 once the outcome is posted, [1] progress (bumped as chunks are written). */
  state: Int32Array;
  referencePath: string;
  /** The pages whose text the reports may quote, as kept on disk: their paths and hashes. */
  pages: { paths: string[]; sha256: string[] };
  /** Bytes of page text read ahead and kept (READ_AHEAD_BYTES). */
  readAhead: number;
}

/** The report, posted once the main thread has made it. */
export interface ReportThreadWork {
  /** The report without its findings and claims, which `findings` and `claims` describe. */
  report: Omit<Report, 'findings' | 'claims'>;
  /** The report's keys in order (the findings and claims among them). */
  keys: string[];
  findings: ArrayForm;
  claims: ArrayForm;
  /** Whether every finding carries its fingerprint (src/check/fingerprint.ts). */
  fingerprinted: boolean;
  baseline?: BaselineComparison;
  /** Format names and the files they go to. */
  jobs: Array<{ format: string; path: string }>;
}

export type ReportThreadOutcome =
  | {
      ok: true;
      /** Each job's outcome, in the jobs' order: its temporary file, or why the format was left out. */
      done: Array<{ format: string; path: string } & ({ tmp: string } | { dropped: string })>;
      /** The thread's heap once its reports are written (with CLAIMLINT_TIMINGS), bytes. */
      heap?: { used: number; total: number };
    }
  | { ok: false; message: string; code?: string };

/** Chunks between two progress signals. */
const PROGRESS_EVERY = 4096;

/**
 * Bytes of page text read ahead and kept. Both of the thread's formats quote the pages, one after
 * the other: read from disk and checked against their hash once, not twice. Kept as bytes, not
 * text, at most 16 MB beside a run that can have 25,000 pages (REPORT_THREAD_MAX_PAGES): as text
 * (two bytes a character where a page has a dash or a curly quote), 16 M characters took the peak
 * of 25,000 generated pages from 430 to 480 MB. The pages past it are read when quoted.
 */
export const READ_AHEAD_BYTES = 16 * 1024 * 1024;

/**
 * The thread's start, while the main thread is still making the report: the reference is loaded
 * and the pages read; the report is served when it comes.
 */
export function prepareReport(setup: ReportThreadSetup): void {
  let loaded: Loaded;
  try {
    loaded = { ref: loadReference(setup.referencePath) };
  } catch (error) {
    loaded = { failure: error };
  }
  const texts = new PagesOnDisk(setup.pages, setup.readAhead);
  // The pages are now held by the texts: workerData lets go of its list (25,000 pages' worth).
  Object.assign(setup, { pages: undefined });
  setup.port.once('message', (work: ReportThreadWork) => serveReport(setup, work, loaded, texts));
}

/** The reference as the thread loaded it, or why it could not (told when the report comes). */
type Loaded = { ref: Reference } | { failure: unknown };

function serveReport(setup: ReportThreadSetup, work: ReportThreadWork, loaded: Loaded, texts: SourceTexts): void {
  const done: Extract<ReportThreadOutcome, { ok: true }>['done'] = [];
  let outcome: ReportThreadOutcome;
  try {
    if ('failure' in loaded) throw loaded.failure;
    const ref = loaded.ref;
    // The reference was read again here: it must be the one the findings were checked against.
    if (ref.sha256 !== work.report.reference.sha256) throw new Error(`${setup.referencePath} changed while the run was writing its reports`);
    const findings = arrayFrom(work.findings);
    if (work.fingerprinted) fingerprinted.add(findings);
    const whole: Record<string, unknown> = {};
    for (const key of work.keys) whole[key] = key === 'findings' ? findings : key === 'claims' ? arrayFrom(work.claims) : (work.report as Record<string, unknown>)[key];
    const report = whole as unknown as Report;
    const ctx = { ref, tty: false, texts, baseline: work.baseline };
    for (const job of work.jobs) {
      const format = findFormat(job.format)!;
      let content: string | Iterable<string>;
      try {
        content = format.chunks ? progressing(format.chunks(report, ctx), setup.state) : format.render(report, ctx);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        done.push({ ...job, dropped: error.message });
        continue;
      }
      done.push({ ...job, tmp: writeTemporary(job.path, content) });
      bump(setup.state);
    }
    const stats = TIMINGS_ON ? getHeapStatistics() : undefined;
    outcome = { ok: true, done, ...(stats ? { heap: { used: stats.used_heap_size, total: stats.total_heap_size } } : {}) };
  } catch (error) {
    for (const d of done) if ('tmp' in d) rmSync(d.tmp, { force: true });
    outcome = { ok: false, message: (error as Error)?.message ?? String(error), code: (error as NodeJS.ErrnoException)?.code };
  }
  setup.port.postMessage(outcome);
  Atomics.store(setup.state, 0, 1);
  Atomics.notify(setup.state, 0);
}

/**
 * Each page's text, read from disk and checked against its hash: the first pages, in path order
 * (the reports' order), read ahead up to `budget` bytes and kept as bytes; any other read when a
 * report quotes it. The last text made is kept (a report quotes a page finding after finding).
 */
class PagesOnDisk implements SourceTexts {
  private readonly sha: Map<string, string>;
  /** The bytes read ahead, checked (undefined: the page changed, and was told). */
  private readonly kept = new Map<string, Buffer | undefined>();
  private last: { path: string; text: string | undefined } | undefined;

  constructor(pages: ReportThreadSetup['pages'], budget: number) {
    this.sha = new Map(pages.paths.map((path, i) => [path, pages.sha256[i]]));
    let bytes = 0;
    for (let i = 0; i < pages.paths.length && bytes < budget; i++) {
      const read = pageBytes(pages.paths[i], pages.sha256[i]);
      this.kept.set(pages.paths[i], read);
      bytes += read?.length ?? 0;
    }
  }

  get(path: string): string | undefined {
    if (this.last?.path !== path) {
      let text: string | undefined;
      if (this.kept.has(path)) {
        const bytes = this.kept.get(path);
        text = bytes ? pageTextOf(bytes) : '';
      } else {
        const hash = this.sha.get(path);
        text = hash === undefined ? undefined : pageText(path, hash);
      }
      this.last = { path, text };
    }
    return this.last.text;
  }
}

function* progressing(chunks: Iterable<string>, state: Int32Array): Generator<string> {
  let n = 0;
  for (const chunk of chunks) {
    yield chunk;
    if (++n % PROGRESS_EVERY === 0) bump(state);
  }
}

function bump(state: Int32Array): void {
  Atomics.add(state, 1, 1);
  Atomics.notify(state, 1);
}
