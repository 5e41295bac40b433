/**
 * The reviewer's report as one self-contained HTML file (reports/report.html):
 * summary, consensus matrix, numbers as inline SVG against the reference,
 * filterable finding cards, and each page's text with its claims highlighted.
 *
 * Page text, the reference and findings are untrusted: every string goes
 * through escapeHtml (text and attribute values alike); element ids are built
 * from content hashes or indexes, never from page text; links are `#id`
 * anchors or https: evidence links from the reference. No external assets:
 * one inline <style>, one inline <script>, and a Content-Security-Policy that
 * allows exactly those two (by SHA-256) and nothing else.
 */
import { createHash } from 'node:crypto';
import { scopeNote, type Report, type ReportClaim, type SourceEntry } from './model.js';
import type { Reference } from '../reference/load.js';
import type { FormatContext } from './formats.js';
import type { BaselineComparison, FindingChange } from './baseline.js';
import type { EvidenceRef, Finding, Severity } from '../types.js';
import { claimsOfPaths, consensusRows, distinctKey, LISTED_STATEMENTS, numericSummaries, type ConsensusRow, type NumericStatement, type NumericSummary } from './consensus.js';
import { citedEvidence } from './evidence.js';
import { ATTRIBUTE_LABELS, referenceCell } from '../check/format-value.js';
import { factKey } from '../reference/load.js';
import type { SourceTexts } from './source-text.js';

// ---------------------------------------------------------------- escaping

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The one escape for every untrusted string, in text and in (quoted) attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
const e = escapeHtml;

/** An https: URL from the reference, or undefined (javascript:, data:, http: … are refused). */
export function safeHttpsUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function doiUrl(doi: string | undefined): string | undefined {
  return doi && /^10\.\d{4,9}\/[^\s]+$/.test(doi) ? `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}` : undefined;
}
function pmidUrl(pmid: string | undefined): string | undefined {
  return pmid && /^\d{1,10}$/.test(pmid) ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : undefined;
}

const hashId = (prefix: string, value: string) => `${prefix}${createHash('sha256').update(value).digest('hex').slice(0, 12)}`;
/** Element id of a claim's span in the page view: its content-derived id when it is plain, else a hash of it. */
const claimAnchor = (claimId: string) => (/^[A-Za-z0-9_-]{1,64}$/.test(claimId) ? `c-${claimId}` : hashId('c-x', claimId));
const findingAnchor = (findingId: string) => (/^[A-Za-z0-9_-]{1,64}$/.test(findingId) ? `card-${findingId}` : hashId('card-x', findingId));
const safeLang = (lang: string | undefined) => (lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : undefined);

// ---------------------------------------------------------------- vocabulary

