/**
 * The report thread's side (src/report/thread.ts): it reads the report the main thread made (the
 * findings and claims from where they are kept, shared, not copied), renders the formats it is
 * given to temporary files, and tells the main thread their names; the main thread renames them
 * into place with its own, all or none.
 */
import { rmSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import type { Report } from './model.js';
import type { BaselineComparison } from './baseline.js';
import { findFormat } from './formats.js';
import type { SourceTexts } from './source-text.js';
import { loadReference } from '../reference/load.js';
import { fingerprinted } from '../check/fingerprint.js';
import { pageText } from '../source/read-later.js';
import { arrayFrom, type ArrayForm } from '../util/shared-array.js';
import { writeTemporary } from '../util/atomic-write.js';
import { TIMINGS_ON } from '../run/timing.js';

export interface ReportThreadData {
  port: MessagePort;
  /** [0] 1 once the outcome is posted, [1] progress (bumped as chunks are written). */
  state: Int32Array;
  referencePath: string;
  /** The report without its findings and claims, which `findings` and `claims` describe. */
  report: Omit<Report, 'findings' | 'claims'>;
  /** The report's keys in order (the findings and claims among them). */
  keys: string[];
  findings: ArrayForm;
  claims: ArrayForm;
  /** Whether every finding carries its fingerprint (src/check/fingerprint.ts). */
  fingerprinted: boolean;
  /** The pages whose text the reports may quote, as kept on disk: their paths and hashes. */
  pages: { paths: string[]; sha256: string[] };
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

export function serveReport(data: ReportThreadData): void {
  const done: Extract<ReportThreadOutcome, { ok: true }>['done'] = [];
  let outcome: ReportThreadOutcome;
  try {
    const ref = loadReference(data.referencePath);
    // The reference is read again here: it must be the one the findings were checked against.
    if (ref.sha256 !== data.report.reference.sha256) throw new Error(`${data.referencePath} changed while the run was writing its reports`);
    const findings = arrayFrom(data.findings);
    if (data.fingerprinted) fingerprinted.add(findings);
    const whole: Record<string, unknown> = {};
    for (const key of data.keys) whole[key] = key === 'findings' ? findings : key === 'claims' ? arrayFrom(data.claims) : (data.report as Record<string, unknown>)[key];
    const report = whole as unknown as Report;
    const ctx = { ref, tty: false, texts: textsOnDisk(data.pages), baseline: data.baseline };
    // What was sent is now held by the report and the texts: workerData lets go of it (50,000 pages' worth).
    Object.assign(data, { report: undefined, pages: undefined, findings: undefined, claims: undefined, baseline: undefined });
    for (const job of data.jobs) {
      const format = findFormat(job.format)!;
      let content: string | Iterable<string>;
      try {
        content = format.chunks ? progressing(format.chunks(report, ctx), data.state) : format.render(report, ctx);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        done.push({ ...job, dropped: error.message });
        continue;
      }
      done.push({ ...job, tmp: writeTemporary(job.path, content) });
      bump(data.state);
    }
    const stats = TIMINGS_ON ? getHeapStatistics() : undefined;
    outcome = { ok: true, done, ...(stats ? { heap: { used: stats.used_heap_size, total: stats.total_heap_size } } : {}) };
  } catch (error) {
    for (const d of done) if ('tmp' in d) rmSync(d.tmp, { force: true });
    outcome = { ok: false, message: (error as Error)?.message ?? String(error), code: (error as NodeJS.ErrnoException)?.code };
  }
  data.port.postMessage(outcome);
  Atomics.store(data.state, 0, 1);
  Atomics.notify(data.state, 0);
}

/** Each page's text read from disk when a report quotes it (the last one kept: reports go page by page). */
function textsOnDisk(pages: ReportThreadData['pages']): SourceTexts {
  const sha = new Map(pages.paths.map((path, i) => [path, pages.sha256[i]]));
  let last: { path: string; text: string | undefined } | undefined;
  return {
    get(path) {
      if (last?.path !== path) {
        const hash = sha.get(path);
        last = { path, text: hash === undefined ? undefined : pageText(path, hash) };
      }
      return last.text;
    },
  };
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
