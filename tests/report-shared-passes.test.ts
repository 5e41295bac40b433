/**
 * What the check stage and the consensus table note on their one pass, for the reports to read
 * instead of reading every claim or finding again: the citations of the findings, and where each
 * page's claims are. Each is checked against the full pass it replaces.
 */
import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/pipeline.js';
import { citedEvidence, noteCitations } from '../src/report/evidence.js';
import { claimsOfPaths, consensusRows, LISTED_STATEMENTS, numericSummaries } from '../src/report/consensus.js';
import { attributeOf } from '../src/check/format-value.js';
import type { CountValue, NeedleValue } from '../src/types.js';
import type { Report, ReportClaim } from '../src/report/model.js';
import type { Finding } from '../src/types.js';
import { REFERENCE, ROOT } from './helpers/engine.js';
import { renderJson } from '../src/report/json.js';
import { renderSarif } from '../src/report/sarif.js';

const { report, engine } = runCheck({ paths: [`${ROOT}sources`], referencePath: REFERENCE });

/** The same list, in a new array: nothing noted about it. */
const unnoted = (findings: Iterable<Finding>) => [...findings];

describe('citations noted by the check stage', () => {
  it('are what reading every finding gives', () => {
    const read = citedEvidence(unnoted(report.findings), unnoted(report.suppressed ?? []));
    expect(read.length).toBeGreaterThan(3);
    expect(citedEvidence(report.findings, report.suppressed ?? [])).toEqual(read);
  });

  it('are used in place of reading the list', () => {
    const findings = unnoted(report.findings);
    const some = citedEvidence(findings).slice(0, 1);
    noteCitations(findings, new Map(some.map((e) => [e.id, e])));
    expect(citedEvidence(findings)).toEqual(some);
    // Lists after it are still read.
    expect(citedEvidence(findings, unnoted(report.findings))).toEqual(citedEvidence(unnoted(report.findings)));
  });
});

describe("each page's claims", () => {
  const byFullPass = (r: Report, paths: Set<string>) => {
    const out = new Map<string, ReportClaim[]>();
    for (const c of r.claims) if (paths.has(c.path)) out.set(c.path, [...(out.get(c.path) ?? []), c]);
    return out;
  };
  const paths = new Set([report.sources[1].path, report.sources[3].path, 'not/a/page.md']);

  it('are read where the table noted them, and are those a full pass finds', () => {
    // Once the table is built, reading a claim of another page, or every claim, fails the test.
    const wanted = new Set<number>();
    report.claims.forEach((c, i) => paths.has(c.path) && wanted.add(i));
    let armed = false;
    const guarded = new Proxy([...report.claims], {
      get(target, key, receiver) {
        if (armed && typeof key === 'string' && /^\d+$/.test(key) && !wanted.has(Number(key))) throw new Error(`claim ${key} read`);
        if (armed && key === Symbol.iterator) throw new Error('every claim read');
        return Reflect.get(target, key, receiver);
      },
    });
    const copy: Report = { ...report, claims: guarded };
    consensusRows(copy, engine.reference);
    armed = true;
    const noted = claimsOfPaths(copy, paths);
    armed = false;
    expect([...noted.keys()].sort()).toEqual([...paths].filter((p) => p !== 'not/a/page.md').sort());
    expect(noted).toEqual(byFullPass(report, paths));
    // Without the table, the claims are all read.
    armed = true;
    expect(() => claimsOfPaths({ ...copy }, paths)).toThrow('every claim read');
    armed = false;
  });

  it('are found by a full pass when a page’s claims are not together', () => {
    const claims = [...report.claims];
    const mixed: Report = { ...report, claims: [...claims.slice(1), claims[0]] };
    consensusRows(mixed, engine.reference);
    expect(claimsOfPaths(mixed, paths)).toEqual(byFullPass(mixed, paths));
    const first = new Set([claims[0].path]);
    expect(claimsOfPaths(mixed, first).get(claims[0].path)).toEqual(byFullPass(mixed, first).get(claims[0].path));
  });
});

describe('numeric statements', () => {
  /** Each page's distinct values per numeric attribute, all of them, in claim order (what the HTML report read on a pass of its own). */
  const byFullPass = (r: Report) => {
    const out = new Map<string, Array<{ source: string; min: number | null; max: number | null; verdict: string }>>();
    const seen = new Set<string>();
    for (const c of r.claims) {
      if (c.modifiers.negated || (c.kind !== 'needle' && c.kind !== 'sessions.count')) continue;
      const v = c.value as NeedleValue | CountValue;
      const attribute = attributeOf(c);
      const key = `${attribute}\u0000${c.source}\u0000${v.min}\u0000${v.max}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.set(attribute, [...(out.get(attribute) ?? []), { source: c.source, min: v.min, max: v.max, verdict: c.verdict }]);
    }
    return out;
  };
  const check = (r: Report) => {
    const all = byFullPass(r);
    const summaries = numericSummaries(r, engine.reference);
    expect([...summaries.keys()].sort()).toEqual([...all.keys()].sort());
    for (const [attribute, list] of all) {
      const s = summaries.get(attribute)!;
      expect(s.count).toBe(list.length);
      expect(s.first.map(({ source, min, max, verdict }) => ({ source, min, max, verdict }))).toEqual(list.slice(0, LISTED_STATEMENTS + 1));
      const pages = new Map<string, number>();
      for (const m of list) pages.set(`${m.min}|${m.max}|${m.verdict}`, (pages.get(`${m.min}|${m.max}|${m.verdict}`) ?? 0) + 1);
      expect(new Map([...s.byValue.values()].map(({ statement: m, pages: n }) => [`${m.min}|${m.max}|${m.verdict}`, n]))).toEqual(pages);
    }
    return all;
  };

  it('are those a full pass finds, on a few pages', () => {
    expect(check({ ...report, claims: [...report.claims] }).size).toBeGreaterThan(0);
  });

  it('are those a full pass finds past LISTED_STATEMENTS pages (each value then once, with its pages)', () => {
    // The pages' claims again under 30 more page names: well past the listed statements.
    const claims = Array.from({ length: 30 }, (_, k) => report.claims.map((c) => ({ ...c, source: `${c.source}-${k}`, path: `${k}/${c.path}` }))).flat();
    const all = check({ ...report, claims });
    expect(Math.max(...[...all.values()].map((l) => l.length))).toBeGreaterThan(LISTED_STATEMENTS);
  });
});

describe('related statements shared by findings', () => {
  // A corpus where every page states the same few values: many findings share a related list.
  const corpus = runCheck({ paths: [`${ROOT}sources`, `${ROOT}tests/gold-holdout/pages`], referencePath: REFERENCE });
  /** The same report with every finding's related list a copy of its own: nothing shared, nothing frozen. */
  const unshared = (r: Report): Report => ({ ...r, findings: r.findings.map((f) => (f.related ? { ...f, related: structuredClone(f.related) } : f)) });

  it('are written once and copied, into the same bytes as each written in full', () => {
    const sharing = corpus.report.findings.filter((f) => f.related?.length && Object.isFrozen(f.related));
    expect(sharing.length).toBeGreaterThan(3);
    expect(new Set(sharing.map((f) => f.related)).size).toBeLessThan(sharing.length);
    const copy = unshared(corpus.report);
    expect(copy.findings.some((f) => f.related && Object.isFrozen(f.related))).toBe(false);
    expect(renderJson(corpus.report)).toBe(renderJson(copy));
    expect(renderSarif(corpus.report)).toBe(renderSarif(copy));
  });
});
