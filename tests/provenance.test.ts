/**
 * Provenance: every report records what produced it (tool version, reference id/version/SHA-256,
 * each source's SHA-256, the config's hash, the run's arguments), and `claimlint verify`
 * re-runs it and confirms a byte-for-byte match or says what differs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Report } from '../src/report/model.js';
import { validator } from '../src/util/schemas.js';
import { TOOL } from '../src/version.js';
import { diffPaths } from '../src/report/provenance.js';
import { REFERENCE, ROOT } from './helpers/engine.js';
import { runCli } from './helpers/cli.js';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A small project in a temp dir: two seed pages, the reference, a config. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-prov-'));
  cpSync(join(ROOT, 'sources'), join(dir, 'pages'), { recursive: true, filter: (p) => !/\/sources\/(?!mesotherapy-en|mesoterapia-antalgica)[^/]+\.md$/.test(p) });
  copyFileSync(REFERENCE, join(dir, 'reference.yaml'));
  writeFileSync(join(dir, 'claimlint.config.yaml'), 'sources: [pages]\nreference: reference.yaml\nrules:\n  unverified-claim: warning\n');
  return dir;
}

describe('provenance and claimlint verify', () => {
  let dir: string;
  let report: Report;
  let text: string;

  beforeAll(() => {
    dir = project();
    const run = runCli(['check', '--reference', 'reference.yaml', '--', 'pages'], dir);
    expect(run.stderr).toBe('');
    text = readFileSync(join(dir, 'reports/report.json'), 'utf8');
    report = JSON.parse(text) as Report;
  });

  it('records tool, reference, config, every source and the run, and validates against the schema', () => {
    const validate = validator('report');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.tool).toEqual({ name: 'claimlint', version: TOOL.version });
    expect(report.reference).toMatchObject({ id: 'mesotherapy', path: 'reference.yaml', sha256: sha(readFileSync(join(dir, 'reference.yaml'))) });
    expect(report.reference.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.config).toEqual({ path: 'claimlint.config.yaml', sha256: sha(readFileSync(join(dir, 'claimlint.config.yaml'))) });
    expect(report.sources.map((s) => s.path)).toEqual(readdirSync(join(dir, 'pages')).map((f) => `pages/${f}`));
    for (const s of report.sources) expect(s.sha256).toBe(sha(readFileSync(join(dir, s.path))));
    expect(report.run).toEqual({ command: 'check', args: ['--reference', 'reference.yaml', '--', 'pages'] });
  });

  it('verifies an untouched report byte for byte (exit 0)', () => {
    const run = runCli(['verify'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^reports\/report\.json: verified: `claimlint check --reference reference\.yaml -- pages` reproduces it byte for byte \(2 sources, reference mesotherapy .* sha256 [0-9a-f]{12}, config claimlint\.config\.yaml sha256 [0-9a-f]{12}, claimlint /);
    // verify leaves the report alone.
    expect(readFileSync(join(dir, 'reports/report.json'), 'utf8')).toBe(text);
  });

  it('names a changed source, the changed config and the first differing JSON paths (exit 1)', () => {
    const copy = project();
    cpSync(join(dir, 'reports'), join(copy, 'reports'), { recursive: true });
    const page = join(copy, 'pages/mesoterapia-antalgica.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('4-5 sessioni', '4-6 sessioni'));
    writeFileSync(join(copy, 'claimlint.config.yaml'), 'sources: [pages]\nreference: reference.yaml\n');
    const run = runCli(['verify', 'reports/report.json'], copy);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/does NOT match a re-run of `claimlint check --reference reference\.yaml -- pages`/);
    expect(run.stdout).toMatch(/^ {2}config: recorded claimlint\.config\.yaml sha256 [0-9a-f]{12}, now claimlint\.config\.yaml sha256 [0-9a-f]{12}$/m);
    expect(run.stdout).toMatch(/^ {2}source pages\/mesoterapia-antalgica\.md: sha256 recorded [0-9a-f]{12}, now [0-9a-f]{12}$/m);
    expect(run.stdout).toMatch(/^ {2}differs at \/sources\/\d+\/sha256$/m);
    expect(run.stdout).toMatch(/^ {2}differs at \/(claims|findings)\/\d+\//m);
  });

  it('exits 2 for a report it cannot re-run', () => {
    const copy = project();
    writeFileSync(join(copy, 'old.json'), JSON.stringify({ ...report, run: undefined }));
    writeFileSync(join(copy, 'broken.json'), text.slice(0, 100));
    expect(runCli(['verify', 'old.json'], copy)).toMatchObject({ code: 2, stderr: expect.stringMatching(/old\.json: the report has no run record/) });
    expect(runCli(['verify', 'broken.json'], copy)).toMatchObject({ code: 2, stderr: expect.stringMatching(/broken\.json: not a JSON report/) });
    expect(runCli(['verify', 'missing.json'], copy)).toMatchObject({ code: 2, stderr: expect.stringMatching(/missing\.json: cannot read the report/) });
  });

  it('lists differing JSON paths in document order', () => {
    const out: string[] = [];
    diffPaths({ a: 1, b: [1, 2, { c: 'x' }], 'd/e': true }, { a: 1, b: [1, 3, { c: 'y' }, 4], 'd/e': false }, '', out, 10);
    expect(out).toEqual(['/b/1', '/b/2/c', '/b/3', '/d~1e']);
  });
});
