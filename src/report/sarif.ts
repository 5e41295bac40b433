/**
 * SARIF 2.1.0 (OASIS), what GitHub code scanning and most editors read.
 * One run; `tool.driver.rules` generated from the rules' metadata; one result
 * per finding with its physical location (uri relative to the directory the
 * check ran in, UTF-16 columns, end column exclusive), a fingerprint computed
 * from the claim rather than from line numbers, related locations for
 * cross-source findings and a fix where the reference suggests a wording.
 * Validated against schemas/external/sarif-schema-2.1.0.json in the tests.
 */
import type { EvidenceRef, Finding, Position, RelatedValue, Severity, SuppressionRecord } from '../types.js';
import type { Report } from './model.js';
import type { RuleMeta } from '../check/rule.js';
import { RULE_METAS } from '../check/rules/index.js';
import { FINGERPRINT_KEY, fingerprinted, fingerprintFindings } from '../check/fingerprint.js';
import { mergeFindings } from '../check/index.js';
import { SourceLines, type SourceTexts } from './source-text.js';
import { JsonMemo, jsonChunks, LazyList, RawJson, stringifyWith } from './json-chunks.js';
import { sortedEvidence } from './evidence.js';
import { TOOL_HOMEPAGE } from '../version.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The base every artifact uri is relative to: the directory claimlint ran in (the repository root in CI). */
export const SRCROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note';
export const SARIF_LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

type Json = Record<string, unknown>;

// Finding carries the CI gate's fingerprint and suppression record (src/check/gate.ts).
type GateFinding = Finding;

export interface SarifOptions {
  texts?: SourceTexts;
  rules?: readonly RuleMeta[];
}

/** A report path ("sources/a b.md") as a relative URI reference ("sources/a%20b.md"). */
export function pathToUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function region(position: Position, snippet?: string): Json {
  const r: Json = { startLine: position.start.line, startColumn: position.start.column };
  if (position.end.offset > position.start.offset) {
    r.endLine = position.end.line;
    r.endColumn = position.end.column;
  }
  if (snippet) r.snippet = { text: snippet };
  return r;
}

function citation(e: EvidenceRef): string {
  const ids = [e.doi ? `doi:${e.doi}` : '', e.pmid ? `PMID ${e.pmid}` : '', e.url ?? ''].filter(Boolean).join(', ');
  return `${e.citation}${ids ? ` (${ids})` : ''} [${e.kind}, ${e.status}]`;
}

function ruleName(id: string): string {
  return id.replace(/(^|-)(\w)/g, (_, _d: string, c: string) => c.toUpperCase());
}

function every<T>(items: Iterable<T>, test: (item: T) => boolean): boolean {
  for (const item of items) if (!test(item)) return false;
  return true;
}

/** The evidence the findings of each rule cite, in one pass over the findings. */
function citedByRule(findings: Iterable<Finding>): Map<string, EvidenceRef[]> {
  const byRule = new Map<string, Map<string, EvidenceRef>>();
  for (const f of findings) {
    let cited = byRule.get(f.rule);
    if (!cited) byRule.set(f.rule, (cited = new Map()));
    for (const e of f.evidence) if (!cited.has(e.id)) cited.set(e.id, e);
  }
  return new Map([...byRule].map(([rule, cited]) => [rule, sortedEvidence(cited)]));
}

/** A rule descriptor: metadata plus the evidence its findings cite in this run. */
function ruleDescriptor(meta: RuleMeta, cited: EvidenceRef[]): Json {
  const text = [meta.docs, ...(cited.length ? ['', 'Evidence cited by the findings of this run:', ...cited.map((e) => `- [${e.id}] ${citation(e)}`)] : [])].join('\n');
  const markdown = [
    `**${meta.description}**`,
    '',
    meta.docs,
    ...(cited.length ? ['', 'Evidence cited by the findings of this run:', '', ...cited.map((e) => `- \\[${e.id}\\] ${citation(e).replace(/([*_[\]`])/g, '\\$1')}`)] : []),
  ].join('\n');
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description} ${meta.docs}` },
    help: { text, markdown },
    ...(TOOL_HOMEPAGE ? { helpUri: TOOL_HOMEPAGE } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[meta.defaultSeverity] },
    properties: { tags: ['claimlint', 'medical-claims'] },
  };
}

function suppressionOf(s: SuppressionRecord): Json {
  const out: Json = {
    kind: s.kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    justification: s.reason,
    location: { physicalLocation: { artifactLocation: { uri: pathToUri(s.path), uriBaseId: SRCROOT }, region: { startLine: s.line, startColumn: s.column } } },
  };
  const properties: Json = {};
  if (s.reviewer) properties.reviewer = s.reviewer;
  if (s.date) properties.date = s.date;
  if (s.expiry) properties.expiry = s.expiry;
  if (Object.keys(properties).length) out.properties = properties;
  return out;
}

function messageOf(f: Finding): string {
  const parts = [f.text ? `${f.message}: "${f.text.replace(/\s+/g, ' ')}"` : f.message];
  if (f.expected) parts.push(`Reference: ${f.expected}`);
  if (f.suggestion) parts.push(`Suggested wording: ${f.suggestion}`);
  // Evidence by id: the full citations are in the rule's help, once (repeating them made up a
  // fifth of a large report).
  if (f.evidence.length) parts.push(`Evidence: ${f.evidence.map((e) => `[${e.id}]`).join(', ')} (citations in the rule help)`);
  return parts.join('\n');
}