type VerdictClass = 'supported' | 'contradicted' | 'unverified' | 'conflict' | 'error';
const VERDICT_MARK: Record<VerdictClass, string> = { supported: '✓', contradicted: '✗', unverified: '?', conflict: '⚠', error: '!' };
const VERDICT_WORD: Record<VerdictClass, string> = { supported: 'supported', contradicted: 'contradicted', unverified: 'unverified', conflict: 'conflict', error: 'error' };
const SEVERITIES = ['error', 'warning', 'info'] as const;
const CHANGE_WORD: Record<FindingChange, string> = { new: 'New', unchanged: 'Unchanged', resolved: 'Resolved' };
const GROUP_LABELS: Record<string, string> = {
  needle: 'Needle',
  sessions: 'Sessions',
  contraindication: 'Contraindications',
  'adverse-effect': 'Adverse effects',
  safety: 'Safety assertions',
  efficacy: 'Efficacy assertions',
  indication: 'Indications',
  substance: 'Substances',
  aftercare: 'Aftercare',
  history: 'History',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ---------------------------------------------------------------- style and script

const STYLE = `
:root{--fg:#1b1b1b;--muted:#4d4d4d;--bg:#fff;--line:#c4c4c4;--link:#0b57d0;--focus:#0b57d0;
--sup-bg:#dff2e3;--sup-fg:#135e26;--con-bg:#fbe0e0;--con-fg:#8a1111;--unv-bg:#fff1c2;--unv-fg:#5e4200;--cfl-bg:#ebe6fa;--cfl-fg:#44287f;--err-bg:#f2f2f2;--err-fg:#1b1b1b}
*{box-sizing:border-box}
html{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
body{margin:0}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em}
.skip:focus{left:.5em}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header,nav,main,footer{padding:0 1.5rem}
header{border-bottom:1px solid var(--line)}
h1{margin:.6em 0 .2em;font-size:1.7rem}
h2{margin:1.6em 0 .5em;font-size:1.35rem;border-bottom:2px solid var(--line)}
h3{font-size:1.05rem;margin:.2em 0}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1.2em;padding:0;margin:.6em 0}
.meta{color:var(--muted);margin:.2em 0 .8em}
.stats{display:flex;flex-wrap:wrap;gap:.6em 2em;margin:0;padding:0;list-style:none}
.stats strong{font-size:1.25rem}
.legend{display:flex;flex-wrap:wrap;gap:.5em 1.2em;padding:0;list-style:none}
.v{display:inline-block;border:1px solid;border-radius:4px;padding:0 .35em;margin:.1em 0;text-decoration:none;white-space:nowrap}
.v-supported{background:var(--sup-bg);color:var(--sup-fg)}
.v-contradicted{background:var(--con-bg);color:var(--con-fg);font-weight:600}
.v-unverified{background:var(--unv-bg);color:var(--unv-fg)}
.v-conflict{background:var(--cfl-bg);color:var(--cfl-fg)}
.v-error{background:var(--err-bg);color:var(--err-fg)}
.scroll{overflow-x:auto;max-width:100%;border:1px solid var(--line)}
table{border-collapse:collapse;font-size:.92rem}
th,td{border:1px solid var(--line);padding:.3em .5em;text-align:left;vertical-align:top}
thead th{background:#f3f3f3;position:sticky;top:0}
tbody th[scope=row]{font-weight:500;min-width:12em}
tr.group th{background:#e9edf3;font-weight:700}
tr.disagree th[scope=row]{background:var(--cfl-bg);color:var(--cfl-fg)}
td.ref{background:#f6f8fb;font-style:italic}
.cellv{position:relative;display:inline-block}
.tip{display:none;position:absolute;z-index:5;left:0;top:100%;width:22em;max-width:70vw;padding:.4em .6em;background:#1b1b1b;color:#fff;border-radius:4px;font-size:.85rem;font-weight:400;white-space:normal}
.cellv:hover .tip,.cellv:focus-within .tip{display:block}
figure{margin:1em 0 1.6em}
figcaption{font-weight:600}
svg{max-width:100%;height:auto;font:12px system-ui,sans-serif}
svg .axis{stroke:#6b6b6b}
svg .grid{stroke:#e0e0e0}
svg .tick{fill:#333}
svg .band{fill:#cfe9d5;stroke:#2e7d32;stroke-dasharray:4 3}
svg .refline{stroke:#2e7d32;stroke-width:2;stroke-dasharray:6 3}
svg .reflabel{fill:#135e26}
svg .lbl{fill:#1b1b1b}
svg .m-supported{fill:#1e7b34;stroke:#0f4f20}
svg .m-contradicted{fill:#c62828;stroke:#7a1010}
svg .m-unverified{fill:#b07a00;stroke:#5e4200}
svg .bar{fill-opacity:.35;stroke-width:1.5}
svg a:focus{outline:none}
svg a:focus .mk,svg a:hover .mk{stroke:#0b57d0;stroke-width:3}
form.filters{display:flex;flex-wrap:wrap;gap:.8em 1.6em;align-items:flex-end;padding:.8em;border:1px solid var(--line);border-radius:6px;background:#fafafa}
form.filters fieldset{border:0;margin:0;padding:0}
form.filters legend,form.filters label.lbl{display:block;font-weight:600;font-size:.9rem}
form.filters select,form.filters input[type=search]{font:inherit;padding:.2em .3em;min-width:10em}
form.filters button{font:inherit;padding:.2em .8em}
#shown{font-weight:600}
.cards{list-style:none;padding:0;margin:0}
.card{border:1px solid var(--line);border-left:8px solid var(--line);border-radius:6px;padding:.6em 1em;margin:.8em 0}
.card.sev-error{border-left-color:#c62828}
.card.sev-warning{border-left-color:#b07a00}
.card.sev-info{border-left-color:#4d6fa8}
.card[hidden]{display:none}
.card h3{display:flex;flex-wrap:wrap;gap:.5em;align-items:baseline}
.badge{font-size:.8rem;font-weight:700;text-transform:uppercase;border:1px solid;border-radius:3px;padding:0 .35em}
.b-error{background:var(--con-bg);color:var(--con-fg)}
.b-warning{background:var(--unv-bg);color:var(--unv-fg)}
.b-info{background:#e4ecf8;color:#20406e}
.b-new{background:#1b1b1b;color:#fff}
.b-unchanged{background:#fff;color:var(--muted)}
.b-resolved{background:var(--sup-bg);color:var(--sup-fg)}
.b-waived{background:#ececec;color:#333}
ul.evidence li{margin:.3em 0}
code,.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.card blockquote{margin:.3em 0;padding:.2em .8em;border-left:3px solid var(--line);background:#f7f7f7}
.card dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.4em 0}
.card dt{font-weight:600}
.card dd{margin:0}
.card dd ul{margin:0;padding-left:1.2em}
.ev-status{font-size:.85em;color:var(--muted)}
details.page{border:1px solid var(--line);border-radius:6px;margin:.8em 0}
details.page>summary{padding:.5em 1em;cursor:pointer}
details.page>summary h3{display:inline}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88rem;margin:0;padding:.8em 1em;border-top:1px solid var(--line);line-height:1.6}
mark{color:inherit;border-radius:2px;padding:0 1px;scroll-margin:40vh}
mark.v-supported{background:var(--sup-bg);border-bottom:2px dashed var(--sup-fg)}
mark.v-contradicted{background:var(--con-bg);border-bottom:3px solid var(--con-fg);font-weight:400}
mark.v-unverified{background:var(--unv-bg);border-bottom:2px dotted var(--unv-fg)}
mark.v-supported::after{content:"✓";font-size:.75em;vertical-align:super;color:var(--sup-fg)}
mark.v-contradicted::after{content:"✗";font-size:.75em;vertical-align:super;color:var(--con-fg)}
mark.v-unverified::after{content:"?";font-size:.75em;vertical-align:super;color:var(--unv-fg)}
.flash{outline:3px solid var(--focus);outline-offset:2px}
footer{border-top:1px solid var(--line);margin-top:2em;color:var(--muted);font-size:.9rem}
@media print{nav,form.filters,.skip{display:none}.card[hidden]{display:block}.card{break-inside:avoid}.scroll{overflow:visible;border:0}.tip{display:none!important}a{color:inherit}thead th{position:static}}
`;

const SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var shown = document.getElementById('shown');
  var cards = Array.prototype.slice.call(document.querySelectorAll('.card'));
  function value(name) {
    var el = form && form.elements.namedItem(name);
    return el && 'value' in el ? String(el.value) : '';
  }
  var texts = new Map();
  function text(card) {
    var t = texts.get(card);
    if (t === undefined) { t = card.textContent.toLowerCase(); texts.set(card, t); }
    return t;
  }
  function apply() {
    if (!form) return;
    var sev = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name="severity"]'), function (box) { sev[box.value] = box.checked; });
    var rule = value('rule'), source = value('source'), lang = value('language'), status = value('status');
    var q = value('q').trim().toLowerCase();
    var waiver = value('waiver');
    var n = 0, by = { error: 0, warning: 0, info: 0 };
    cards.forEach(function (card) {
      var d = card.dataset;
      var ok = sev[d.severity] !== false && (!rule || d.rule === rule) && (!source || d.source === source) &&
        (!lang || d.lang === lang) && (!status || d.status === status) && (!waiver || d.waiver === waiver) && (!q || text(card).indexOf(q) >= 0);
      card.hidden = !ok;
      if (ok) { n++; by[d.severity] = (by[d.severity] || 0) + 1; }
    });
    if (shown) shown.textContent = 'Showing ' + n + ' of ' + cards.length + ' findings: ' + by.error + ' errors, ' + by.warning + ' warnings, ' + by.info + ' info';
  }
  function go(id) {
    var el = document.getElementById(id);
    if (!el) return false;
    for (var p = el.parentElement; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    el.scrollIntoView({ block: 'center' });
    if (el.focus) el.focus({ preventScroll: true });
    el.classList.add('flash');
    setTimeout(function () { el.classList.remove('flash'); }, 2000);
    return true;
  }
  if (form) {
    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (ev) { ev.preventDefault(); apply(); });
    form.addEventListener('reset', function () { setTimeout(apply, 0); });
  }
  document.addEventListener('click', function (ev) {
    var t = ev.target;
    var a = t && t.closest ? t.closest('a[href^="#"]') : null;
    if (!a) return;
    var id = decodeURIComponent((a.getAttribute('href') || '').slice(1));
    if (id && go(id)) {
      ev.preventDefault();
      try { history.replaceState(null, '', '#' + id); } catch (err) { /* file: URLs may refuse */ }
    }
  });
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
  if (location.hash.length > 1) go(decodeURIComponent(location.hash.slice(1)));
  apply();
})();
`;

const cspHash = (content: string) => `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;

/** The Content-Security-Policy of the report: nothing remote, only its own inline style and script. */
export const CSP = `default-src 'none'; script-src ${cspHash(SCRIPT)}; style-src ${cspHash(STYLE)}; img-src 'none'; base-uri 'none'; form-action 'none'`;

// ---------------------------------------------------------------- large corpora

// report.md degrades by corpus size (a list instead of the consensus table beyond 12 pages, only
// errors per page beyond 50 pages); report.html does the same by the size of each section, so it
// stays a few megabytes that a browser opens in a second or two (10,000 generated pages: 109k
// findings, 323 MB before). Below every limit the report is unchanged. Each cut section says
// how many items it leaves out and where they are in full (report.json, report.sarif).

