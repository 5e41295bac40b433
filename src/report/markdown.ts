import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent, PhrasingContent, TableRow, ListItem } from 'mdast';
import { scopeNote, type Report } from './model.js';
import type { Reference } from '../reference/load.js';
import type { EvidenceRef, Finding } from '../types.js';
import { consensusRows } from './consensus.js';
import { sortedEvidence } from './evidence.js';

const t = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [t(value)] });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const p = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
const h = (depth: 1 | 2 | 3 | 4, value: string): RootContent => ({ type: 'heading', depth, children: [t(value)] });
const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) });
const li = (...children: PhrasingContent[]): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] });

const MARK = { supported: '✓', contradicted: '✗', unverified: '?' } as const;
/** Beyond this many pages the consensus is a list per attribute, not a table. */
const WIDE_TABLE_SOURCES = 12;
/** Beyond this many pages, only errors are listed per page; warnings and info are counted. */
const DETAILED_INFO_SOURCES = 50;
/** Beyond DETAILED_INFO_SOURCES pages, errors listed in full (in file order); the rest are counted. */
const LISTED_ERRORS = 1000;
/** Pages named per value in the list form; the rest are counted. */
const LISTED_SOURCES = 10;

/** Optional per-finding status from a baseline comparison (issue: what changed). */
export type FindingStatus = Map<string, 'new' | 'unchanged'>;

/** The Markdown report, built as mdast and printed by remark-stringify. */
export function renderMarkdown(report: Report, ref: Reference, status?: FindingStatus, resolved?: Finding[]): string {
  const s = report.summary;
  const children: RootContent[] = [
    h(1, 'claimlint report'),
    p(
      t(`Reference `),
      code(`${report.reference.id}@${report.reference.version}`),
      t(` (sha256 ${report.reference.sha256.slice(0, 12)}), ${report.tool.name} ${report.tool.version}.`),
    ),
    h(2, 'Summary'),
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: [
        li(strong(`${s.sources}`), t(` sources${scopeNote(report)} (${s.sourceErrors} unreadable), `), strong(`${s.claims}`), t(' claims')),
        li(t('Verdicts: '), t(`${s.byVerdict.supported} supported, ${s.byVerdict.contradicted} contradicted, ${s.byVerdict.unverified} unverified`)),
        li(t('Findings: '), strong(`${s.bySeverity.error} errors`), t(`, ${s.bySeverity.warning} warnings, ${s.bySeverity.info} info`)),
        ...(status ? [li(t('Since the baseline: '), strong(`${[...status.values()].filter((x) => x === 'new').length} new`), t(`, ${[...status.values()].filter((x) => x === 'unchanged').length} unchanged, `), strong(`${resolved?.length ?? 0} resolved`))] : []),
        ...Object.entries(s.byRule).map(([rule, n]) => li(code(rule), t(`: ${n}`))),
      ],
    },
  ];

  const sources = report.sources.filter((x) => x.status === 'ok');
  const rows = consensusRows(report, ref);
  if (rows.length && sources.length > WIDE_TABLE_SOURCES) {
    // A table with a column per page stops being readable (and printable) beyond a dozen
    // pages: list, per attribute, each value with the pages that state it.
    children.push(h(2, 'Consensus'));
    children.push(p(t(`What the ${sources.length} pages say, per attribute: each value with the pages that state it; ✓ supported by the reference, ✗ contradicted, ? unverified; ⚠ marks attributes on which pages disagree.`)));
    for (const r of rows) {
      const byValue = new Map<string, { verdict: keyof typeof MARK; sources: string[] }>();
      for (const x of sources) {
        for (const v of r.cells[x.id]?.values ?? []) {
          const entry = byValue.get(v.value) ?? { verdict: v.verdict, sources: [] };
          entry.sources.push(x.id);
          byValue.set(v.value, entry);
        }
      }
      children.push(p(strong(`${r.disagreement ? '⚠ ' : ''}${r.label}`), t(` (reference: ${r.reference})`)));
      children.push({
        type: 'list',
        ordered: false,
        spread: false,
        children: [...byValue].map(([value, e]) =>
          li(t(`${MARK[e.verdict]} ${value}: ${e.sources.length} page${e.sources.length === 1 ? '' : 's'} (${e.sources.slice(0, LISTED_SOURCES).join(', ')}${e.sources.length > LISTED_SOURCES ? `, and ${e.sources.length - LISTED_SOURCES} more` : ''})`)),
        ),
      });
    }
  } else if (rows.length) {
    children.push(h(2, 'Consensus'));
    children.push(p(t('What each page says, per attribute: ✓ supported by the reference, ✗ contradicted, ? unverified; ⚠ marks attributes on which pages disagree.')));
    children.push({
      type: 'table',
      align: [],
      children: [
        row([[t('Attribute')], ...sources.map((x) => [code(x.id)]), [t('Reference')]]),
        ...rows.map((r) =>
          row([
            [t(`${r.disagreement ? '⚠ ' : ''}${r.label}`)],
            ...sources.map((x) => [t((r.cells[x.id]?.values ?? []).map((v) => `${MARK[v.verdict]} ${v.value}`).join(', '))]),
            [t(r.reference)],
          ]),
        ),
      ],
    });
  }

  children.push(h(2, 'Findings by source'));
  // In a large corpus the warnings and info findings (conflicts between pages, claims the reference
  // cannot confirm) would bury the errors a reviewer must act on: they are counted here, and listed
  // in full in report.json and report.sarif. Pages without errors get no section,
  // and beyond LISTED_ERRORS the remaining errors are counted, not listed: a Markdown file of
  // tens of megabytes is read by nobody (and takes remark-stringify seconds per thousand pages).
  const brief = report.sources.length > DETAILED_INFO_SOURCES;
  // Sources and findings are both in path order: read side by side, one page's findings at a
  // time (a large corpus's findings are read from disk), with the evidence they cite noted on
  // the way. Findings about no source (a waivers file) are only cited.
  const cited = new Map<string, EvidenceRef>();
  const cite = (f: Finding) => {
    for (const e of f.evidence) if (!cited.has(e.id)) cited.set(e.id, e);
  };
  const all = report.findings[Symbol.iterator]();
  let next = all.next();
  const findingsOf = (path: string): Finding[] => {
    const list: Finding[] = [];
    for (; !next.done && next.value.path <= path; next = all.next()) {
      cite(next.value);
      if (next.value.path === path) list.push(next.value);
    }
    return list;
  };
  let listed = 0;
  const untold = { errors: 0, pages: 0 };
  let quiet = 0;
  for (const source of report.sources) {
    const findings = findingsOf(source.path);
    const errors = brief ? findings.filter((f) => f.severity === 'error') : findings;
    if (brief && errors.length === 0 && source.status === 'ok') {
      quiet++;
      continue;
    }
    if (brief && listed >= LISTED_ERRORS) {
      untold.errors += errors.length;
      untold.pages++;
      continue;
    }
    children.push(h(3, `${source.path}`));
    const facts: string[] = [];
    if (source.title) facts.push(`“${source.title}”`);
    if (source.publisher) facts.push(source.publisher);
    if (source.language) facts.push(`language ${source.language}`);
    facts.push(`${source.claims} claims`, `${findings.length} findings`);
    children.push(p(t(facts.join(' · '))));
    if (findings.length === 0) {
      children.push(p(t(source.status === 'ok' ? 'No findings.' : 'Not checked.')));
      continue;
    }
    for (const f of errors) children.push(...findingBlock(f, status?.get(f.id)));
    listed += errors.length;
    if (errors.length < findings.length) {
      const w = findings.filter((f) => f.severity === 'warning').length;
      const i = findings.length - errors.length - w;
      children.push(p(t(`Not listed here: ${w} warning${w === 1 ? '' : 's'} and ${i} info finding${i === 1 ? '' : 's'}; all findings are in report.json and report.sarif.`)));
    }
  }
  if (quiet) children.push(p(t(`${quiet} page${quiet === 1 ? ' has' : 's have'} no errors and ${quiet === 1 ? 'is' : 'are'} not listed (their warnings and info findings are in report.json and report.sarif).`)));
  if (untold.errors || untold.pages)
    children.push(p(strong(`${untold.errors} more error${untold.errors === 1 ? '' : 's'} on ${untold.pages} more page${untold.pages === 1 ? '' : 's'} not listed here`), t(` (this report lists the first ${LISTED_ERRORS} errors, in file order): see report.json or report.sarif.`)));
  if (resolved) {
    children.push(h(2, 'Resolved since the baseline'));
    if (resolved.length === 0) children.push(p(t('None: every finding of the baseline is still reported.')));
    for (const f of resolved) children.push(...findingBlock(f, 'resolved'));
  }
  for (; !next.done; next = all.next()) cite(next.value);
  for (const f of resolved ?? []) cite(f);
  const evidence = sortedEvidence(cited);
  if (evidence.length) {
    children.push(h(2, 'Evidence'));
    children.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: evidence.map((e) => li(code(e.id), t(` ${e.citation}${e.doi ? ` doi:${e.doi}` : ''}${e.pmid ? ` PMID ${e.pmid}` : ''} — ${e.kind}, ${e.status}`))),
    });
  }
  const tree: Root = { type: 'root', children };
  return unified().use(remarkGfm).use(remarkStringify, { bullet: '-', fences: true }).stringify(tree);
}

