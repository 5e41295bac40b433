/**
 * A second thread for the reports. Once the sources are checked, the worker threads are done and
 * the main thread wrote every report alone: a 10,000-page corpus's five reports are 530 MB, seven
 * seconds on one core while the other waited. Now a report thread renders some formats while the
 * main thread renders the rest. It is started as soon as the sources are in (prepareReportThread),
 * so that it starts up, loads the same reference and reads the pages the reports quote while the
 * main thread still runs the corpus rules and the gate. Then it reads the same findings and claims
 * (packed in shared memory, or in the spill file through the same descriptor:
 * src/util/shared-array.ts) and writes temporary files that the main thread renames into place
 * with its own (src/cli/output.ts). The bytes are the same as when one thread writes everything
 * (tests/report-thread.test.ts).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Report } from './model.js';
import type { BaselineComparison } from './baseline.js';
import type { SourceResult } from '../pipeline.js';
import { fingerprinted } from '../check/fingerprint.js';
import { PageOnDisk } from '../source/read-later.js';
import { arrayForm } from '../util/shared-array.js';
import { READ_AHEAD_BYTES, type ReportThreadOutcome, type ReportThreadSetup, type ReportThreadWork } from './thread-worker.js';

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

/** A report thread started ahead of its report (prepareReportThread): it reads what it can meanwhile. */
export interface PreparedReportThread {
  /**
   * Hands the report over, with the formats to write and where; undefined when the report cannot
   * be shared (findings or claims held as plain arrays) or the thread was ended, and the thread is
   * then ended: one thread writes all.
   */
  start(report: Report, baseline: BaselineComparison | undefined, jobs: ReportJob[]): ReportThread | undefined;
  /** Ends a thread that will not be given a report. */
  cancel(): void;
}

/** A format the report thread writes, and the file it goes to. */
export type ReportJob = { format: string; path: string };

/**
 * Starts a report thread before the report is made: while the main thread runs the corpus rules
 * and the gate (a second and more at 10,000 pages, on one core), the report thread starts, loads
 * the reference and reads the pages the reports quote. Undefined when the pages' texts are in
 * memory (nothing on disk to read): one thread then writes all.
 */
export function prepareReportThread(results: readonly SourceResult[], referencePath: string, readAhead = READ_AHEAD_BYTES): PreparedReportThread | undefined {
  const pages: ReportThreadSetup['pages'] = { paths: [], sha256: [] };
  for (const r of results) {
    if (!r.doc) continue;
    if (!(r.doc instanceof PageOnDisk)) return undefined;
    pages.paths.push(r.doc.path);
    pages.sha256.push(r.doc.sha256);
  }
  const state = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const setup: ReportThreadSetup = { port: port2, state, referencePath, pages, readAhead };
  let worker: Worker;
  try {
    worker = new Worker(ENTRY, { workerData: setup, transferList: [port2], stdout: false, stderr: false });
  } catch {
    port1.close();
    return undefined;
  }
  worker.unref();
  worker.on('error', () => {}); // told through the port
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    port1.close();
    void worker.terminate();
  };
  return {
    start(report, baseline, jobs) {
      const findings = arrayForm(report.findings);
      const claims = arrayForm(report.claims);
      if (ended || !findings || !claims || !jobs.length) {
        end();
        return undefined;
      }
      const { findings: _f, claims: _c, ...rest } = report;
      const work: ReportThreadWork = { report: rest, keys: Object.keys(report), findings, claims, fingerprinted: fingerprinted.has(report.findings), baseline, jobs };
      try {
        port1.postMessage(work);
      } catch {
        // Something in the report could not be copied to the thread: one thread writes all.
        end();
        return undefined;
      }
      const names = new Set(jobs.map((j) => j.format));
      return {
        takes: (format) => names.has(format),
        finish: () => {
          try {
            return waitFor(state, port1);
          } finally {
            end();
          }
        },
      };
    },
    cancel: end,
  };
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
  jobs: ReportJob[],
): ReportThread | undefined {
  if (!arrayForm(report.findings) || !arrayForm(report.claims) || !jobs.length) return undefined;
  return prepareReportThread(results, referencePath)?.start(report, baseline, jobs);
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
