import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORMATS } from '../src/report/formats.js';
import { REFERENCE, ROOT } from './helpers/engine.js';
import { runCli } from './helpers/cli.js';

describe('a report too large for one string', () => {
  it('is left out with a message (its stale copy removed) while the other reports are written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-limits-'));
    const out = join(dir, 'reports');
    const huge = { name: 'huge', description: 'test only', file: 'report.huge', render: (): string => { throw new RangeError('Invalid string length'); } };
    FORMATS.push(huge);
    try {
      runCli(['check', 'sources', '--reference', REFERENCE, '--report-dir', out, '--claims-dir', join(dir, 'claims'), '--no-cache'], ROOT);
      writeFileSync(join(out, 'report.huge'), 'stale');
      const run = runCli(['check', 'sources', '--reference', REFERENCE, '--report-dir', out, '--claims-dir', join(dir, 'claims'), '--no-cache'], ROOT);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/report\.huge not written: the report is too large/);
      expect(existsSync(join(out, 'report.huge'))).toBe(false);
      expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).summary.sources).toBe(5);
    } finally {
      FORMATS.splice(FORMATS.indexOf(huge), 1);
    }
  });
});