function findingBlock(f: Finding, status?: 'new' | 'unchanged' | 'resolved'): RootContent[] {
  const loc = `${f.path}:${f.position.start.line}:${f.position.start.column}`;
  const items: ListItem[] = [];
  if (f.text) items.push(li(t('Quote: '), t(`“${f.text.replace(/\s+/g, ' ')}”`)));
  items.push(li(t('Verdict: '), strong(f.verdict)));
  if (f.expected) items.push(li(t('Reference: '), t(f.expected)));
  if (f.related?.length) items.push(li(t('Other pages: '), t(f.related.map((r) => `${r.source} (${r.path}:${r.position.start.line}:${r.position.start.column}) “${r.text}” = ${r.value}`).join('; '))));
  if (f.evidence.length)
    items.push(
      li(
        t('Evidence: '),
        // Short ids here; each citation is printed once, in full, in the Evidence section at the end.
        t(f.evidence.map((e) => `[${e.id}] (${e.status})`).join(', ')),
      ),
    );
  if (f.suggestion) items.push(li(t('Suggestion: '), t(f.suggestion)));
  return [
    p(strong(`${f.severity.toUpperCase()}`), t(' '), code(loc), t(` ${f.message} `), code(f.rule), ...(status ? [t(` (${status})`)] : [])),
    { type: 'list', ordered: false, spread: false, children: items },
  ];
}
