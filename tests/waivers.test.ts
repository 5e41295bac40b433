import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../src/report/model.js';
import { validator } from '../src/util/schemas.js';
import { runCli } from './helpers/cli.js';
import { EN_PAGE, project, SAFE_FIX_REFERENCE } from './helpers/project.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

function run(dir: string, today: string, extra: string[] = []) {
  vi.stubEnv('CLAIMLINT_TODAY', today);
  const r = runCli(['check', 'page.md', '--reference', SAFE_FIX_REFERENCE, '--report-dir', 'out', '--claims-dir', 'claims-out', '--format', 'json', ...extra], dir);
  return { ...r, report: r.code === 2 ? undefined : (JSON.parse(r.stdout) as Report) };
}

const waiver = (fields: Record<string, string>) =>
  `waivers:\n  - ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n    ')}\n`;

/** The project with the safety claim waived (the only finding left is the two 6 mm needles). */
function waivedProject(expiry: string): { dir: string; fingerprint: string } {
  const dir = project({ 'claims/.keep': '', 'page.md': EN_PAGE.replace(/\nA second line\.\nWe also use 6 mm needles on the scalp\.\n/, '\n').replace('We use 6 mm needles for every session.', 'We use 4 mm needles.') });
  const first = run(dir, '2026-01-10').report!;
  const target = first.findings.find((f) => f.rule === 'unsupported-claim')!;
  writeFileSync(
    join(dir, 'claims/waivers.yaml'),
    `# accepted findings\n${waiver({ fingerprint: target.fingerprint!, rule: 'unsupported-claim', source: 'page', reason: 'Quoted from the regulator’s own leaflet, reviewed.', reviewer: 'Dr. Rossi', date: '2026-01-10', expiry })}`,
  );
  return { dir, fingerprint: target.fingerprint! };
}

describe('waivers (claims/waivers.yaml)', () => {
  it('a valid waiver reports the finding as waived, with the waiver, and does not fail the run', () => {
    const { dir, fingerprint } = waivedProject('2026-06-30');
    const { code, report } = run(dir, '2026-02-01');
    expect(code).toBe(0);
    expect(report!.findings).toEqual([]);
    expect(report!.suppressed).toEqual([
      expect.objectContaining({
        rule: 'unsupported-claim',
        fingerprint,
        suppression: { kind: 'waiver', reason: 'Quoted from the regulator’s own leaflet, reviewed.', path: 'claims/waivers.yaml', line: 3, column: 5, reviewer: 'Dr. Rossi', date: '2026-01-10', expiry: '2026-06-30' },
      }),
    ]);
    const written = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'));
    const validate = validator('report');
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the date only decides expiry: two days before expiry give byte-identical reports', () => {
    const { dir } = waivedProject('2026-06-30');
    run(dir, '2026-02-01');
    const a = readFileSync(join(dir, 'out/report.json'), 'utf8');
    run(dir, '2026-06-30');
    expect(readFileSync(join(dir, 'out/report.json'), 'utf8')).toBe(a);
  });

  it('an expired waiver is an error at its line, and the finding fails again', () => {
    const { dir } = waivedProject('2026-03-01');
    const { code, report } = run(dir, '2026-03-02');
    expect(code).toBe(1);
    expect(report!.suppressed).toBeUndefined();
    expect(report!.findings.map((f) => f.rule).sort()).toEqual(['unsupported-claim', 'waiver-expired']);
    const expired = report!.findings.find((f) => f.rule === 'waiver-expired')!;
    expect(expired).toMatchObject({ severity: 'error', path: 'claims/waivers.yaml', source: 'page', position: { start: { line: 3, column: 5 } } });
    expect(expired.message).toMatch(/expired on 2026-03-01/);
  });

  it('an orphaned waiver (no finding matches) is an error at its line', () => {
    const { dir } = waivedProject('2026-06-30');
    const text = readFileSync(join(dir, 'claims/waivers.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'claims/waivers.yaml'),
      text + `  - fingerprint: "${'0'.repeat(32)}"\n    rule: contradicts-reference\n    source: page\n    reason: the page was rewritten since\n    reviewer: Dr. Bianchi\n    date: "2026-01-12"\n    expiry: "2026-12-31"\n`,
    );
    const { code, report } = run(dir, '2026-02-01');
    expect(code).toBe(1);
    expect(report!.findings).toEqual([expect.objectContaining({ rule: 'waiver-orphaned', path: 'claims/waivers.yaml', position: expect.objectContaining({ start: expect.objectContaining({ line: 10, column: 5 }) }) })]);
    expect(report!.suppressed).toHaveLength(1);
  });

  it('a run naming only some pages leaves the waivers of the other pages out instead of calling them orphaned', () => {
    const { dir } = waivedProject('2026-06-30');
    writeFileSync(join(dir, 'other.md'), '---\nlanguage: en\n---\nWe use 4 mm needles.\n');
    vi.stubEnv('CLAIMLINT_TODAY', '2026-02-01');
    const only = runCli(['check', 'other.md', '--reference', SAFE_FIX_REFERENCE, '--no-write', '--format', 'json'], dir);
    expect(only.code).toBe(0);
    expect((JSON.parse(only.stdout) as Report).findings).toEqual([]);
    const both = runCli(['check', 'page.md', 'other.md', '--reference', SAFE_FIX_REFERENCE, '--no-write', '--format', 'json'], dir);
    expect((JSON.parse(both.stdout) as Report).suppressed).toHaveLength(1);
  });

  it('an invalid waivers file stops the run with exit 2 at file:line:col', () => {
    const dir = project({ 'page.md': EN_PAGE, 'claims/waivers.yaml': 'waivers:\n  - fingerprint: "abc"\n    rule: unsupported-claim\n    source: page\n    reason: because it is fine\n    date: "2026-01-10"\n    expiry: "2026-06-30"\n' });
    const r = run(dir, '2026-02-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/claims\/waivers\.yaml:2:5: \/waivers\/0: must have required property 'reviewer'/);
    expect(r.stderr).toMatch(/claims\/waivers\.yaml:2:18: \/waivers\/0\/fingerprint: must match pattern/);
  });
});
