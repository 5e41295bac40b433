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
import { escapeHtml, safeHttpsUrl, CSP, renderHtml, LISTED_FINDINGS, LISTED_RESOLVED, MATRIX_SOURCES, PAGE_VIEWS } from '../src/report/html.js';
import { compareBaseline, type BaselineComparison } from '../src/report/baseline.js';
import { summarize, type Report, type ReportClaim } from '../src/report/model.js';
import type { Finding, NeedleValue } from '../src/types.js';
import { runCli } from './helpers/cli.js';
import { REFERENCE, ROOT, getEngine } from './helpers/engine.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'claimlint-html-unit-'));
const check = (out: string, ...extra: string[]) =>
  runCli(['check', 'sources', '--reference', REFERENCE, '--report-dir', join(out, 'reports'), '--claims-dir', join(out, 'claims'), ...extra], ROOT);
const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

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

// ---------------------------------------------------------------- large corpora

/**
 * A synthetic corpus built in memory: `pages` pages, each saying "We use N mm needles." (N from
 * 1 to 7 mm, contradicted above 4 mm; a few pages state three contradicted depths as well), and
 * `findings` findings spread over the pages in file order, their severities cycling info, warning,
 * error so that file order is not severity order.
 */
function corpus(pages: number, findings: number, opts: { heavy?: number[]; suppressed?: number } = {}) {
  const sources: Report['sources'] = [];
  const claims: ReportClaim[] = [];
  const all: Finding[] = [];
  const texts = new Map<string, string>();
  const pos = (line: number, column: number, offset: number, length: number) => ({
    start: { line, column, offset },
    end: { line, column: column + length, offset: offset + length },
  });
  const perPage = Math.floor(findings / pages);
  let extra = findings - perPage * pages;
  const severities = ['info', 'warning', 'error'] as const;
  let k = 0;
  for (let i = 0; i < pages; i++) {
    const id = `p-${String(i).padStart(5, '0')}`;
    const path = `corpus/${id}.md`;
    const mm = (i % 7) + 1;
    let text = `We use ${mm} mm needles.\n`;
    const pageClaims: ReportClaim[] = [];
    const claim = (value: NeedleValue, at: number, length: number, line: number): ReportClaim => ({
      id: `c-${id}-${pageClaims.length}`,
      source: id,
      path,
      kind: 'needle',
      value,
      text: text.slice(at, at + length),
      sentence: text.trim(),
      position: pos(line, at - text.lastIndexOf('\n', at - 1), at, length),
      language: 'en',
      modifiers: { negated: false, hedged: false, hypothetical: false, exception: false, advice: false },
      verdict: (value.max ?? 0) > 4 ? 'contradicted' : 'supported',
    });
    pageClaims.push(claim({ aspect: 'length', min: mm, max: mm, unit: 'mm', approximate: false }, 7, `${mm} mm`.length, 1));
    if (opts.heavy?.includes(i))
      for (const depth of [8, 9, 10]) {
        const at = text.length;
        text += `Inject ${depth} mm deep.\n`;
        pageClaims.push(claim({ aspect: 'depth', min: depth, max: depth, unit: 'mm', approximate: false }, at + 7, `${depth} mm`.length, text.split('\n').length - 2));
      }
    claims.push(...pageClaims);
    texts.set(path, text);
    const n = perPage + (extra-- > 0 ? 1 : 0);
    for (let j = 0; j < n; j++, k++)
      all.push(
        finding(`f-${String(k).padStart(6, '0')}`, {
          severity: severities[k % 3],
          rule: ['unverified-claim', 'cross-source-conflict', 'contradicts-reference'][k % 3],
          verdict: (['unverified', 'conflict', 'contradicted'] as const)[k % 3],
          source: id,
          path,
          claims: [pageClaims[0].id],
          position: pos(1, 8, 7, 4),
          text: pageClaims[0].text,
          message: `finding ${k} on ${id}`,
        }),
      );
    sources.push({ id, path, status: 'ok', language: 'en', sha256: 'x', claims: pageClaims.length, findings: n });
  }
  const suppressed = all.splice(0, opts.suppressed ?? 0).map((f) => ({ ...f, suppression: { kind: 'waiver' as const, reason: 'accepted', path: 'claims/waivers.yaml', line: 2, column: 5 } }));
  const report: Report = {
    tool: { name: 'claimlint', version: 'test' },
    reference: { id: 'mesotherapy', version: '1', title: 'Mesotherapy', path: REFERENCE, sha256: '0'.repeat(64) },
    sources,
    claims,
    findings: all,
    summary: summarize(sources, claims, all),
    ...(suppressed.length ? { suppressed } : {}),
  };
  return { report, texts };
}

