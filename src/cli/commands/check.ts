import { parseArgs } from 'node:util';
import { runCheck } from '../../pipeline.js';
import type { Report } from '../../report/model.js';
import { FORMATS, findFormat, sourceTexts, type Format, type FormatContext } from '../../report/formats.js';
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { compareBaseline, loadBaseline } from '../../report/baseline.js';
import { EXIT } from '../exit-codes.js';
import { ClaimsFiles, prepareReports, writeOutputs } from '../output.js';
import type { PreparedReportThread } from '../../report/thread.js';
import { oneOf, UsageError } from '../args.js';
import { pipelineOptions, resolveSettings } from '../../config/settings.js';
import type { SourceResult } from '../../pipeline.js';
import { cacheLocation, cacheStrategy, leanHeapFor, parseJobs, printTimings, runShard, SCALE_HELP, SCALE_OPTIONS } from '../scale.js';
import { memoryMark, timed } from '../../run/timing.js';
import { createProgress } from '../progress.js';
import { runRecord } from '../../report/provenance.js';

export const FAIL_LEVELS = ['error', 'warning', 'info', 'never'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

export const CHECK_HELP = `claimlint check [PATH...]        check sources (default: the config's sources, else sources/)
  --config FILE        config file (default: claimlint.config.yaml if present); flags override it
  --reference FILE     canonical reference (default: claims/canonical/mesotherapy.yaml)
  --report-dir DIR     where reports go (default: reports)
  --claims-dir DIR     where extracted claims go (default: claims/extracted)
  --format FORMAT      stdout format: ${FORMATS.map((f) => f.name).join(' | ')} (default: pretty)
  --fail-on LEVEL      error | warning | info | never (default: error)
  --baseline FILE      a previous report.json: mark findings new / unchanged / resolved
  --waivers FILE       accepted findings (default: claims/waivers.yaml)
  --changed-since REF  report findings only for sources changed since the git REF (all are still compared)
  --no-write           print only; write no files
${SCALE_HELP}`;

export function exitCodeFor(report: Report, failOn: FailLevel): number {
  const s = report.summary.bySeverity;
  if (failOn === 'never') return EXIT.OK;
  const n = failOn === 'error' ? s.error : failOn === 'warning' ? s.error + s.warning : s.error + s.warning + s.info;
  return n > 0 ? EXIT.FINDINGS : EXIT.OK;
}

/** check's options (merge takes the same). */
export const CHECK_OPTIONS = {
  config: { type: 'string' },
  reference: { type: 'string' },
  'report-dir': { type: 'string' },
  'claims-dir': { type: 'string' },
  waivers: { type: 'string' },
  'changed-since': { type: 'string' },
  format: { type: 'string', default: 'pretty' },
  'fail-on': { type: 'string' },
  'no-write': { type: 'boolean', default: false },
  baseline: { type: 'string' },
  ...SCALE_OPTIONS,
} as const;

/** `preloaded`: per-source results from `claimlint merge` (shards); the sources are then not read. */
export function checkCommand(argv: string[], preloaded?: SourceResult[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: CHECK_OPTIONS });
  const format = findFormat(values.format);
  if (!format) throw new UsageError(`--format must be one of ${FORMATS.map((f) => f.name).join(', ')} (got "${values.format}")`);
  const settings = resolveSettings(values, positionals);
  for (const note of settings.notes) process.stderr.write(`claimlint: ${note}\n`);
  const failOn = oneOf('--fail-on', settings.failOn, FAIL_LEVELS);
  if (values.shard !== undefined && !preloaded) return runShard(values, settings, positionals);
  leanHeapFor(Math.max(settings.files.length, preloaded?.length ?? 0), Boolean(settings.gate.only));
  const previous = values.baseline === undefined ? undefined : loadBaseline(values.baseline);
  const write = !values['no-write'];
  let prepared: PreparedReportThread | undefined;
  const cacheDir = cacheLocation(values);
  // A --changed-since run writes only the changed pages' claims files: it has no use for the record of the others.
  const record = cacheDir === undefined || settings.gate.only ? undefined : { cacheDir, strategy: cacheStrategy(values), defaultLanguage: settings.defaultLanguage, whole: settings.wholeCorpus };
  const claimsFiles = write ? new ClaimsFiles(settings.claimsDir, settings.gate.only && new Set(settings.gate.only.paths), record) : undefined;
  try {
    const { report, results, engine } = runCheck({
      ...pipelineOptions(settings),
      jobs: parseJobs(values.jobs),
      cache: cacheDir,
      cacheStrategy: cacheStrategy(values),
      preloaded,
      // The report's claims wait on disk, and each page's claims file is written as it comes:
      // the run holds the findings, not the corpus.
      spill: true,
      onSource: claimsFiles && ((result, engine) => claimsFiles.add(result, engine)),
      progress: (total) => createProgress(total),
      // The report thread starts while the corpus rules and the gate run on this thread.
      onSourcesDone: write ? (done, { reference }, claimRuleFindings) => (prepared = prepareReports(done, reference.path, claimRuleFindings)) : undefined,
    });
    if (settings.config) report.config = { path: settings.config.path, sha256: settings.config.sha256 };
    // A merge of shards records the same run as one check of the whole corpus: verify re-runs that.
    report.run = runRecord(values, positionals);
    const baseline = previous && compareBaseline(report, previous, values.baseline!);
    const tty = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    let written: string[] = [];
    if (write) {
      written = timed('report', () => {
        if (settings.wholeCorpus) claimsFiles!.prune();
        claimsFiles!.saveRecord();
        return writeOutputs(report, results, engine.reference, { reportDir: settings.reportDir, baseline, prepared });
      });
    }
    memoryMark('reports written');
    timed('report', () => printReport(format, report, { ref: engine.reference, tty, texts: sourceTexts(results), baseline }, written, settings.reportDir));
    printTimings();
    return exitCodeFor(report, failOn);
  } finally {
    // A report thread started for reports that were not written (an error on the way) is ended.
    prepared?.cancel();
  }
}

/**
 * Prints the report in the chosen format. When the run has just written that format's file,
 * the file is copied to stdout rather than rendered a second time (a large corpus's JSON
 * takes seconds to render); a format that comes in chunks is printed chunk by chunk.
 */
function printReport(format: Format, report: Report, ctx: FormatContext, written: string[], reportDir?: string): void {
  const file = format.file && reportDir ? join(reportDir, format.file) : undefined;
  if (file && written.includes(file)) {
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(1 << 20);
      for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) process.stdout.write(Buffer.from(buffer.subarray(0, n)));
    } finally {
      closeSync(fd);
    }
    return;
  }
  if (format.chunks) {
    let pending = '';
    for (const chunk of format.chunks(report, ctx)) {
      pending += chunk;
      if (pending.length >= 1 << 20) {
        process.stdout.write(pending);
        pending = '';
      }
    }
    if (pending) process.stdout.write(pending);
    return;
  }
  process.stdout.write(format.render(report, ctx));
}
