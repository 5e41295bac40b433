/**
 * A second thread for the reports. Once the sources are checked, the worker threads are done and
 * the main thread wrote every report alone: a 10,000-page corpus's five reports are 530 MB, seven
 * seconds on one core while the other waited. Now a report thread renders some formats while the
 * main thread renders the rest. It reads the same findings and claims (packed in shared memory,
 * or in the spill file through the same descriptor: src/util/shared-array.ts), loads the same
 * reference, reads page texts from disk as the main thread does, and writes temporary files that
 * the main thread renames into place with its own (src/cli/output.ts). The bytes are the same as
 * when one thread writes everything (tests/report-thread.test.ts).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Report } from './model.js';
import type { BaselineComparison } from './baseline.js';
import type { SourceResult } from '../pipeline.js';
import { fingerprinted } from '../check/fingerprint.js';
import { PageOnDisk } from '../source/read-later.js';
import { arrayForm } from '../util/shared-array.js';
import type { ReportThreadData, ReportThreadOutcome } from './thread-worker.js';

const ENTRY = new URL('./report-thread.mjs', import.meta.url);

/**
 * The formats the report thread renders: the two that balance the others. Measured at 10,000 pages
 * (seconds from the report stage's start): the thread's start 0.3, then sarif 3.2 and rdjson 1.4,
 * done at 4.9; the main thread's json, html and markdown done at 5.2.
 */
export const THREAD_FORMATS: ReadonlySet<string> = new Set(['sarif', 'rdjson']);

/** From this many findings on, the report thread is worth its start (some 300 ms). */
export const REPORT_THREAD_MIN = 10_000;

/**
 * Past this many pages, one thread writes every report: memory comes before speed. The report
 * thread holds its own copy of the list of pages and a heap of its own, some 3 KB a page (about
 * 150 MB at 50,000 pages, which would take that run's peak past 512 MB).
 */
export const REPORT_THREAD_MAX_PAGES = 25_000;

/** A report thread that has gone this long without writing anything is taken for dead. */
const STALL_MS = 300_000;

export interface ReportThread {
  /** Whether this format is the thread's to write. */
  takes(format: string): boolean;
  /** Waits for the thread's outcome (its temporary files, or why it failed); ends the thread. */
  finish(): ReportThreadOutcome;
}

/**
 * Starts a report thread for these formats, or returns undefined when the report cannot be shared
 * (findings or claims held as plain arrays, pages whose text is in memory): one thread then writes all.
 */
export function startReportThread(
  report: Report,
  results: readonly SourceResult[],
  referencePath: string,
  baseline: BaselineComparison | undefined,
  jobs: Array<{ format: string; path: string }>,
): ReportThread | undefined {
  const findings = arrayForm(report.findings);
  const claims = arrayForm(report.claims);
  if (!findings || !claims || !jobs.length) return undefined;
  const pages: ReportThreadData['pages'] = { paths: [], sha256: [] };
  for (const r of results) {
    if (!r.doc) continue;
    if (!(r.doc instanceof PageOnDisk)) return undefined;
    pages.paths.push(r.doc.path);
    pages.sha256.push(r.doc.sha256);
  }
  const { findings: _f, claims: _c, ...rest } = report;
  const state = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const data: ReportThreadData = {
    port: port2,
    state,
    referencePath,
    report: rest,
    keys: Object.keys(report),
    findings,
    claims,
    fingerprinted: fingerprinted.has(report.findings),
    pages,
    baseline,
    jobs,
  };
  let worker: Worker;
  try {
    worker = new Worker(ENTRY, { workerData: data, transferList: [port2], stdout: false, stderr: false });
  } catch {
    // Something in the report could not be copied to the thread: one thread writes all.
    port1.close();
    return undefined;
  }
  worker.unref();
  worker.on('error', () => {}); // told through the port
  const names = new Set(jobs.map((j) => j.format));
  return {
    takes: (format) => names.has(format),
    finish: () => {
      try {
        return waitFor(state, port1);
      } finally {
        port1.close();
        void worker.terminate();
      }
    },
  };
}

function waitFor(state: Int32Array, port: MessagePort): ReportThreadOutcome {
  let progress = Atomics.load(state, 1);
  let last = Date.now();
  while (Atomics.load(state, 0) === 0) {
    Atomics.wait(state, 0, 0, 1000);
    const now = Atomics.load(state, 1);
    if (now !== progress) {
      progress = now;
      last = Date.now();
    } else if (Date.now() - last > STALL_MS) return { ok: false, message: 'the report thread stalled' };
  }
  return (receiveMessageOnPort(port)?.message as ReportThreadOutcome | undefined) ?? { ok: false, message: 'the report thread ended without an outcome' };
}
