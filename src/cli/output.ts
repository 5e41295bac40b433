import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../report/model.js';
import type { Engine, SourceResult } from '../pipeline.js';
import type { CacheStrategy } from '../run/cache.js';
import { engineFingerprint } from '../run/fingerprint.js';
import { WrittenFiles } from '../run/written-files.js';
import type { Reference } from '../reference/load.js';
import { FORMATS, sourceTexts, type Format } from '../report/formats.js';
import { prepareReportThread, REPORT_THREAD_MAX_PAGES, REPORT_THREAD_MIN, startReportThread, THREAD_FORMATS, type PreparedReportThread } from '../report/thread.js';
import { memoryNote } from '../run/timing.js';
import type { BaselineComparison } from '../report/baseline.js';
import { claimsFileOf, renderClaimsFile } from '../report/claims-file.js';
import { AtomicBatch, writeDerivedFile } from '../util/atomic-write.js';
import { collectGarbage } from '../util/collect.js';

export interface WriteOptions {
  reportDir?: string;
  /** Comparison with --baseline, shown in the Markdown and HTML reports. */
  baseline?: BaselineComparison;
  /**
   * Whether a second thread writes some of the reports (src/report/thread.ts): by default when the
   * report has REPORT_THREAD_MIN findings or more, from at most REPORT_THREAD_MAX_PAGES pages.
   */
  reportThread?: boolean;
  /** A report thread started before the report was made (prepareReports), used if the report wants a thread. */
  prepared?: PreparedReportThread;
}

/** The formats the report thread writes, and where. */
function threadJobs(reportDir: string): Array<{ format: string; path: string }> {
  return FORMATS.filter((f) => f.file && THREAD_FORMATS.has(f.name)).map((f) => ({ format: f.name, path: join(reportDir, f.file!) }));
}

/**
 * A report thread started while the check stage finishes, when the report will likely want one:
 * the claim rules alone made REPORT_THREAD_MIN findings, from at most REPORT_THREAD_MAX_PAGES
 * pages. It loads the reference and reads the pages meanwhile (src/report/thread.ts).
 */
export function prepareReports(results: readonly SourceResult[], referencePath: string, claimRuleFindings: number): PreparedReportThread | undefined {
  if (claimRuleFindings < REPORT_THREAD_MIN || results.length > REPORT_THREAD_MAX_PAGES) return undefined;
  return prepareReportThread(results, referencePath);
}

/** Where a run keeps what it knows of the claims files it wrote (the cache), and how far it trusts stats. */
export interface ClaimsFilesRecord {
  cacheDir: string;
  strategy: CacheStrategy;
  defaultLanguage?: string;
  /** The run sees every page: the record keeps only its files (a partial run keeps the others' too). */
  whole: boolean;
}

/**
 * claims/extracted/<id>.yaml for each source, written as the run hands the sources on (the
 * check stage then lets go of their claims); each file whole or not at all. `prune` then removes
 * the files of sources no longer present. With a record (the cache's directory), a file the
 * last run wrote from the same page, and unchanged since, is left as it is (src/run/written-files.ts).
 */
export class ClaimsFiles {
  private readonly keep = new Set<string>();
  /** The directory's entries when the first file was written: a file not among them is not read to compare. */
  private present: Set<string> | undefined;
  private written: WrittenFiles | undefined;

  constructor(
    private readonly dir: string,
    /** Write only for these source paths (--changed-since: the unchanged sources' files are left as they are; rendering 10,000 of them to find them unchanged costs half a second). */
    private readonly only?: ReadonlySet<string>,
    private readonly record?: ClaimsFilesRecord,
  ) {}

  add(result: SourceResult, engine?: Engine): void {
    const doc = result.doc;
    if (!doc) return;
    const name = `${doc.id}.yaml`;
    this.keep.add(name);
    if (this.only && !this.only.has(doc.path)) return;
    // Stats stand for contents only under the metadata strategy, as in the cache.
    if (!this.written && engine && this.record?.strategy === 'metadata') this.written = WrittenFiles.open(this.record.cacheDir, engineFingerprint(engine, this.record.defaultLanguage), this.dir, this.record.whole);
    if (this.written?.current(name, doc.path, doc.sha256)) return;
    if (!this.present) {
      mkdirSync(this.dir, { recursive: true });
      this.present = new Set(safeList(this.dir));
    }
    writeDerivedFile(join(this.dir, name), renderClaimsFile(claimsFileOf(result)!), { dirMade: true, absent: !this.present.has(name) });
    this.written?.note(name, doc.path, doc.sha256);
  }

