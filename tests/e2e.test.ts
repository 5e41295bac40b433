import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { validator } from '../src/util/schemas.js';
import type { Report } from '../src/report/model.js';
import { LineIndex } from '../src/util/positions.js';
import { REFERENCE, ROOT } from './helpers/engine.js';
import { runCli } from './helpers/cli.js';

function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `claimlint-${prefix}-`));
}

describe('end to end on sources/', () => {
  let out: string;
  let run: ReturnType<typeof runCli>;
  let report: Report;

  beforeAll(() => {
    out = tmp('e2e');
    run = runCli(['check', 'sources', '--reference', REFERENCE, '--report-dir', join(out, 'reports'), '--claims-dir', join(out, 'claims')], ROOT);
    report = JSON.parse(readFileSync(join(out, 'reports/report.json'), 'utf8'));
  });

  const finding = (source: string, rule: string, text: RegExp) => report.findings.find((f) => f.source === source && f.rule === rule && text.test(f.text));

  it('exits 1 because the pages contain errors', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });

  it('contradicts the 6 mm depth of the cellulite page and the 6 mm needles of the English page', () => {
    const depth = finding('lampreda-cellulite', 'contradicts-reference', /6\u00a0?\s?mm/)!;
    expect(depth).toMatchObject({ severity: 'error', verdict: 'contradicted', attribute: 'needle.depth' });
    expect(depth.expected).toMatch(/0\.1/);
    expect(depth.evidence.length).toBeGreaterThan(0);
    const needles = finding('mesotherapy-en', 'contradicts-reference', /^6 mm$/)!;
    expect(needles).toMatchObject({ severity: 'error', verdict: 'contradicted', attribute: 'needle.length' });
    expect(needles.position.start.line).toBe(27);
    expect(needles.suggestion).toBeTruthy();
  });

  it('supports "circa 4mm": the claim is supported and draws no verdict finding', () => {
    const claim = report.claims.find((c) => c.source === 'san-magno-mesoterapia' && c.kind === 'needle')!;
    expect(claim).toMatchObject({ text: 'circa 4mm', verdict: 'supported' });
    expect(report.findings.filter((f) => f.claims.includes(claim.id) && f.rule !== 'cross-source-conflict')).toEqual([]);
  });

  it('flags "non ha effetti collaterali importanti" as an error citing adverse-event evidence and art. 90(b)', () => {
    const f = finding('lampreda-cellulite', 'unsupported-claim', /non ha effetti collaterali importanti/)!;
    expect(f.severity).toBe('error');
    // report.json cites evidence by id; the citations are in its evidence list, once each.
    const ids = f.evidence as unknown as string[];
    const evidence = (report as unknown as { evidence: Array<{ id: string; citation: string; kind: string; status: string }> }).evidence;
    expect(new Set(evidence.map((e) => e.id)).size).toBe(evidence.length);
    const cited = ids.map((id) => evidence.find((e) => e.id === id)!);
    expect(cited.every(Boolean)).toBe(true);
    expect(cited.some((e) => /2001\/83\/EC.*Article 90/.test(e.citation))).toBe(true);
    expect(cited.some((e) => e.kind !== 'law' && e.status === 'verified')).toBe(true);
    expect(f.suggestion).toMatch(/\p{L}/u);
  });

  it('flags the detox and immune-stimulation claims as unsupported', () => {
    expect(finding('san-magno-mesoterapia', 'unsupported-claim', /eliminano le scorie e le tossine/)).toBeDefined();
    expect(finding('lampreda-cellulite', 'unsupported-claim', /disintossicare/)).toBeDefined();
    expect(finding('mesoterapia-antalgica', 'unsupported-claim', /Stimolazione immunologica/)).toBeDefined();
  });

  it('reports 3–5 vs 4–5 sessions as a cross-source disagreement with the reference position', () => {
    const f = finding('san-magno-mesoterapia', 'cross-source-conflict', /3 -5 sedute/)!;
    expect(f.attribute).toBe('sessions.count');
    expect(f.related).toEqual([expect.objectContaining({ source: 'mesoterapia-antalgica', value: '4–5 sessions', text: '4-5 sessioni' })]);
    expect(f.message).toMatch(/no standard count/);
    const weekly = report.claims.filter((c) => c.kind === 'sessions.frequency');
    expect(weekly.length).toBeGreaterThanOrEqual(2);
    expect(weekly.every((c) => c.verdict === 'supported')).toBe(true);
  });

  it('prints one ESLint-style line per finding', () => {
    expect(run.stdout).toMatch(/^ {2}sources\/lampreda-cellulite\.md:\d+:\d+ +error +.+ {2}unsupported-claim$/m);
    const lines = run.stdout.split('\n').filter((l) => /^ {2}sources\//.test(l));
    expect(lines).toHaveLength(report.findings.length);
  });

  it('writes a report and claim files that validate against their schemas', () => {
    const validateReport = validator('report');
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    const validateClaims = validator('claim');
    const files = readdirSync(join(out, 'claims'));
    expect(files.sort()).toEqual(report.sources.map((s) => `${s.id}.yaml`).sort());
    for (const f of files) {
      const data = parse(readFileSync(join(out, 'claims', f), 'utf8'));
      expect(validateClaims(data), `${f}: ${JSON.stringify(validateClaims.errors)}`).toBe(true);
    }
    expect(readFileSync(join(out, 'reports/report.md'), 'utf8')).toMatch(/## Consensus/);
  });

  it('places every claim exactly: its text is the file at its position', () => {
    for (const c of report.claims) {
      const text = readFileSync(join(ROOT, c.path), 'utf8');
      const lines = new LineIndex(text);
      expect(text.slice(c.position.start.offset, c.position.end.offset)).toBe(c.text);
      expect(lines.point(c.position.start.offset)).toEqual(c.position.start);
    }
  });

  it('is deterministic: a second run writes byte-identical reports', () => {
    const again = tmp('e2e2');
    runCli(['check', 'sources', '--reference', REFERENCE, '--report-dir', join(again, 'reports'), '--claims-dir', join(again, 'claims')], ROOT);
    for (const f of ['report.json', 'report.md']) expect(readFileSync(join(again, 'reports', f), 'utf8')).toBe(readFileSync(join(out, 'reports', f), 'utf8'));
    for (const f of readdirSync(join(out, 'claims'))) expect(readFileSync(join(again, 'claims', f), 'utf8')).toBe(readFileSync(join(out, 'claims', f), 'utf8'));
  });
});

describe('bad input', () => {
  it('reports each unreadable file as a source-error and checks the others', () => {
    const dir = tmp('bad');
    const src = join(dir, 'sources');
    const out = join(dir, 'out');
    mkdirSync(src);
    copyFileSync(join(ROOT, 'sources/mesotherapy-en.md'), join(src, 'good.md'));
    writeFileSync(join(src, 'empty.md'), '');
    writeFileSync(join(src, 'blank.txt'), '  \n\n ');
    writeFileSync(join(src, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    writeFileSync(join(src, 'latin1.txt'), Buffer.from('Controindicazioni: gravidanza e ca\xe8 ', 'latin1'));
    writeFileSync(join(src, 'frontmatter.md'), '---\ntitle: "unclosed\nlanguage: it\n---\nTesto.\n');
    const { code } = runCli(['check', src, '--reference', REFERENCE, '--report-dir', out, '--claims-dir', join(dir, 'claims')], dir);
    expect(code).toBe(1);
    const report: Report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const errors = report.findings.filter((f) => f.rule === 'source-error');
    const byFile = Object.fromEntries(errors.map((f) => [f.path.split('/').pop(), f]));
    expect(Object.keys(byFile).sort()).toEqual(['binary.md', 'blank.txt', 'empty.md', 'frontmatter.md', 'latin1.txt']);
    expect(byFile['empty.md'].message).toMatch(/empty/);
    expect(byFile['binary.md'].message).toMatch(/binary/);
    expect(byFile['latin1.txt'].message).toMatch(/invalid UTF-8 byte sequence at byte 34/);
    expect(byFile['frontmatter.md'].message).toMatch(/front matter/);
    expect(byFile['frontmatter.md'].position.start.line).toBeGreaterThan(1);
    expect(report.sources.find((s) => s.path.endsWith('good.md'))).toMatchObject({ status: 'ok' });
    expect(report.claims.some((c) => c.path.endsWith('good.md'))).toBe(true);
  });

  it('exits 2 on a bad command line', () => {
    expect(runCli(['check', '--format', 'xml']).code).toBe(2);
    expect(runCli(['check', '--fail-on', 'sometimes']).code).toBe(2);
    expect(runCli(['frobnicate']).code).toBe(2);
  });

  it('exits 0 when nothing reaches --fail-on', () => {
    const dir = tmp('clean');
    writeFileSync(join(dir, 'page.md'), '---\nlanguage: it\n---\nUsiamo aghi di circa 4 mm, con sedute settimanali.\n');
    const { code, stdout } = runCli(['check', join(dir, 'page.md'), '--reference', REFERENCE, '--no-write', '--fail-on', 'error'], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/0 errors/);
    expect(runCli(['check', join(dir, 'page.md'), '--reference', REFERENCE, '--no-write', '--fail-on', 'never'], dir).code).toBe(0);
  });
});
