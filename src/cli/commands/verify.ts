import { parseArgs } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../report/model.js';
import { describeDifferences } from '../../report/provenance.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../args.js';
import { checkCommand } from './check.js';

export const VERIFY_HELP = `claimlint verify [REPORT]        re-run the check recorded in REPORT (default: reports/report.json), from the
                                 same directory, and confirm the new report.json matches it byte for byte;
                                 exit 0 if it does, 1 with what differs (inputs' hashes, JSON paths) if not`;

/** `claimlint verify [reports/report.json]`: reproduce a report from its `run` record. */
export function verifyCommand(argv: string[]): number {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new UsageError(`verify takes one report.json (got ${positionals.length})`);
  const file = positionals[0] ?? 'reports/report.json';
  const fail = (message: string) => {
    process.stderr.write(`claimlint verify: ${file}: ${message}\n`);
    return EXIT.CONFIG;
  };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`cannot read the report: ${(error as Error).message}`);
  }
  let recorded: Report;
  try {
    recorded = JSON.parse(text) as Report;
  } catch (error) {
    return fail(`not a JSON report: ${(error as Error).message}`);
  }
  const run = recorded?.run;
  if (!run || run.command !== 'check' || !Array.isArray(run.args) || !run.args.every((a) => typeof a === 'string'))
    return fail('the report has no run record ("run": {command, args}); it was written by an older claimlint, so it cannot be re-run');
  const split = run.args.indexOf('--');
  const options = split < 0 ? run.args : run.args.slice(0, split);
  const paths = split < 0 ? [] : run.args.slice(split + 1);
  const tmp = mkdtempSync(join(tmpdir(), 'claimlint-verify-'));
  try {
    const argv = [...options, '--report-dir', join(tmp, 'reports'), '--claims-dir', join(tmp, 'claims'), '--no-cache', '--jobs', '1', '--format', 'json', '--', ...paths];
    // The re-run prints its own report; only the file it writes matters here.
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      checkCommand(argv);
    } finally {
      process.stdout.write = write;
    }
    const again = readFileSync(join(tmp, 'reports', 'report.json'), 'utf8');
    const command = `claimlint check ${run.args.join(' ')}`.trim();
    if (again === text) {
      const ref = recorded.reference;
      process.stdout.write(
        `${file}: verified: \`${command}\` reproduces it byte for byte ` +
          `(${recorded.summary?.sources ?? 0} sources, reference ${ref.id} ${ref.version} sha256 ${ref.sha256.slice(0, 12)}, ` +
          `${recorded.config ? `config ${recorded.config.path} sha256 ${recorded.config.sha256.slice(0, 12)}, ` : ''}claimlint ${recorded.tool.version})\n`,
      );
      return EXIT.OK;
    }
    const differences = describeDifferences(recorded, JSON.parse(again) as Report);
    if (differences.length === 0) differences.push('same content, different bytes (whitespace or key order)');
    process.stdout.write(`${file}: does NOT match a re-run of \`${command}\`:\n${differences.map((d) => `  ${d}\n`).join('')}`);
    return EXIT.FINDINGS;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