const render = (c: ReturnType<typeof corpus>, baseline?: BaselineComparison) => renderHtml(c.report, getEngine().reference, { texts: c.texts, baseline });
const severitiesOf = (html: string) => [...html.matchAll(/<article class="card [^"]*" id="[^"]*" aria-labelledby="[^"]*" data-severity="(\w+)"/g)].map((m) => m[1]);
const noticesOf = (html: string) => [...html.matchAll(/<p class="notice" role="note">([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));

describe('report.html on a large corpus', () => {
  // 20,000 findings on 3,000 pages: 6,666 errors, 6,667 warnings, 6,667 info.
  const big = corpus(3000, 20000, { heavy: [2900, 1500, 7] });
  let html: string;
  beforeAll(() => {
    html = render(big);
  });

  it('stays a few megabytes, and the same size for twice the corpus', () => {
    const size = Buffer.byteLength(html);
    expect(size).toBeLessThan(3_000_000);
    const twice = Buffer.byteLength(render(corpus(6000, 40000)));
    expect(Math.abs(twice - size) / size).toBeLessThan(0.1);
  });

  it('is byte-identical when rendered again', () => {
    expect(render(big)).toBe(html);
  });

  it('lists the first errors in file order, and says how many findings it leaves out and where they are', () => {
    const listed = severitiesOf(html);
    expect(listed).toHaveLength(LISTED_FINDINGS);
    expect(new Set(listed)).toEqual(new Set(['error']));
    // Errors are every third finding, from f-000002 on: the first 500 of them in file order.
    const ids = [...html.matchAll(/<article class="card [^"]*" id="card-(f-\d+)"/g)].map((m) => m[1]);
    expect(ids.slice(0, 3)).toEqual(['f-000002', 'f-000005', 'f-000008']);
    expect(ids.at(-1)).toBe(`f-${String(3 * LISTED_FINDINGS - 1).padStart(6, '0')}`);
    const notices = noticesOf(html);
    expect(notices).toContain(
      'Not listed here: 19500 of 20000 findings (6166 errors, 6667 warnings, 6667 info). The 500 cards below come errors first, then warnings, then info, in file order within each severity; the filters and their counts apply to these cards (the count after “of” is the total). All findings are in report.json and report.sarif.',
    );
    expect(notices[0]).toMatch(/^Abridged for size: 500 of 20000 findings listed, errors first; the consensus matrix has columns for 50 of 3000 pages, .*; the text of \d+ of 3000 pages is shown\. Every finding is in report\.json and report\.sarif/);
    // The notice comes before the filters, and the filters' counts say what is listed of how many.
    expect(html.indexOf('Not listed here: 19500')).toBeLessThan(html.indexOf('<form id="filters"'));
    expect(html).toContain('<label><input type="checkbox" name="severity" value="error" checked> error (500 of 6666)</label>');
    expect(html).toContain('<label><input type="checkbox" name="severity" value="info" checked> info (0 of 6667)</label>');
    expect(html).toContain('<option value="unverified-claim">unverified-claim (0 of 6667)</option>');
    expect(html).toContain('<p id="shown" role="status" aria-live="polite">Showing 500 of 500 findings: 500 errors, 0 warnings, 0 info</p>');
    // Only the pages of listed cards are offered as a source filter.
    const options = html.match(/<select id="f-source"[\s\S]*?<\/select>/)![0];
    const pages = new Set([...html.matchAll(/<article [^>]* data-source="([^"]+)"/g)].map((m) => m[1]));
    expect(pages.size).toBeGreaterThan(200);
    expect([...options.matchAll(/<option value="p-/g)]).toHaveLength(pages.size);
  });

  it('keeps errors, then warnings, then info, each in file order, when the list is cut', () => {
    // 600 findings: 200 of each severity; the list keeps all errors and warnings and 100 info.
    const out = render(corpus(MATRIX_SOURCES, 600));
    const listed = severitiesOf(out);
    expect(listed).toEqual([...Array(200).fill('error'), ...Array(200).fill('warning'), ...Array(100).fill('info')]);
    const infos = [...out.matchAll(/id="card-(f-\d+)" aria-labelledby="[^"]*" data-severity="info"/g)].map((m) => m[1]);
    expect(infos.slice(0, 2)).toEqual(['f-000000', 'f-000003']);
    expect(noticesOf(out)).toContain(
      'Not listed here: 100 of 600 findings (0 errors, 0 warnings, 100 info). The 500 cards below come errors first, then warnings, then info, in file order within each severity; the filters and their counts apply to these cards (the count after “of” is the total). All findings are in report.json and report.sarif.',
    );
    // 50 pages: the matrix and the page views are whole.
    expect(out).not.toContain('Not in the matrix below');
    expect(out).not.toContain('Not shown here');
  });

  it('lists waived findings after every finding that fails the run', () => {
    const out = render(corpus(100, 900, { suppressed: 30 }));
    const cards = [...out.matchAll(/data-severity="(\w+)"[^>]*data-waiver="(\w+)"/g)].map((m) => `${m[1]}/${m[2]}`);
    expect(cards).toHaveLength(LISTED_FINDINGS);
    expect(cards.slice(0, 290)).toEqual(Array(290).fill('error/none'));
    expect(cards).not.toContain('error/waived');
    expect(out).toContain('<option value="waived">waived or silenced (0 of 30)</option>');
    expect(noticesOf(out).join('\n')).toContain(', waived or silenced findings last;');
  });

  it('keeps a matrix column for the pages with the most contradicted values, and counts every page per value', () => {
    const head = html.match(/<table id="matrix-table">[\s\S]*?<\/thead>/)![0];
    const columns = [...head.matchAll(/<th scope="col">(?:<a href="#src-\d+">)?([\w-]+)/g)].map((m) => m[1]);
    expect(columns).toHaveLength(MATRIX_SOURCES + 2);
    // First the pages with three contradicted depths and a needle length other than the most common
    // one (1 mm, the first of the four values stated by 429 pages), then the one with 1 mm, then the
    // 5, 6 and 7 mm pages (contradicted and different), in file order.
    expect(columns.slice(1, 4)).toEqual(['p-01500', 'p-02900', 'p-00007']);
    expect(columns.slice(4, 7)).toEqual(['p-00004', 'p-00005', 'p-00006']);
    expect(noticesOf(html)).toContain(
      'Not in the matrix below: 2950 of 3000 pages. It has a column for the 50 pages with the most contradicted values and values that differ from the most common one where pages disagree, most first; the table above counts every page. What each page says, claim by claim, is in report.json.',
    );
    const summary = html.match(/<table id="matrix-summary">[\s\S]*?<\/table>/)![0];
    const length = summary.match(/<tr class="disagree" data-attribute="needle\.length">[\s\S]*?<\/tr>/)![0];
    expect(length).toContain('(3000 of 3000 pages)');
    // 3000 pages over 7 values: 429 pages state 1 mm … 3 mm, 428 the others; the most frequent first.
    expect([...length.matchAll(/<\/span> (\d+ mm)<\/span> (\d+) pages/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual(['1 mm:429', '2 mm:429', '3 mm:429', '4 mm:429', '5 mm:428', '6 mm:428', '7 mm:428']);
    expect(summary).toContain('<th scope="row">Injection depth <span class="meta">(3 of 3000 pages)</span></th>');
  });

  it('shows the text of the pages of the listed findings only, and no link leads nowhere', () => {
    const views = [...html.matchAll(/<details class="page" id="(src-\d+)"/g)].map((m) => m[1]);
    expect(views.length).toBeLessThanOrEqual(PAGE_VIEWS);
    // Every listed card links to its span in a page view.
    expect([...html.matchAll(/<a class="goto" href="#c-c-p-\d+-0">/g)]).toHaveLength(LISTED_FINDINGS);
    expect(noticesOf(html).find((n) => n.startsWith('Not shown here'))).toBe(
      `Not shown here: the text of ${3000 - views.length} of 3000 pages. These ${views.length} pages are those of the findings listed above (and of the matrix's columns), at most ${PAGE_VIEWS}, in file order; a finding whose page is not here shows its quote and place without a link. Every page's claims, with their places, are in report.json.`,
    );
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect([...html.matchAll(/\sid="([^"]+)"/g)].length).toBe(ids.size);
    const hrefs = [...html.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.filter((h) => !ids.has(h))).toEqual([]);
  });

  it('links nowhere when a page has no view: one error on each of 3000 pages', () => {
    const out = render(corpus(3000, 3000, { heavy: [2900] }));
    // 500 error cards on 500 pages (p-00002, p-00005 … p-01499), more than the page views hold: the last cards name their place as text.
    expect([...out.matchAll(/<details class="page"/g)]).toHaveLength(PAGE_VIEWS);
    expect([...out.matchAll(/<a class="goto" href="#c-c-p-\d+-0">/g)]).toHaveLength(PAGE_VIEWS);
    expect(out).toContain('<p><span class="rule">contradicts-reference</span> · corpus/p-01499.md:1:8</p>');
    // The matrix's first column (p-02900) has no view: its values keep their quote (focusable) but are not links.
    expect(out).toContain('<th scope="col">p-02900 <span class="sr">(en)</span></th>');
    expect(out).toMatch(/<span class="cellv"><span class="v v-contradicted" tabindex="0" aria-describedby="tip-\d+" data-attribute="needle.depth" data-value="8 mm">/);
    const ids = new Set([...out.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect([...out.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]).filter((h) => !ids.has(h))).toEqual([]);
  });

  it('cuts the resolved findings of a baseline too, saying where they all are', () => {
    const small = corpus(10, 30);
    const gone = corpus(300, 300).report.findings.map((f) => ({ ...f, id: `gone-${f.id}` }));
    const out = render(small, { path: 'old/report.json', status: new Map(small.report.findings.map((f) => [f.id, 'unchanged'])), resolved: gone, counts: { new: 0, unchanged: 30, resolved: 300 } });
    expect([...out.matchAll(/id="card-gone-f-\d+-resolved"/g)]).toHaveLength(LISTED_RESOLVED);
    expect(noticesOf(out)).toContain(`Not listed here: 200 of 300 resolved findings; the ${LISTED_RESOLVED} below come errors first. All of them are in the baseline, old/report.json.`);
    expect(out).toContain('<option value="resolved">resolved (100 of 300)</option>');
    expect(out).toContain('<option value="unchanged">unchanged (30 of 30)</option>');
  });

  it('leaves a report below every limit as it was: all cards in report order, every page, no notice', () => {
    const c = corpus(MATRIX_SOURCES, LISTED_FINDINGS);
    const out = render(c);
    expect(noticesOf(out)).toEqual([]);
    expect(out).not.toContain('Abridged');
    expect(severitiesOf(out)).toEqual(c.report.findings.map((f) => f.severity));
    expect([...out.matchAll(/<details class="page"/g)]).toHaveLength(MATRIX_SOURCES);
    expect(out).not.toContain('matrix-summary');
    expect(out).toContain(`<label><input type="checkbox" name="severity" value="error" checked> error (${c.report.summary.bySeverity.error})</label>`);
  });
});