  /** Removes the claims files of sources this (whole-corpus) run did not see. */
  prune(): void {
    for (const name of safeList(this.dir)) if (name.endsWith('.yaml') && !this.keep.has(name)) rmSync(join(this.dir, name), { force: true });
  }

  /** Keeps the record of the files for the next run. */
  saveRecord(): void {
    this.written?.save();
  }
}

/** Writes the reports; each file whole or not at all. */
export function writeOutputs(report: Report, results: SourceResult[], ref: Reference, options: WriteOptions): string[] {
  const written: string[] = [];
  if (options.reportDir) {
    // Every report goes to its temporary file first (large ones in chunks), and all are renamed
    // into place only when all are written: a failure leaves every previous report untouched.
    const ctx = { ref, tty: false, texts: sourceTexts(results), baseline: options.baseline };
    const formats = FORMATS.filter((x) => x.file);
    const pathOf = (f: Format): string => join(options.reportDir!, f.file!);
    const batch = new AtomicBatch();
    const useThread = options.reportThread ?? (report.findings.length >= REPORT_THREAD_MIN && results.length <= REPORT_THREAD_MAX_PAGES);
    const prepared = options.prepared;
    if (prepared && !useThread) prepared.cancel();
    const jobs = threadJobs(options.reportDir);
    const thread = useThread ? (prepared ? prepared.start(report, options.baseline, jobs) : startReportThread(report, results, ref.path, options.baseline, jobs)) : undefined;
    // Files each format went to (or why it was left out), told in the formats' order whichever thread wrote them.
    const outcomes = new Map<Format, { written: true } | { dropped: string }>();
    const writeHere = (f: Format): void => {
      // What the last format made is garbage: collected first, this one does not grow on top of it.
      collectGarbage();
      let content: string | Iterable<string>;
      try {
        content = f.chunks ? f.chunks(report, ctx) : f.render(report, ctx);
      } catch (error) {
        // A one-string format of a huge corpus can exceed what a JavaScript string holds:
        // that report is left out (and its stale copy removed), the others are still written.
        if (!(error instanceof RangeError)) throw error;
        outcomes.set(f, { dropped: error.message });
        return;
      }
      batch.write(pathOf(f), content);
      outcomes.set(f, { written: true });
    };
    let threadDone = false;
    const joinThread = (failing = false): void => {
      threadDone = true;
      const outcome = thread!.finish();
      if (!outcome.ok) {
        if (failing) return;
        // A thread that failed (a full disk, a page gone) leaves nothing: this thread writes its
        // formats, and meets the same problem, if any, as a run without the thread would.
        for (const f of formats) if (thread!.takes(f.name)) writeHere(f);
        return;
      }
      if (outcome.heap) memoryNote('report thread', outcome.heap);
      for (const d of outcome.done) {
        const f = formats.find((x) => x.name === d.format)!;
        if ('tmp' in d) {
          batch.adopt(d.tmp, d.path);
          outcomes.set(f, { written: true });
        } else outcomes.set(f, { dropped: d.dropped });
      }
    };
    try {
      for (const f of formats) if (!thread?.takes(f.name)) writeHere(f);
      if (thread) joinThread();
      batch.commit();
    } catch (error) {
      // The thread's temporary files, once it is done, go with this thread's.
      if (thread && !threadDone)
        try {
          joinThread(true);
        } catch {
          // the first error is the one told
        }
      batch.abort();
      throw error;
    }
    for (const f of formats) {
      const outcome = outcomes.get(f);
      if (!outcome) continue;
      if ('written' in outcome) written.push(pathOf(f));
      else {
        process.stderr.write(`claimlint: ${f.file} not written: the report is too large for one ${f.name} document (${outcome.dropped}); use report.json or report.sarif\n`);
        rmSync(pathOf(f), { force: true });
      }
    }
  }
  return written;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
