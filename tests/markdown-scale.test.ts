/** report.md on a large corpus: errors first-come listed up to a bound, the rest counted. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/report/markdown.js';
import { summarize, type Report, type SourceEntry } from '../src/report/model.js';
import type { Finding, Severity } from '../src/types.js';
import { getEngine } from './helpers/engine.js';

const pad = (i: number) => String(i).padStart(5, '0');
const finding = (page: number, severity: Severity, k: number): Finding => ({
  id: `f-${pad(page)}${severity[0]}${k}`,
  rule: severity === 'error' ? 'contradicts-reference' : 'unverified-claim',
  severity,
  verdict: severity === 'error' ? 'contradicted' : 'unverified',
  source: `p${pad(page)}`,
  path: `site/p${pad(page)}.md`,
  position: { start: { line: 3, column: 5, offset: 20 }, end: { line: 3, column: 9, offset: 24 } },
  text: '6 mm',
  claims: [],
  message: `Needle length 6 mm contradicts the reference (page ${page})`,
  evidence: [],
});

/** `pages` pages; page i has (i % 3) errors and one warning, so every third page has no error. */
function bigReport(pages: number): Report {
  const sources: SourceEntry[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < pages; i++) {
    const mine = [...Array.from({ length: i % 3 }, (_, k) => finding(i, 'error', k)), finding(i, 'warning', 0)];
    findings.push(...mine);
    sources.push({ id: `p${pad(i)}`, path: `site/p${pad(i)}.md`, status: 'ok', language: 'en', claims: mine.length, findings: mine.length });
  }
  const ref = getEngine().reference;
  return { tool: { name: 'claimlint', version: '0' }, reference: { id: ref.id, version: ref.version, title: ref.title, path: ref.path, sha256: ref.sha256 }, sources, claims: [], findings, summary: summarize(sources, [], findings) };
}

describe('report.md on a large corpus', () => {
  const pages = 3000; // 3,000 errors on 2,000 pages
  const md = renderMarkdown(bigReport(pages), getEngine().reference);

  it('lists the first 1,000 errors in file order and counts the rest', () => {
    expect(md.match(/^\*\*ERROR\*\*/gm)).toHaveLength(1000);
    // Pages 1, 2, 4, 5, … carry 1 or 2 errors (3 per 3 pages): the 1,000th error is page 1000's.
    expect(md).toContain('### site/p01000.md');
    expect(md).not.toContain('### site/p01001.md');
    expect(md).toMatch(/\*\*2000 more errors on 1333 more pages not listed here\*\*/);
  });

  it('gives pages without errors no section, and says how many there are', () => {
    expect(md).not.toContain('### site/p00000.md');
    expect(md).toContain('1000 pages have no errors and are not listed');
    expect(md).toMatch(/Not listed here: 1 warning and 0 info findings/);
  });

  it('stays small and is the same on every run', () => {
    expect(md.length).toBeLessThan(400_000);
    expect(renderMarkdown(bigReport(pages), getEngine().reference)).toBe(md);
  });

  it('lists every finding of a small corpus', () => {
    const small = renderMarkdown(bigReport(30), getEngine().reference);
    expect(small.match(/^\*\*(ERROR|WARNING)\*\*/gm)).toHaveLength(30 + 30);
    expect(small).toContain('### site/p00000.md');
  });
});
