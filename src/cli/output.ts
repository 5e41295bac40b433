import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../report/model.js';
import type { SourceResult } from '../pipeline.js';
import type { Reference } from '../reference/load.js';
import { FORMATS, sourceTexts } from '../report/formats.js';
import type { BaselineComparison } from '../report/baseline.js';
import { claimsFileOf, renderClaimsFile } from '../report/claims-file.js';
import { AtomicBatch, writeDerivedFile } from '../util/atomic-write.js';

export interface WriteOptions {
  reportDir?: string;
  /** Comparison with --baseline, shown in the Markdown and HTML reports. */
  baseline?: BaselineComparison;
}

/**
 * claims/extracted/<id>.yaml for each source, written as the run hands the sources on (the
 * check stage then lets go of their claims); each file whole or not at all. `prune` then removes
 * the files of sources no longer present.
 */
export class ClaimsFiles {
  private readonly keep = new Set<string>();

  constructor(
    private readonly dir: string,
    /** Write only for these source paths (--changed-since: the unchanged sources' files are left as they are; rendering 10,000 of them to find them unchanged costs half a second). */
    private readonly only?: ReadonlySet<string>,
  ) {}

  add(result: SourceResult): void {
    const doc = result.doc;
    if (!doc) return;
    this.keep.add(`${doc.id}.yaml`);
    if (this.only && !this.only.has(doc.path)) return;
    const file = claimsFileOf(result)!;
    writeDerivedFile(join(this.dir, `${file.source}.yaml`), renderClaimsFile(file));
  }

  /** Removes the claims files of sources this (whole-corpus) run did not see. */
  prune(): void {
    for (const name of safeList(this.dir)) if (name.endsWith('.yaml') && !this.keep.has(name)) rmSync(join(this.dir, name), { force: true });
  }
}

/** Writes the reports; each file whole or not at all. */
export function writeOutputs(report: Report, results: SourceResult[], ref: Reference, options: WriteOptions): string[] {
  const written: string[] = [];
  if (options.reportDir) {
    // Every report goes to its temporary file first (large ones in chunks), and all are renamed
    // into place only when all are written: a failure leaves every previous report untouched.
    const ctx = { ref, tty: false, texts: sourceTexts(results), baseline: options.baseline };
    const batch = new AtomicBatch();
    try {
      const dropped: string[] = [];
      for (const f of FORMATS.filter((x) => x.file)) {
        const path = join(options.reportDir, f.file!);
        let content: string | Iterable<string>;
        try {
          content = f.chunks ? f.chunks(report, ctx) : f.render(report, ctx);
        } catch (error) {
          // A one-string format of a huge corpus can exceed what a JavaScript string holds:
          // that report is left out (and its stale copy removed), the others are still written.
          if (!(error instanceof RangeError)) throw error;
          process.stderr.write(`claimlint: ${f.file} not written: the report is too large for one ${f.name} document (${error.message}); use report.json or report.sarif\n`);
          dropped.push(path);
          continue;
        }
        batch.write(path, content);
        written.push(path);
      }
      batch.commit();
      for (const path of dropped) rmSync(path, { force: true });
    } catch (error) {
      batch.abort();
      throw error;
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
