/**
 * report.json's layout: evidence cited by id and listed once, one entry per line,
 * and a report read back as a --baseline gets its citations again.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, processSource } from '../src/pipeline.js';
import { renderJson } from '../src/report/json.js';
import { loadBaseline } from '../src/report/baseline.js';
import { validator } from '../src/util/schemas.js';
import { getEngine, REFERENCE, ROOT } from './helpers/engine.js';
import { runCli } from './helpers/cli.js';

const report = buildReport(
  ['sources/lampreda-cellulite.md', 'sources/mesotherapy-en.md', 'sources/san-magno-mesoterapia.md'].map((p) => processSource(join(ROOT, p), getEngine())),
  getEngine(),
);

describe('report.json', () => {
  const text = renderJson(report);
  const data = JSON.parse(text);

  it('validates against schemas/report.schema.json', () => {
    const validate = validator('report');
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('cites evidence by id; every cited id is listed once in the evidence list, and nothing else is', () => {
    const listed: string[] = data.evidence.map((e: { id: string }) => e.id);
    expect(listed).toEqual([...new Set(listed)].sort());
    const cited = new Set<string>(data.findings.flatMap((f: { evidence: string[] }) => f.evidence));
    expect(cited.size).toBeGreaterThan(3);
    expect(new Set(listed)).toEqual(cited);
    const inMemory = report.findings.find((f) => f.evidence.length > 1)!;
    expect(data.findings.find((f: { id: string }) => f.id === inMemory.id).evidence).toEqual(inMemory.evidence.map((e) => e.id));
  });

  it('holds everything else of each finding as it is in memory, in the same key order', () => {
    data.findings.forEach((f: Record<string, unknown>, i: number) => {
      const m = report.findings[i];
      expect(Object.keys(f)).toEqual(Object.keys(m));
      expect({ ...f, evidence: undefined }).toEqual(JSON.parse(JSON.stringify({ ...m, evidence: undefined })));
    });
  });

  it('puts one source, claim, finding or evidence entry on each line', () => {
    const lines = text.split('\n');
    for (const f of report.findings) expect(lines.filter((l) => l.includes(`"id":"${f.id}"`))).toHaveLength(1);
    expect(lines.filter((l) => /^ {4}\{"id":"c-/.test(l))).toHaveLength(report.claims.length);
  });

  it('read back as a --baseline, gives each finding its evidence objects again', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'claimlint-json-')), 'report.json');
    writeFileSync(file, text);
    expect(loadBaseline(file).findings).toEqual(JSON.parse(JSON.stringify(report.findings)));
    // A report written before evidence went by id (objects inline) is read as it is.
    writeFileSync(file, JSON.stringify({ findings: report.findings }));
    expect(loadBaseline(file).findings).toEqual(JSON.parse(JSON.stringify(report.findings)));
  });
});

describe('--format with the same report written to --report-dir', () => {
  it('prints exactly the file it wrote (copied, not rendered twice), for json, sarif and markdown', () => {
    const out = mkdtempSync(join(tmpdir(), 'claimlint-json-out-'));
    for (const [format, file] of [['json', 'report.json'], ['sarif', 'report.sarif'], ['markdown', 'report.md']]) {
      const run = runCli(['check', 'sources', '--reference', REFERENCE, '--report-dir', join(out, 'r'), '--claims-dir', join(out, 'c'), '--format', format], ROOT);
      expect(run.code).toBe(1);
      expect(run.stdout.length).toBeGreaterThan(10_000);
      expect(run.stdout).toBe(readFileSync(join(out, 'r', file), 'utf8'));
    }
  });
});