/** Finding cards listed at most: errors first, then warnings, then info (file order within each), waived or silenced findings last; the rest are counted (a card is ~2.3 KB). */
export const LISTED_FINDINGS = 500;
/** Resolved-since-the-baseline cards listed at most, in the same order; the rest are in the baseline report. */
export const LISTED_RESOLVED = 100;
/** Beyond this many pages the matrix has a column only for the pages with the most contradicted or conflicting values; a table per attribute counts the pages of every value. */
export const MATRIX_SOURCES = 50;
/** Values per attribute in that table, the most frequent first; the rest are counted. */
export const SUMMARY_VALUES = 10;
/** Beyond this many pages only this many pages get a text view: those of the listed findings first, then the matrix's columns (a view holds the whole page). */
export const PAGE_VIEWS = 250;

/** What a large report keeps; built once, in linear time, before any section is rendered. */
interface Plan {
  /** The finding cards (report order when nothing is cut). */
  cards: Finding[];
  /** The resolved cards. */
  resolved: Finding[];
  /** Pages with a column in the matrix, in column order. */
  matrix: SourceEntry[];
  /** Paths of the pages with a text view (every page when nothing is cut). */
  views: Set<string>;
}

/** At most `limit` findings: errors, then warnings, then info, each in the order given; one pass. */
function byPriority(findings: readonly Finding[], limit: number): Finding[] {
  const by: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (const f of findings) {
    const list = by[f.severity] ?? by.info;
    if (list.length < limit) list.push(f);
  }
  return [...by.error, ...by.warning, ...by.info].slice(0, limit);
}

