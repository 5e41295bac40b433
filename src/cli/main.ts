import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { runCheck } from '../pipeline.js';
import { renderPretty } from '../report/pretty.js';
import { renderJson } from '../report/json.js';
import { ConfigError } from '../util/yaml-load.js';
import { EXIT } from './exit-codes.js';
import { writeOutputs } from './output.js';
import { TOOL } from '../version.js';
import type { Report } from '../report/model.js';

const HELP = `claimlint ${TOOL.version}: check clinic pages against an evidence-backed reference

Usage:
  claimlint check [PATH...]        check sources (default: sources/)

Options:
  --reference FILE     canonical reference (default: claims/canonical/mesotherapy.yaml)
  --report-dir DIR     where report.json and report.md go (default: reports)
  --claims-dir DIR     where extracted claims go (default: claims/extracted)
  --format FORMAT      stdout format: pretty | json (default: pretty)
  --fail-on LEVEL      error | warning | never (default: error)
  --no-write           print only; write no files
  -h, --help           this help
  -v, --version        the version

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, reference or config error.
`;

const FORMATS = ['pretty', 'json'] as const;
const FAIL_LEVELS = ['error', 'warning', 'info', 'never'] as const;

export function exitCodeFor(report: Report, failOn: (typeof FAIL_LEVELS)[number]): number {
  const s = report.summary.bySeverity;
  if (failOn === 'never') return EXIT.OK;
  const n = failOn === 'error' ? s.error : failOn === 'warning' ? s.error + s.warning : s.error + s.warning + s.info;
  return n > 0 ? EXIT.FINDINGS : EXIT.OK;
}

export function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        reference: { type: 'string', default: 'claims/canonical/mesotherapy.yaml' },
        'report-dir': { type: 'string', default: 'reports' },
        'claims-dir': { type: 'string', default: 'claims/extracted' },
        format: { type: 'string', default: 'pretty' },
        'fail-on': { type: 'string', default: 'error' },
        'no-write': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`claimlint: ${(error as Error).message}\n\n${HELP}`);
    return EXIT.CONFIG;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  if (values.version) {
    process.stdout.write(`${TOOL.version}\n`);
    return EXIT.OK;
  }
  const [command = 'check', ...paths] = positionals;
  if (command !== 'check') {
    process.stderr.write(`claimlint: unknown command "${command}"\n\n${HELP}`);
    return EXIT.CONFIG;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    process.stderr.write(`claimlint: --format must be one of ${FORMATS.join(', ')}\n`);
    return EXIT.CONFIG;
  }
  const failOn = values['fail-on'] as (typeof FAIL_LEVELS)[number];
  if (!FAIL_LEVELS.includes(failOn)) {
    process.stderr.write(`claimlint: --fail-on must be one of ${FAIL_LEVELS.join(', ')}\n`);
    return EXIT.CONFIG;
  }
  try {
    const { report, results, engine } = runCheck({ paths: paths.length ? paths : ['sources'], referencePath: resolve(values.reference) });
    if (!values['no-write']) {
      writeOutputs(report, results, engine.reference, {
        reportDir: values['report-dir'],
        claimsDir: values['claims-dir'],
        pruneClaims: paths.length === 0,
      });
    }
    process.stdout.write(format === 'json' ? renderJson(report) : renderPretty(report, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
    return exitCodeFor(report, failOn);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`claimlint: configuration error\n${error.message}\n`);
      return EXIT.CONFIG;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC' || code === 'EPERM') {
      process.stderr.write(`claimlint: cannot write outputs: ${(error as Error).message}\n`);
      return EXIT.CONFIG;
    }
    throw error;
  }
}

// Run when executed directly (tsx src/cli/main.ts or bin/claimlint.js), not when imported by tests.
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
