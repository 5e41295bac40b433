/**
 * The HTML report without a browser: escaping, link safety, the CSP hashes,
 * self-containment, determinism; and --baseline (new / unchanged / resolved)
 * in the HTML and Markdown reports.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeHtml, safeHttpsUrl, CSP } from '../src/report/html.js';
import { compareBaseline } from '../src/report/baseline.js';
import type { Report } from '../src/report/model.js';
import type { Finding } from '../src/types.js';
import { runCli } from './helpers/cli.js';
import { REFERENCE, ROOT } from './helpers/engine.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'claimlint-html-unit-'));
const check = (out: string, ...extra: string[]) =>
  runCli(['check', 'sources', '--reference', REFERENCE, '--report-dir', join(out, 'reports'), '--claims-dir', join(out, 'claims'), ...extra], ROOT);
const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

describe('escaping and links', () => {
  it('escapes the five HTML-significant characters, for text and attribute values alike', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(escapeHtml(undefined)).toBe('');
  });

  it('accepts only https: links from the reference', () => {
    expect(safeHttpsUrl('https://doi.org/10.1000/x')).toBe('https://doi.org/10.1000/x');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'http://example.com', 'data:text/html,<b>', '//example.com', 'https://user:pw@example.com', 'not a url', undefined])
      expect(safeHttpsUrl(bad)).toBeUndefined();
  });
});

describe('report.html on the seed pages', () => {
  let html: string;
  let out: string;

  beforeAll(() => {
    out = tmp();
    expect(check(out).code).toBe(1);
    html = readFileSync(join(out, 'reports/report.html'), 'utf8');
  });

  it('allows exactly its own inline style and script, by hash, and nothing remote', () => {
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)![1];
    expect(meta.replace(/&#39;/g, "'")).toBe(CSP);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(styles).toHaveLength(1);
    expect(scripts).toHaveLength(1);
    expect(CSP).toContain(`style-src ${sha(styles[0])}`);
    expect(CSP).toContain(`script-src ${sha(scripts[0])}`);
    expect(CSP).toMatch(/^default-src 'none'; /);
    expect(CSP).not.toMatch(/unsafe|http/);
    // The CSP meta comes before the style and the script.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('is self-contained: no external assets; every link is an #anchor or an https evidence link', () => {
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/\sstyle=/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(50);
    expect(hrefs.filter((h) => !/^(#[\w-]+|https:\/\/(doi\.org|pubmed\.ncbi\.nlm\.nih\.gov|[\w.-]+)\/)/.test(h))).toEqual([]);
    // Every #anchor points at an element of the page.
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect(hrefs.filter((h) => h.startsWith('#') && !ids.has(h.slice(1)))).toEqual([]);
    expect([...html.matchAll(/\sid="([^"]+)"/g)].length).toBe(ids.size);
  });

  it('has a card per finding with rule, severity, line:col, evidence links and waiver status', () => {
    const report: Report = JSON.parse(readFileSync(join(out, 'reports/report.json'), 'utf8'));
    expect([...html.matchAll(/<article class="card /g)]).toHaveLength(report.findings.length);
    expect(html).toContain('sources/mesotherapy-en.md:27:36');
    expect(html).toMatch(/<a href="https:\/\/doi\.org\/10\.[^"]+" rel="noreferrer noopener">doi:10\./);
    expect(html).toMatch(/<a href="https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/" rel="noreferrer noopener">PMID \d+<\/a>/);
    expect(html).toContain('<dt>Waiver</dt>');
    // Landmarks and headings.
    for (const tag of ['<header>', '<nav aria-label="Sections">', '<main id="main"', '<footer>', '<h1>', '<h2 id="h-matrix">', '<h2 id="h-findings">']) expect(html).toContain(tag);
  });

  it('is byte-identical on a second run', () => {
    const again = tmp();
    check(again);
    expect(readFileSync(join(again, 'reports/report.html'), 'utf8')).toBe(html);
  });

  it('can be printed to stdout with --format html', () => {
    const run = runCli(['check', 'sources', '--reference', REFERENCE, '--format', 'html', '--no-write'], ROOT);
    expect(run.stdout).toBe(html);
  });
});

describe('waived findings in report.html', () => {
  it('shows a waived finding as a card with its waiver: who, until when, why, and where', () => {
    const first = tmp();
    check(first);
    const report: Report = JSON.parse(readFileSync(join(first, 'reports/report.json'), 'utf8'));
    const target = report.findings.find((f) => f.rule === 'unverified-claim' && f.source === 'san-magno-mesoterapia')!;
    expect(target.fingerprint).toBeTruthy();
    const waivers = join(first, 'waivers.yaml');
    writeFileSync(
      waivers,
      [
        'waivers:',
        `  - fingerprint: "${target.fingerprint}"`,
        `    rule: ${target.rule}`,
        `    source: ${target.source}`,
        '    reason: "The clinic sent its <protocol>; the reference adds it next release."',
        '    reviewer: "Dr. A. Rossi"',
        '    date: "2026-11-25"',
        '    expiry: "2999-02-25"',
        '',
      ].join('\n'),
    );
    const second = tmp();
    check(second, '--waivers', waivers);
    const html = readFileSync(join(second, 'reports/report.html'), 'utf8');
    const card = html.match(new RegExp(`<article [^>]*id="card-${target.id}"[\\s\\S]*?</article>`))![0];
    expect(card).toContain('data-waiver="waived"');
    expect(card).toContain('<span class="badge b-waived">Waived</span>');
    expect(card).toMatch(/<dt>Waiver<\/dt><dd>waived by Dr\. A\. Rossi on 2026-11-25 until 2999-02-25: The clinic sent its &lt;protocol&gt;; the reference adds it next release\. \([^)]*waivers\.yaml:2:\d+\)<\/dd>/);
    expect(html).toMatch(/<option value="waived">waived or silenced \(1\)<\/option>/);
    expect([...html.matchAll(/data-waiver="none"/g)]).toHaveLength(report.findings.length - 1);
  });
});

describe('--baseline: what changed', () => {
  const finding = (id: string, extra: Partial<Finding> = {}): Finding => ({
    id,
    rule: 'contradicts-reference',
    severity: 'error',
    verdict: 'contradicted',
    source: 's',
    path: 'sources/s.md',
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } },
    text: 'x',
    claims: [],
    message: `finding ${id}`,
    evidence: [],
    ...extra,
  });

  it('marks findings new or unchanged and lists the resolved ones', () => {
    const cmp = compareBaseline({ findings: [finding('a'), finding('b')] }, { findings: [finding('b'), finding('c'), finding('c')] }, 'old.json');
    expect([...cmp.status]).toEqual([
      ['a', 'new'],
      ['b', 'unchanged'],
    ]);
    expect(cmp.resolved.map((f) => f.id)).toEqual(['c']);
    expect(cmp.counts).toEqual({ new: 1, unchanged: 1, resolved: 1 });
  });

  it('shows new, unchanged and resolved findings in report.html and report.md', () => {
    const first = tmp();
    check(first);
    const previous: Report = JSON.parse(readFileSync(join(first, 'reports/report.json'), 'utf8'));
    // The baseline lacked one of today's findings and had one that is gone now.
    const dropped = previous.findings.find((f) => f.rule === 'contradicts-reference' && f.attribute === 'needle.length')!;
    const gone = { ...dropped, id: 'f-000000000000', message: 'Needle length 9 mm <b>gone</b> since', text: '9 mm' };
    const baseline = { ...previous, findings: [...previous.findings.filter((f) => f.id !== dropped.id), gone] };
    const file = join(first, 'baseline.json');
    writeFileSync(file, JSON.stringify(baseline));

    const second = tmp();
    const run = check(second, '--baseline', file);
    expect(run.code).toBe(1);
    const html = readFileSync(join(second, 'reports/report.html'), 'utf8');
    expect([...html.matchAll(/<span class="badge b-new">New<\/span>/g)]).toHaveLength(1);
    expect([...html.matchAll(/<span class="badge b-unchanged">/g)]).toHaveLength(previous.findings.length - 1);
    expect(html).toContain(`id="card-${dropped.id}"`);
    expect(html).toMatch(/<h2 id="h-resolved">Resolved since the baseline<\/h2><div class="cards"><article class="card sev-\w+" id="card-f-000000000000-resolved"/);
    expect(html).toContain('Needle length 9 mm &lt;b&gt;gone&lt;/b&gt; since');
    expect(html).toMatch(/Since the baseline: <strong>1<\/strong> new, \d+ unchanged, <strong>1<\/strong> resolved/);

    const md = readFileSync(join(second, 'reports/report.md'), 'utf8');
    expect(md).toContain('## Resolved since the baseline');
    expect(md).toMatch(/- Since the baseline: \*\*1 new\*\*, \d+ unchanged, \*\*1 resolved\*\*/);
    expect(md).toMatch(/Needle length 6 mm contradicts[^\n]*`contradicts-reference` \(new\)/);
    expect(md.match(/\(new\)$/gm)).toHaveLength(1);
    expect(md).toMatch(/## Resolved since the baseline\n\n\*\*(ERROR|WARNING|INFO)\*\* `sources\/mesotherapy-en\.md:27:36` Needle length 9 mm \\?<b>gone\\?<\/b> since `contradicts-reference` \(resolved\)/);
    // report.json does not change with a baseline.
    expect(readFileSync(join(second, 'reports/report.json'), 'utf8')).toBe(readFileSync(join(first, 'reports/report.json'), 'utf8'));
  });

  it('a missing or invalid baseline is a usage error (exit 2) naming the file', () => {
    const dir = tmp();
    const missing = runCli(['check', 'sources', '--reference', REFERENCE, '--no-write', '--baseline', join(dir, 'nope.json')], ROOT);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--baseline .*nope\.json: cannot read the file \(ENOENT\)/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"findings": [');
    const invalid = runCli(['check', 'sources', '--reference', REFERENCE, '--no-write', '--baseline', bad], ROOT);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/bad\.json: not valid JSON/);
    writeFileSync(bad, '{"claims": []}');
    expect(runCli(['check', 'sources', '--reference', REFERENCE, '--no-write', '--baseline', bad], ROOT).stderr).toMatch(/bad\.json: not a claimlint report\.json/);
  });
});