/** Per page, contradicted values and values that differ from the most common one of a disagreeing attribute. */
function matrixRanking(rows: readonly ConsensusRow[], sources: SourceEntry[]): SourceEntry[] {
  const contradicted = new Map<string, number>();
  const conflicting = new Map<string, number>();
  for (const row of rows) {
    // Cell by cell: a row of a large corpus has a cell per page, each made when it is read
    // (src/report/consensus.ts), and only what it says is kept.
    const keys: Array<readonly [string, string]> = [];
    for (const id of Object.keys(row.cells)) {
      const cell = row.cells[id];
      const c = cell.values.filter((v) => v.verdict === 'contradicted').length;
      if (c) contradicted.set(id, (contradicted.get(id) ?? 0) + c);
      if (row.disagreement) keys.push([id, distinctKey(cell.values)]);
    }
    if (!row.disagreement) continue;
    // The most common statement (the first of equals); every page that says something else conflicts.
    const counts = new Map<string, number>();
    for (const [, k] of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    let majority = '';
    let best = 0;
    for (const [k, n] of counts) if (n > best) [majority, best] = [k, n];
    for (const [id, k] of keys) if (k !== majority) conflicting.set(id, (conflicting.get(id) ?? 0) + 1);
  }
  const score = (s: SourceEntry) => (contradicted.get(s.id) ?? 0) + (conflicting.get(s.id) ?? 0);
  return sources
    .map((s, i) => ({ s, i, n: score(s), c: contradicted.get(s.id) ?? 0 }))
    .sort((a, b) => b.n - a.n || b.c - a.c || a.i - b.i)
    .slice(0, MATRIX_SOURCES)
    .map((x) => x.s);
}

function plan(report: Report, rows: readonly ConsensusRow[], okSources: SourceEntry[], baseline: BaselineComparison | undefined): Plan {
  const suppressed = suppressedOf(report);
  let cards: Finding[];
  if (report.findings.length + suppressed.length <= LISTED_FINDINGS) cards = [...report.findings, ...suppressed];
  else {
    // One pass, keeping at most LISTED_FINDINGS (a large corpus's findings are read from disk).
    const active = byPriority(report.findings, LISTED_FINDINGS);
    cards = [...active, ...byPriority(suppressed, LISTED_FINDINGS - active.length)];
  }
  const allResolved = baseline?.resolved ?? [];
  const resolved = allResolved.length > LISTED_RESOLVED ? byPriority(allResolved, LISTED_RESOLVED) : allResolved;
  const matrix = okSources.length > MATRIX_SOURCES ? matrixRanking(rows, okSources) : okSources;
  let views: Set<string>;
  if (report.sources.length <= PAGE_VIEWS) views = new Set(report.sources.map((s) => s.path));
  else {
    const known = new Set(report.sources.map((s) => s.path));
    views = new Set<string>();
    for (const path of [...cards.map((f) => f.path), ...matrix.map((s) => s.path)]) {
      if (views.size >= PAGE_VIEWS) break;
      if (known.has(path)) views.add(path);
    }
  }
  return { cards, resolved, matrix, views };
}

// ---------------------------------------------------------------- the page

export function renderHtml(report: Report, ref: Reference, ctx: Partial<FormatContext> = {}): string {
  const baseline = ctx.baseline;
  const okSources = report.sources.filter((s) => s.status === 'ok');
  const sourceIndex = new Map(report.sources.map((s, i) => [s.path, i] as const));
  const sourceAnchor = (path: string) => `src-${sourceIndex.get(path) ?? 'x'}`;
  const rows = consensusRows(report, ref);
  const kept = plan(report, rows, okSources, baseline);
  // Only the claims of pages with a text view are marked, and have a span to link to (a large
  // corpus's claims are read from disk one by one: only those few pages' are kept).
  const claimsByPath = claimsOfPaths(report, kept.views);
  const anchors = new Set<string>();
  for (const claims of claimsByPath.values()) for (const c of claims) anchors.add(claimAnchor(c.id));
  const env: Env = { report, ref, baseline, sourceAnchor, anchors, texts: ctx.texts, plan: kept, viewed: (path) => kept.views.has(path) };

  const title = `claimlint report: ${report.reference.title || report.reference.id}`;
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${e(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to the report</a>',
    '<header>',
    `<h1>claimlint report</h1>`,
    `<p class="meta">Reference <code>${e(report.reference.id)}@${e(report.reference.version)}</code> (${e(report.reference.title)}, sha256 ${e(report.reference.sha256.slice(0, 12))}) · ${e(report.tool.name)} ${e(report.tool.version)}${baseline ? ` · compared with <code>${e(baseline.path)}</code>` : ''}</p>`,
    '</header>',
    '<nav aria-label="Sections"><ul>',
    '<li><a href="#summary">Summary</a></li><li><a href="#matrix">Consensus matrix</a></li><li><a href="#numbers">Numbers</a></li><li><a href="#findings">Findings</a></li><li><a href="#pages">Pages</a></li><li><a href="#evidence">Evidence</a></li>',
    '</ul></nav>',
    '<main id="main" tabindex="-1">',
    summarySection(env),
    matrixSection(env, rows, okSources),
    numbersSection(env),
    findingsSection(env),
    pagesSection(env, claimsByPath),
    evidenceSection(report.findings, suppressedOf(report), baseline?.resolved ?? []),
    '</main>',
    `<footer><p>Generated by ${e(report.tool.name)} ${e(report.tool.version)} from ${plural(report.summary.sources, 'source')}. Colours always come with a symbol: ✓ supported, ✗ contradicted, ? unverified, ⚠ pages disagree.</p></footer>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ];
  return parts.join('\n');
}

interface Env {
  report: Report;
  ref: Reference;
  baseline?: BaselineComparison;
  sourceAnchor(path: string): string;
  anchors: Set<string>;
  texts?: SourceTexts;
  plan: Plan;
  /** Whether the page has a text view (an element with its sourceAnchor). */
  viewed(path: string): boolean;
}

function summarySection({ report, baseline, plan }: Env): string {
  const s = report.summary;
  const items = [
    `<li><strong>${s.sources}</strong> sources${e(scopeNote(report))}${s.sourceErrors ? ` (${s.sourceErrors} unreadable)` : ''}</li>`,
    `<li><strong>${s.claims}</strong> claims: ${s.byVerdict.supported} ✓ supported, ${s.byVerdict.contradicted} ✗ contradicted, ${s.byVerdict.unverified} ? unverified</li>`,
    `<li><strong>${s.findings}</strong> findings: ${s.bySeverity.error} errors, ${s.bySeverity.warning} warnings, ${s.bySeverity.info} info</li>`,
  ];
  if (baseline) items.push(`<li>Since the baseline: <strong>${baseline.counts.new}</strong> new, ${baseline.counts.unchanged} unchanged, <strong>${baseline.counts.resolved}</strong> resolved</li>`);
  // A large corpus: say up front what this page leaves out (each section says it again, with its numbers).
  const findings = report.findings.length + suppressedOf(report).length;
  const okPages = report.sources.filter((x) => x.status === 'ok').length;
  const cut: string[] = [];
  if (plan.cards.length < findings) cut.push(`${plan.cards.length} of ${plural(findings, 'finding')} listed, errors first`);
  if (plan.matrix.length < okPages) cut.push(`the consensus matrix has columns for ${plan.matrix.length} of ${okPages} pages, with a count of pages per value for all of them`);
  if (plan.views.size < report.sources.length) cut.push(`the text of ${plan.views.size} of ${plural(report.sources.length, 'page')} is shown`);
  if (plan.resolved.length < (baseline?.resolved.length ?? 0)) cut.push(`${plan.resolved.length} of ${baseline!.resolved.length} resolved findings listed`);
  const note = cut.length
    ? `<p class="notice" role="note"><strong>Abridged for size:</strong> ${cut.join('; ')}. Every finding is in report.json and report.sarif, every claim in report.json.</p>`
    : '';
  return `<section id="summary" aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2><ul class="stats">${items.join('')}</ul>${note}</section>`;
}

function verdictBadge(verdict: VerdictClass, text: string): string {
  return `<span class="v v-${verdict}"><span aria-hidden="true">${VERDICT_MARK[verdict]}</span> <span class="sr">${VERDICT_WORD[verdict]}:</span>${e(text)}</span>`;
}

function legend(): string {
  const items = (['supported', 'contradicted', 'unverified'] as const).map((v) => `<li>${verdictBadge(v, ` ${v}`)}</li>`);
  items.push(`<li><span class="v v-conflict"><span aria-hidden="true">⚠</span> pages disagree</span></li>`);
  return `<ul class="legend" aria-label="Legend">${items.join('')}</ul>`;
}

function matrixSection(env: Env, rows: readonly ConsensusRow[], all: SourceEntry[]): string {
  const sources = env.plan.matrix;
  const cut = sources.length < all.length;
  const head = `<thead><tr><th scope="col">Attribute</th>${sources.map((s) => `<th scope="col">${env.viewed(s.path) ? `<a href="#${env.sourceAnchor(s.path)}">${e(s.id)}</a>` : e(s.id)}${s.language ? ` <span class="sr">(${e(s.language)})</span>` : ''}</th>`).join('')}<th scope="col">Reference</th></tr></thead>`;
  let tip = 0;
  const body: string[] = [];
  let group = '';
  const width = sources.length + 2;
  for (const row of rows) {
    if (row.group !== group) {
      if (group) body.push('</tbody>');
      group = row.group;
      body.push(`<tbody><tr class="group"><th scope="colgroup" colspan="${width}">${e(GROUP_LABELS[group] ?? group)}</th></tr>`);
    }
    body.push(matrixRow(env, row, sources, () => `tip-${++tip}`));
  }
  if (group) body.push('</tbody>');
  const table = rows.length
    ? `<div class="scroll" role="region" aria-labelledby="h-matrix" tabindex="0"><table id="matrix-table"><caption class="sr">Attributes by source, with the reference in the last column</caption>${head}${body.join('')}</table></div>`
    : '<p>No claims to compare.</p>';
  if (!cut || !rows.length)
    return `<section id="matrix" aria-labelledby="h-matrix"><h2 id="h-matrix">Consensus matrix</h2><p>What each page says, per attribute, against the reference. Hover or focus a value for the quote; follow it to the place in the page.</p>${legend()}${table}</section>`;
  // Too many pages for a column each: every page counted per value, then the columns of the pages most at odds.
  const left = all.length - sources.length;
  return [
    `<section id="matrix" aria-labelledby="h-matrix"><h2 id="h-matrix">Consensus matrix</h2>`,
    `<p>What the ${all.length} pages say, per attribute, against the reference: each value with the number of pages that state it, the most frequent first.</p>`,
    legend(),
    valueSummary(rows, all.length),
    `<p class="notice" role="note"><strong>Not in the matrix below: ${left} of ${all.length} pages.</strong> It has a column for the ${sources.length} pages with the most contradicted values and values that differ from the most common one where pages disagree, most first; the table above counts every page. What each page says, claim by claim, is in report.json.</p>`,
    `<p>Hover or focus a value for the quote; follow it to the place in the page.</p>`,
    table,
    '</section>',
  ].join('');
}

/** Per attribute, each value with how many pages state it (every page of the corpus); linear in the claims. */
function valueSummary(rows: readonly ConsensusRow[], pages: number): string {
  const body: string[] = [];
  let group = '';
  for (const row of rows) {
    if (row.group !== group) {
      if (group) body.push('</tbody>');
      group = row.group;
      body.push(`<tbody><tr class="group"><th scope="colgroup" colspan="3">${e(GROUP_LABELS[group] ?? group)}</th></tr>`);
    }
    const byValue = new Map<string, { verdict: ReportClaim['verdict']; pages: number }>();
    // Cell by cell, as in matrixRanking: none kept.
    const ids = Object.keys(row.cells);
    for (const id of ids)
      for (const v of row.cells[id].values) {
        const have = byValue.get(v.value);
        if (have) have.pages++;
        else byValue.set(v.value, { verdict: v.verdict, pages: 1 });
      }
    const values = [...byValue].sort((a, b) => b[1].pages - a[1].pages); // stable: first stated first among equals
    const shown = values.slice(0, SUMMARY_VALUES).map(([value, x]) => `<li>${verdictBadge(x.verdict, ` ${value}`)} ${plural(x.pages, 'page')}</li>`);
    const rest = values.slice(SUMMARY_VALUES);
    if (rest.length) {
      // Pages, not statements: a page that states two of these values counts once.
      const others = new Set(rest.map(([value]) => value));
      const pagesOfRest = ids.filter((id) => row.cells[id].values.some((v) => others.has(v.value))).length;
      shown.push(`<li>and ${plural(rest.length, 'more value')} (${plural(pagesOfRest, 'page')})</li>`);
    }
    const name = row.label.startsWith(`${row.group}: `) ? row.label.slice(row.group.length + 2) : row.label;
    const label = `${row.disagreement ? '<span aria-hidden="true">⚠ </span>' : ''}${e(name)}${row.disagreement ? ' <span class="sr">(pages disagree)</span>' : ''} <span class="meta">(${ids.length} of ${pages} pages)</span>`;
    body.push(`<tr class="${row.disagreement ? 'disagree' : ''}" data-attribute="${e(row.attribute)}"><th scope="row">${label}</th><td><ul class="legend">${shown.join('')}</ul></td><td class="ref">${e(row.reference)}</td></tr>`);
  }
  if (group) body.push('</tbody>');
  return `<div class="scroll" role="region" aria-label="Values by attribute, all pages" tabindex="0"><table id="matrix-summary"><caption class="sr">Each attribute's values with the number of pages that state them, and the reference</caption><thead><tr><th scope="col">Attribute</th><th scope="col">Values (pages that state each)</th><th scope="col">Reference</th></tr></thead>${body.join('')}</table></div>`;
}

function matrixRow(env: Env, row: ConsensusRow, sources: SourceEntry[], nextTip: () => string): string {
  // The group heading already names the kind: "contraindication: Pregnancy" reads "Pregnancy" under "Contraindications".
  const name = row.label.startsWith(`${row.group}: `) ? row.label.slice(row.group.length + 2) : row.label;
  const label = `${row.disagreement ? '<span aria-hidden="true">⚠ </span>' : ''}${e(name)}${row.disagreement ? ' <span class="sr">(pages disagree)</span>' : ''}`;
  const cells = sources.map((s) => {
    const values = row.cells[s.id]?.values ?? [];
    if (!values.length) return '<td></td>';
    const inner = values.map((v) => {
      const id = nextTip();
      const anchor = claimAnchor(v.claim);
      const badge = `<span aria-hidden="true">${VERDICT_MARK[v.verdict]}</span> <span class="sr">${VERDICT_WORD[v.verdict]}:</span> ${e(v.value)}`;
      const data = `aria-describedby="${id}" data-attribute="${e(row.attribute)}" data-value="${e(v.value)}"`;
      // A page without a text view (a large corpus): the value still shows its quote on focus, but links nowhere.
      const value = env.anchors.has(anchor) ? `<a class="v v-${v.verdict}" href="#${anchor}" ${data}>${badge}</a>` : `<span class="v v-${v.verdict}" tabindex="0" ${data}>${badge}</span>`;
      return `<span class="cellv">${value}<span class="tip" role="tooltip" id="${id}">“${e(v.text)}” (${e(s.path)}:${v.line}:${v.column})</span></span>`;
    });
    return `<td>${inner.join(' ')}</td>`;
  });
  return `<tr class="${row.disagreement ? 'disagree' : ''}" data-attribute="${e(row.attribute)}"><th scope="row">${label}</th>${cells.join('')}<td class="ref">${e(row.reference)}</td></tr>`;
}

// ---------------------------------------------------------------- numbers as pictures

const NUMERIC: Array<{ attribute: string; unit: string }> = [
  { attribute: 'needle.length', unit: 'mm' },
  { attribute: 'needle.depth', unit: 'mm' },
  { attribute: 'needle.gauge', unit: 'G' },
  { attribute: 'sessions.count', unit: 'sessions' },
];

interface Mark {
  label: string;
  min: number | null;
  max: number | null;
  verdict: ReportClaim['verdict'];
  text: string;
  anchor?: string;
  count: number;
}

function numbersSection(env: Env): string {
  // Gathered on the consensus table's pass over the claims (each page's distinct values once).
  const summaries = numericSummaries(env.report, env.ref);
  const figures = NUMERIC.map((n) => numberFigure(env, n.attribute, n.unit, summaries.get(n.attribute))).filter(Boolean);
  return `<section id="numbers" aria-labelledby="h-numbers"><h2 id="h-numbers">Numbers against the reference</h2>${
    figures.length ? `<p>Each page's figures as marks (a single value) or bars (a range); the green band or dashed lines are what the reference holds. Shapes repeat the colour: ● supported, ✕ contradicted, ◆ unverified.</p>${figures.join('')}` : '<p>No numeric claims.</p>'
  }</section>`;
}

/** One attribute's figure: each page's distinct values in claim order, or, past LISTED_STATEMENTS, each value once with its pages. */
function numberFigure(env: Env, attribute: string, unit: string, summary: NumericSummary | undefined): string {
  if (!summary?.count) return '';
  const markOf = (s: NumericStatement, count = 1, label = s.source): Mark => ({ label, min: s.min, max: s.max, verdict: s.verdict, text: s.text, anchor: claimAnchor(s.claim), count });
  let marks: Mark[];
  // Many pages: one row per distinct value, with how many pages state it.
  if (summary.count > LISTED_STATEMENTS) {
    marks = [...summary.byValue.values()].map(({ statement, pages }) => markOf(statement, pages, plural(pages, 'page')));
    marks.sort((a, b) => (a.min ?? a.max ?? 0) - (b.min ?? b.max ?? 0) || (a.max ?? Infinity) - (b.max ?? Infinity) || (a.verdict < b.verdict ? -1 : 1));
  } else marks = summary.first.map((s) => markOf(s));
  const fact = env.ref.facts.get(factKey(attribute));
  const refValues = (fact?.values ?? []).filter((x): x is number => typeof x === 'number');
  const all = [...marks.flatMap((m) => [m.min, m.max]).filter((x): x is number => x !== null), ...refValues, ...(fact?.range ? [fact.range.min, fact.range.max] : [])];
  let lo = 0;
  let hi = Math.max(...all, 1);
  if (attribute === 'needle.gauge') lo = Math.max(0, Math.floor(Math.min(...all)) - 3);
  const step = niceStep((hi - lo) / 6);
  hi = Math.ceil((hi * 1.08) / step) * step;
  lo = Math.floor(lo / step) * step;

  const W = 760;
  const L = 210;
  const R = 120;
  const rowH = 26;
  const top = 30;
  const plotH = marks.length * rowH;
  const H = top + plotH + 36;
  const x = (v: number) => L + ((v - lo) / (hi - lo)) * (W - L - R);
  const fmt = (v: number) => `${Number(v.toFixed(2))}`;
  const svg: string[] = [];
  const titleId = `fig-${attribute.replace(/[^a-z]/g, '-')}`;
  const label = ATTRIBUTE_LABELS[attribute] ?? attribute;
  const refText = referenceCell(fact, unit === 'sessions' ? '' : unit);
  svg.push(`<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${titleId}-t ${titleId}-d" xmlns="http://www.w3.org/2000/svg">`);
  svg.push(`<title id="${titleId}-t">${e(label)} stated by each page against the reference (${e(refText)})</title>`);
  svg.push(`<desc id="${titleId}-d">${e(marks.map((m) => `${m.label}: ${rangeText(m.min, m.max, unit)} (${m.verdict})`).join('; '))}</desc>`);
  // grid and axis
  for (let t = lo; t <= hi + 1e-9; t += step) {
    const tx = x(t).toFixed(1);
    svg.push(`<line class="grid" x1="${tx}" x2="${tx}" y1="${top - 6}" y2="${top + plotH}"/>`);
    svg.push(`<text class="tick" x="${tx}" y="${top + plotH + 16}" text-anchor="middle">${fmt(t)}</text>`);
  }
  svg.push(`<line class="axis" x1="${L}" x2="${W - R}" y1="${top + plotH}" y2="${top + plotH}"/>`);
  svg.push(`<text class="tick" x="${W - R + 8}" y="${top + plotH + 16}">${e(unit)}</text>`);
  // the reference
  if (fact?.range) {
    const x1 = x(fact.range.min);
    const x2 = x(fact.range.max);
    svg.push(`<rect class="band" x="${x1.toFixed(1)}" y="${top - 6}" width="${Math.max(2, x2 - x1).toFixed(1)}" height="${plotH + 6}"/>`);
  }
  for (const v of refValues) {
    const vx = x(v).toFixed(1);
    svg.push(`<line class="refline" x1="${vx}" x2="${vx}" y1="${top - 6}" y2="${top + plotH}"/>`);
  }
  svg.push(`<text class="reflabel" x="${L}" y="${top - 12}">Reference: ${e(refText)}</text>`);
  // one row per page (or per value)
  marks.forEach((m, i) => {
    const cy = top + i * rowH + rowH / 2;
    const name = m.label.length > 30 ? `${m.label.slice(0, 29)}…` : m.label;
    const a = m.count === 1 && m.anchor && env.anchors.has(m.anchor) ? m.anchor : undefined;
    const parts: string[] = [];
    parts.push(`<text class="lbl" x="${L - 8}" y="${cy + 4}" text-anchor="end">${e(name)}</text>`);
    const cls = `m-${m.verdict}`;
    if (m.min !== null && m.max !== null && m.min === m.max) parts.push(shape(m.verdict, x(m.min), cy, cls));
    else {
      const x1 = x(m.min ?? lo);
      const x2 = x(m.max ?? hi);
      parts.push(`<rect class="bar ${cls}" x="${x1.toFixed(1)}" y="${cy - 6}" width="${Math.max(2, x2 - x1).toFixed(1)}" height="12" rx="3"/>`);
      if (m.min !== null) parts.push(shape(m.verdict, x1, cy, cls));
      if (m.max !== null) parts.push(shape(m.verdict, x2, cy, cls));
    }
    // After the mark or the bar's end (an open-ended bar runs to the axis end).
    const end = x(m.max ?? (m.min === null ? lo : hi));
    parts.push(`<text class="lbl" x="${(end + 12).toFixed(1)}" y="${cy + 4}">${e(rangeText(m.min, m.max, unit))} ${VERDICT_MARK[m.verdict]}</text>`);
    const tip = `<title>${e(`${m.label}: “${m.text}” (${m.verdict})`)}</title>`;
    svg.push(a ? `<a href="#${a}" aria-label="${e(`${m.label}: ${rangeText(m.min, m.max, unit)}, ${m.verdict}`)}">${tip}${parts.join('')}</a>` : `<g>${tip}${parts.join('')}</g>`);
  });
  svg.push('</svg>');
  return `<figure aria-labelledby="${titleId}-c"><figcaption id="${titleId}-c">${e(label)}</figcaption>${svg.join('')}</figure>`;
}

const r = (v: number) => v.toFixed(1);

function shape(verdict: ReportClaim['verdict'], cx: number, cy: number, cls: string): string {
  const X = cx.toFixed(1);
  const Y = cy.toFixed(1);
  if (verdict === 'contradicted')
    return `<path class="mk ${cls}" d="M${r(cx - 6)} ${r(cy - 6)}L${r(cx + 6)} ${r(cy + 6)}M${r(cx + 6)} ${r(cy - 6)}L${r(cx - 6)} ${r(cy + 6)}" stroke-width="3.5"/>`;
  if (verdict === 'unverified') return `<path class="mk ${cls}" d="M${X} ${r(cy - 7)}L${r(cx + 7)} ${Y}L${X} ${r(cy + 7)}L${r(cx - 7)} ${Y}Z"/>`;
  return `<circle class="mk ${cls}" cx="${X}" cy="${Y}" r="6"/>`;
}

function rangeText(min: number | null, max: number | null, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  if (min === null && max === null) return '?';
  if (min === null) return `≤ ${max}${u}`;
  if (max === null) return `≥ ${min}${u}`;
  return min === max ? `${min}${u}` : `${min}–${max}${u}`;
}

function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

// ---------------------------------------------------------------- findings

function findingsSection(env: Env): string {
  const { report, baseline, plan } = env;
  const findings = report.findings;
  const suppressed = suppressedOf(report);
  const resolved = baseline?.resolved ?? [];
  const allCount = findings.length + suppressed.length + resolved.length;
  // What the cards hold: every finding, or (a large corpus) the ones the plan keeps.
  const listed = [...plan.cards, ...plan.resolved];
  const cut = listed.length < allCount;
  const langOf = new Map(report.sources.map((s) => [s.path, s.language ?? ''] as const));
  const keys: Array<(f: Finding) => string> = [(f) => f.severity, (f) => f.rule, (f) => f.source, (f) => langOf.get(f.path) ?? ''];
  const countOne = (f: Finding, into: Array<Map<string, number>>) =>
    keys.forEach((key, i) => {
      const k = key(f);
      into[i].set(k, (into[i].get(k) ?? 0) + 1);
    });
  const count = (list: Iterable<Finding>, into = keys.map(() => new Map<string, number>())) => {
    for (const f of list) countOne(f, into);
    return into;
  };
  const shown = count(listed);
  // Every finding read once (a large corpus's are read from disk): the rules, and the totals
  // the filter counts give when the list is cut.
  const ruleSet = new Set<string>();
  const current = { error: 0, warning: 0, info: 0 };
  const totals = cut ? keys.map(() => new Map<string, number>()) : shown;
  for (const [list, isCurrent] of [[findings, true], [suppressed, true], [resolved, false]] as const)
    for (const f of list) {
      ruleSet.add(f.rule);
      if (isCurrent) current[f.severity]++;
      if (cut) countOne(f, totals);
    }
  // Filter counts are those of the cards; when the list is cut they also say how many there are in all.
  const counted = (i: number) => (v: string) => (cut ? `${shown[i].get(v) ?? 0} of ${totals[i].get(v) ?? 0}` : `${shown[i].get(v) ?? 0}`);
  const bySev = counted(0);
  const byRule = counted(1);
  const bySource = counted(2);
  const byLang = counted(3);
  const options = (n: (v: string) => string, values: string[], name: (v: string) => string = (v) => v) =>
    values.map((v) => `<option value="${e(v)}">${e(name(v))} (${n(v)})</option>`).join('');
  const rules = [...ruleSet].sort();
  // Only sources with a card can be chosen (a select of 10,000 pages helps nobody).
  const sources = [...new Set(listed.map((f) => f.source))].sort();
  const langs = [...new Set(report.sources.map((s) => s.language ?? '').filter(Boolean))].sort();
  const changes = new Map<string, number>();
  for (const f of plan.cards) {
    const c = baseline?.status.get(f.id) ?? '';
    changes.set(c, (changes.get(c) ?? 0) + 1);
  }
  changes.set('resolved', plan.resolved.length);
  const change = (c: FindingChange) => (cut ? `${changes.get(c) ?? 0} of ${baseline!.counts[c]}` : `${baseline!.counts[c]}`);
  const waived = plan.cards.filter((f) => (f as Finding & { suppression?: unknown }).suppression).length;
  const waiver = (n: number, of: number) => (cut ? `${n} of ${of}` : `${of}`);
  const filters = [
    '<form id="filters" class="filters" role="search" aria-label="Filter findings">',
    `<fieldset><legend>Severity</legend>${SEVERITIES.map((s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${s} (${bySev(s)})</label>`).join(' ')}</fieldset>`,
    `<div><label class="lbl" for="f-rule">Rule</label><select id="f-rule" name="rule"><option value="">all rules</option>${options(byRule, rules)}</select></div>`,
    `<div><label class="lbl" for="f-source">Source</label><select id="f-source" name="source"><option value="">all sources</option>${options(bySource, sources)}</select></div>`,
    `<div><label class="lbl" for="f-language">Language</label><select id="f-language" name="language"><option value="">all languages</option>${options(byLang, langs)}</select></div>`,
    baseline
      ? `<div><label class="lbl" for="f-status">Since the baseline</label><select id="f-status" name="status"><option value="">all</option><option value="new">new (${change('new')})</option><option value="unchanged">unchanged (${change('unchanged')})</option><option value="resolved">resolved (${change('resolved')})</option></select></div>`
      : '',
    suppressed.length
      ? `<div><label class="lbl" for="f-waiver">Waiver</label><select id="f-waiver" name="waiver"><option value="">all</option><option value="none">not waived (${waiver(listed.length - waived, allCount - suppressed.length)})</option><option value="waived">waived or silenced (${waiver(waived, suppressed.length)})</option></select></div>`
      : '',
    `<div><label class="lbl" for="f-q">Search</label><input id="f-q" name="q" type="search" autocomplete="off" placeholder="quote, message, rule…"></div>`,
    '<div><button type="reset">Clear filters</button></div>',
    '</form>',
  ].join('');
  const n = listed.length;
  const sevListed = { error: 0, warning: 0, info: 0 };
  for (const f of listed) sevListed[f.severity]++;
  const status = `<p id="shown" role="status" aria-live="polite">Showing ${n} of ${n} findings: ${sevListed.error} errors, ${sevListed.warning} warnings, ${sevListed.info} info</p>`;
  const cards = plan.cards.map((f) => card(env, f, baseline?.status.get(f.id), langOf.get(f.path) ?? ''));
  const resolvedCards = plan.resolved.map((f) => card(env, f, 'resolved', langOf.get(f.path) ?? ''));
  let notice = '';
  const currentCount = findings.length + suppressed.length;
  if (plan.cards.length < currentCount) {
    const left = { ...current };
    for (const f of plan.cards) left[f.severity]--;
    notice = `<p class="notice" role="note"><strong>Not listed here: ${currentCount - plan.cards.length} of ${plural(currentCount, 'finding')}</strong> (${plural(left.error, 'error')}, ${plural(left.warning, 'warning')}, ${left.info} info). The ${plan.cards.length} cards below come errors first, then warnings, then info, in file order within each severity${suppressed.length ? ', waived or silenced findings last' : ''}; the filters and their counts apply to these cards (the count after “of” is the total). All findings are in report.json and report.sarif.</p>`;
  }
  const resolvedNotice =
    plan.resolved.length < resolved.length
      ? `<p class="notice" role="note"><strong>Not listed here: ${resolved.length - plan.resolved.length} of ${plural(resolved.length, 'resolved finding')}</strong>; the ${plan.resolved.length} below come errors first. All of them are in the baseline, ${e(baseline!.path)}.</p>`
      : '';
  return [
    `<section id="findings" aria-labelledby="h-findings"><h2 id="h-findings">Findings</h2>`,
    notice,
    filters,
    status,
    cards.length ? `<div class="cards" id="cards">${cards.join('')}</div>` : '<p>No findings.</p>',
    baseline ? `<h2 id="h-resolved">Resolved since the baseline</h2>${resolvedNotice}${resolvedCards.length ? `<div class="cards">${resolvedCards.join('')}</div>` : '<p>None: every finding of the baseline is still reported.</p>'}` : '',
    '</section>',
  ].join('');
}

const evidenceAnchor = (id: string) => (/^[A-Za-z0-9_.-]{1,80}$/.test(id) ? `ev-${id}` : hashId('ev-x', id));

/** A citation cut to a few words for cards; the full one is in the Evidence section. */
function shortCitation(citation: string): string {
  if (citation.length <= 90) return citation;
  const cut = citation.slice(0, 90);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

function evidenceLinks(ev: EvidenceRef): string[] {
  const links: string[] = [];
  const doi = doiUrl(ev.doi);
  const pmid = pmidUrl(ev.pmid);
  const url = safeHttpsUrl(ev.url);
  if (doi) links.push(`<a href="${e(doi)}" rel="noreferrer noopener">doi:${e(ev.doi)}</a>`);
  if (pmid) links.push(`<a href="${e(pmid)}" rel="noreferrer noopener">PMID ${e(ev.pmid)}</a>`);
  if (url) links.push(`<a href="${e(url)}" rel="noreferrer noopener">link</a>`);
  return links;
}

function evidenceItem(ev: EvidenceRef): string {
  const links = evidenceLinks(ev);
  return `<li><a href="#${evidenceAnchor(ev.id)}">${e(shortCitation(ev.citation))}</a> <span class="ev-status">[${e(ev.kind)}, ${e(ev.status)}]</span>${links.length ? ` ${links.join(' · ')}` : ''}</li>`;
}

/** Every piece of evidence the findings cite, once, in full. */
function evidenceSection(...lists: Finding[][]): string {
  const items = citedEvidence(...lists).map((ev) => {
    const links = evidenceLinks(ev);
    return `<li id="${evidenceAnchor(ev.id)}" tabindex="-1">${e(ev.citation)} <span class="ev-status">[${e(ev.kind)}, ${e(ev.status)}]</span>${links.length ? ` ${links.join(' · ')}` : ''}</li>`;
  });
  return `<section id="evidence" aria-labelledby="h-evidence"><h2 id="h-evidence">Evidence cited</h2>${items.length ? `<ul class="evidence">${items.join('')}</ul>` : '<p>No evidence cited.</p>'}</section>`;
}

interface Suppression {
  kind?: 'inline' | 'waiver';
  reason?: string;
  path?: string;
  line?: number;
  column?: number;
  reviewer?: string;
  date?: string;
  expiry?: string;
}

/** Findings taken out of the failing set by an inline comment or a waiver (report.suppressed), if the run had any. */
function suppressedOf(report: Report): Finding[] {
  const list = (report as Report & { suppressed?: Finding[] }).suppressed;
  return Array.isArray(list) ? list : [];
}

/** Waiver status in words: not waived, silenced inline, or waived by whom, until when, why. */
function waiverOf(f: Finding): string {
  const w = (f as Finding & { suppression?: Suppression }).suppression;
  if (!w) return 'not waived';
  const where = w.path ? ` (${w.path}${w.line ? `:${w.line}:${w.column ?? 1}` : ''})` : '';
  if (w.kind === 'inline') return `silenced by an inline comment${w.reason ? `: ${w.reason}` : ''}${where}`;
  const who = [w.reviewer ? `by ${w.reviewer}` : '', w.date ? `on ${w.date}` : '', w.expiry ? `until ${w.expiry}` : ''].filter(Boolean).join(' ');
  return `waived${who ? ` ${who}` : ''}${w.reason ? `: ${w.reason}` : ''}${where}`;
}

/** Cross-source findings list at most this many other pages (the matrix has them all). */
const RELATED_SHOWN = 12;

function card(env: Env, f: Finding, change: FindingChange | undefined, lang: string): string {
  const waived = Boolean((f as Finding & { suppression?: unknown }).suppression);
  const loc = `${f.path}:${f.position.start.line}:${f.position.start.column}`;
  // The claim's span, else the page; a page without a text view (a large corpus) leaves the place as plain text.
  const target = f.claims.map(claimAnchor).find((a) => env.anchors.has(a)) ?? (env.viewed(f.path) ? env.sourceAnchor(f.path) : undefined);
  const id = change === 'resolved' ? `${findingAnchor(f.id)}-resolved` : findingAnchor(f.id);
  const verdict = (f.verdict in VERDICT_MARK ? f.verdict : 'error') as VerdictClass;
  const rows: string[] = [];
  rows.push(`<dt>Verdict</dt><dd>${verdictBadge(verdict, ` ${f.verdict}`)}</dd>`);
  if (f.expected) rows.push(`<dt>Reference</dt><dd>${e(f.expected)}</dd>`);
  if (f.related?.length)
    rows.push(
      `<dt>Other pages</dt><dd><ul>${f.related
        .slice(0, RELATED_SHOWN)
        .map((r) => {
          const a = claimAnchor(r.claim);
          const place = `${r.path}:${r.position.start.line}:${r.position.start.column}`;
          return `<li>${e(r.source)}: ${e(r.value)} — “${e(r.text)}” ${env.anchors.has(a) ? `<a href="#${a}">${e(place)}</a>` : e(place)}</li>`;
        })
        .join('')}${f.related.length > RELATED_SHOWN ? `<li>and ${plural(f.related.length - RELATED_SHOWN, 'more page')} (see the consensus matrix)</li>` : ''}</ul></dd>`,
    );
  if (f.evidence.length) rows.push(`<dt>Evidence</dt><dd><ul>${f.evidence.map(evidenceItem).join('')}</ul></dd>`);
  if (f.suggestion) rows.push(`<dt>Suggestion</dt><dd lang="${e(safeLang(lang) ?? '')}">${e(f.suggestion)}</dd>`);
  rows.push(`<dt>Waiver</dt><dd>${e(waiverOf(f))}</dd>`);
  const changeBadge = `${change ? ` <span class="badge b-${change}">${CHANGE_WORD[change]}</span>` : ''}${waived ? ' <span class="badge b-waived">Waived</span>' : ''}`;
  return [
    `<article class="card sev-${f.severity}" id="${id}" aria-labelledby="${id}-h" data-severity="${f.severity}" data-rule="${e(f.rule)}" data-source="${e(f.source)}" data-lang="${e(lang)}" data-status="${change ?? ''}" data-waiver="${waived ? 'waived' : 'none'}">`,
    `<h3 id="${id}-h"><span class="badge b-${f.severity}">${f.severity}</span> <span>${e(f.message)}</span>${changeBadge}</h3>`,
    `<p><span class="rule">${e(f.rule)}</span> · ${change === 'resolved' || !target ? e(loc) : `<a class="goto" href="#${target}">${e(loc)}</a>`}</p>`,
    f.text ? `<blockquote${safeLang(lang) ? ` lang="${e(safeLang(lang))}"` : ''}>${e(f.text)}</blockquote>` : '',
    `<dl>${rows.join('')}</dl>`,
    '</article>',
  ].join('');
}

// ---------------------------------------------------------------- page view

const RANK: Record<ReportClaim['verdict'], number> = { contradicted: 3, unverified: 2, supported: 1 };

function pagesSection(env: Env, claimsByPath: Map<string, ReportClaim[]>): string {
  const open = env.report.sources.length <= 20;
  const shown = env.report.sources.filter((s) => env.viewed(s.path));
  const pages = shown.map((s) => {
    const text = env.texts?.get(s.path);
    const claims = claimsByPath.get(s.path) ?? [];
    const lang = safeLang(s.language);
    const head = `<summary><h3>${e(s.id)}</h3> <span class="meta">${e(s.path)}${s.title ? ` · “${e(s.title)}”` : ''}${s.publisher ? ` · ${e(s.publisher)}` : ''}${s.language ? ` · ${e(s.language)}` : ''} · ${plural(s.claims, 'claim')} · ${plural(s.findings, 'finding')}</span></summary>`;
    let body: string;
    if (s.status !== 'ok') body = '<p class="text">This file could not be read; see its finding.</p>';
    else if (text === undefined) body = `<p class="text">The page text is not available in this rendering; ${plural(claims.length, 'claim')} listed in the findings.</p>`;
    else body = `<div class="text"${lang ? ` lang="${lang}"` : ''}>${highlight(text, claims)}</div>`;
    return `<details class="page" id="${env.sourceAnchor(s.path)}"${open ? ' open' : ''}>${head}${body}</details>`;
  });
  const total = env.report.sources.length;
  const notice =
    shown.length < total
      ? `<p class="notice" role="note"><strong>Not shown here: the text of ${total - shown.length} of ${plural(total, 'page')}.</strong> These ${plural(shown.length, 'page')} are those of the findings listed above (and of the matrix's columns), at most ${PAGE_VIEWS}, in file order; a finding whose page is not here shows its quote and place without a link. Every page's claims, with their places, are in report.json.</p>`
      : '';
  return `<section id="pages" aria-labelledby="h-pages"><h2 id="h-pages">Pages</h2>${notice}<p>Each page's text with its claims marked: ✓ supported (dashed), ✗ contradicted (solid), ? unverified (dotted).</p>${pages.join('')}</section>`;
}

/** The text with every claim span wrapped in <mark>; overlapping spans are cut at their boundaries, the first piece of each claim carries its id. */
export function highlight(text: string, claims: ReportClaim[]): string {
  interface Span {
    start: number;
    end: number;
    claim: ReportClaim;
    primary: boolean;
  }
  const spans: Span[] = [];
  for (const c of claims) {
    const places = [{ p: c.position, primary: true }, ...(c.occurrences ?? []).map((p) => ({ p, primary: false }))];
    for (const { p, primary } of places) {
      const start = p.start.offset;
      const end = p.end.offset;
      if (!(start >= 0 && end > start && end <= text.length)) continue;
      spans.push({ start, end, claim: c, primary });
    }
  }
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const given = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = e(text.slice(a, b));
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) {
      out.push(piece);
      continue;
    }
    covering.sort((x, y) => RANK[y.claim.verdict] - RANK[x.claim.verdict] || (x.claim.id < y.claim.id ? -1 : 1));
    const verdict = covering[0].claim.verdict;
    const ids = covering.filter((s) => s.primary && s.start === a && !given.has(s.claim.id)).map((s) => s.claim.id);
    ids.forEach((id) => given.add(id));
    const kinds = [...new Set(covering.map((s) => s.claim.kind))].join(', ');
    const label = `${VERDICT_WORD[verdict]} ${kinds}`;
    // Extra ids (several claims starting at the same place) become empty anchors before the mark.
    const extra = ids.slice(1).map((id) => `<span id="${claimAnchor(id)}" tabindex="-1"></span>`).join('');
    const idAttr = ids.length ? ` id="${claimAnchor(ids[0])}" tabindex="-1"` : '';
    out.push(`${extra}<mark class="v-${verdict}"${idAttr} title="${e(label)}">${piece}</mark>`);
  }
  return out.join('');
}