export function buildSarif(report: Report, options: SarifOptions = {}): Json {
  const rules = options.rules ?? RULE_METAS;
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const lines = new SourceLines(options.texts);
  const artifactIndex = new Map(report.sources.map((s, i) => [s.path, i]));
  // Suppressed and waived findings (report.suppressed) are results too, each with its SARIF suppression.
  const suppressed = (report as Report & { suppressed?: GateFinding[] }).suppressed ?? [];
  const findings: GateFinding[] | LazyList<GateFinding> = suppressed.length ? mergeFindings(report.findings as GateFinding[], suppressed) : report.findings;
  // The CI gate gives every finding its fingerprint; a report built without it gets them here.
  const computed = (fingerprinted.has(report.findings) && suppressed.every((f) => f.fingerprint)) || every(findings, (f) => Boolean(f.fingerprint)) ? undefined : fingerprintFindings(findings, report.claims);
  const cited = citedByRule(findings);
  // A page's URI is written for each of its results and each result's related pages (ten a
  // finding in a large corpus): encoded once per page.
  const uris = new Map<string, string>();
  const uriOf = (path: string): string => {
    let uri = uris.get(path);
    if (uri === undefined) uris.set(path, (uri = pathToUri(path)));
    return uri;
  };
  const location = (path: string, position: Position, snippet: string | undefined, withContext: boolean): Json => {
    const artifactLocation: Json = { uri: uriOf(path), uriBaseId: SRCROOT };
    const index = artifactIndex.get(path);
    if (index !== undefined) artifactLocation.index = index;
    const physicalLocation: Json = { artifactLocation, region: region(position, snippet) };
    const idx = withContext ? lines.index(path) : undefined;
    if (idx) {
      const first = position.start.line;
      const last = Math.max(first, position.end.line);
      const text = Array.from({ length: last - first + 1 }, (_, i) => idx.lineText(first + i)).join('\n');
      physicalLocation.contextRegion = { startLine: first, endLine: last, snippet: { text } };
    }
    return { physicalLocation };
  };

  const relatedLocations = (related: readonly RelatedValue[]): Json[] =>
    related.map((r, i) => ({
      id: i + 1,
      ...location(r.path, r.position, r.text || undefined, false),
      message: { text: `${r.source}: ${r.value}` },
    }));
  const relatedJson = new JsonMemo<readonly RelatedValue[]>();

  // Results are made one at a time as the SARIF is written (LazyList), not all held at once.
  const results = LazyList.map(findings, (f): Json | RawJson => {
    const result: Json = {
      ruleId: f.rule,
      level: SARIF_LEVEL[f.severity],
      kind: 'fail',
      message: { text: messageOf(f) },
      locations: [location(f.path, f.position, f.text || undefined, true)],
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint ?? computed!.get(f.id)! },
    };
    if (f.suppression) result.suppressions = [suppressionOf(f.suppression)];
    const index = ruleIndex.get(f.rule);
    if (index !== undefined) result.ruleIndex = index;
    // A frozen list of related statements is shared by every page stating the same values: its
    // locations are serialised once (a fifth of a large report) and copied into each result
    // (stringifyWith, below; the null keeps the key's place among the others).
    const shared = f.related?.length && Object.isFrozen(f.related) ? f.related : undefined;
    if (f.related?.length) result.relatedLocations = shared ? null : relatedLocations(f.related);
    if (f.suggestion && f.text) {
      result.fixes = [
        {
          description: { text: `Suggested wording from the reference (review it before applying): ${f.suggestion}` },
          artifactChanges: [
            {
              artifactLocation: { uri: uriOf(f.path), uriBaseId: SRCROOT },
              replacements: [{ deletedRegion: region(f.position), insertedContent: { text: f.suggestion } }],
            },
          ],
        },
      ];
    }
    const properties: Json = { findingId: f.id, source: f.source, verdict: f.verdict };
    if (f.attribute) properties.attribute = f.attribute;
    if (f.evidence.length) properties.evidence = f.evidence.map((e) => e.id);
    result.properties = properties;
    if (!shared) return result;
    return new RawJson(stringifyWith(result, 'relatedLocations', relatedJson.json(shared, relatedLocations)));
  });

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            ...(TOOL_HOMEPAGE ? { informationUri: TOOL_HOMEPAGE } : {}),
            rules: rules.map((r) => ruleDescriptor(r, cited.get(r.id) ?? [])),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The directory claimlint ran in (the repository root in CI).' } } },
        artifacts: report.sources.map((s) => {
          const a: Json = { location: { uri: uriOf(s.path), uriBaseId: SRCROOT }, mimeType: /\.txt$/i.test(s.path) ? 'text/plain' : 'text/markdown' };
          if (s.sha256) a.hashes = { 'sha-256': s.sha256 };
          return a;
        }),
        columnKind: 'utf16CodeUnits',
        results,
        properties: { reference: { ...report.reference } },
      },
    ],
  };
}

/**
 * report.sarif in chunks: the outer levels indented, one rule, artifact or result per line,
 * a trailing newline; byte-identical for identical input.
 */
export function* sarifChunks(report: Report, options: SarifOptions = {}): Generator<string> {
  yield* jsonChunks(buildSarif(report, options), { depth: 4, compact: true });
  yield '\n';
}

export function renderSarif(report: Report, options: SarifOptions = {}): string {
  return [...sarifChunks(report, options)].join('');
}
