import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { runCheck } from '../../pipeline.js';
import type { Report } from '../../report/model.js';
import { FORMATS, findFormat, sourceTexts } from '../../report/formats.js';
import { compareBaseline, loadBaseline } from '../../report/baseline.js';
import { EXIT } from '../exit-codes.js';
import { writeOutputs } from '../output.js';
import { oneOf, UsageError } from '../args.js';

export const FAIL_LEVELS = ['error', 'warning', 'info', 'never'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

export const CHECK_HELP = `claimlint check [PATH...]        check sources (default: sources/)
  --reference FILE     canonical reference (default: claims/canonical/mesotherapy.yaml)
  --report-dir DIR     where reports go (default: reports)
  --claims-dir DIR     where extracted claims go (default: claims/extracted)
  --format FORMAT      stdout format: ${FORMATS.map((f) => f.name).join(' | ')} (default: pretty)
  --fail-on LEVEL      error | warning | info | never (default: error)
  --baseline FILE      a previous report.json: mark findings new / unchanged / resolved
  --no-write           print only; write no files`;

export function exitCodeFor(report: Report, failOn: FailLevel): number {
  const s = report.summary.bySeverity;
  if (failOn === 'never') return EXIT.OK;
  const n = failOn === 'error' ? s.error : failOn === 'warning' ? s.error + s.warning : s.error + s.warning + s.info;
  return n > 0 ? EXIT.FINDINGS : EXIT.OK;
}

export function checkCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      reference: { type: 'string', default: 'claims/canonical/mesotherapy.yaml' },
      'report-dir': { type: 'string', default: 'reports' },
      'claims-dir': { type: 'string', default: 'claims/extracted' },
      format: { type: 'string', default: 'pretty' },
      'fail-on': { type: 'string', default: 'error' },
      'no-write': { type: 'boolean', default: false },
      baseline: { type: 'string' },
    },
  });
  const format = findFormat(values.format);
  if (!format) throw new UsageError(`--format must be one of ${FORMATS.map((f) => f.name).join(', ')} (got "${values.format}")`);
  const failOn = oneOf('--fail-on', values['fail-on'], FAIL_LEVELS);
  const previous = values.baseline === undefined ? undefined : loadBaseline(values.baseline);
  const { report, results, engine } = runCheck({ paths: positionals.length ? positionals : ['sources'], referencePath: resolve(values.reference) });
  const baseline = previous && compareBaseline(report, previous, values.baseline!);
  const tty = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  if (!values['no-write']) {
    writeOutputs(report, results, engine.reference, {
      reportDir: values['report-dir'],
      claimsDir: values['claims-dir'],
      pruneClaims: positionals.length === 0,
      baseline,
    });
  }
  process.stdout.write(format.render(report, { ref: engine.reference, tty, texts: sourceTexts(results), baseline }));
  return exitCodeFor(report, failOn);
}
