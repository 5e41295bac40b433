import type { EvidenceRef, Finding, RelatedValue } from '../types.js';
import type { Report } from './model.js';
import { JsonMemo, jsonChunks, LazyList, RawJson, stringifyWith } from './json-chunks.js';
import { spilledJson } from '../util/spill.js';
import { citedEvidence } from './evidence.js';

/** A finding as report.json holds it: evidence by id (the citations are in the report's `evidence` list, once). */
export type JsonFinding = Omit<Finding, 'evidence'> & { evidence: string[] };

// Spreading keeps the key order, so the serialised finding reads as the in-memory one.
const byId = (f: Finding): JsonFinding => ({ ...f, evidence: f.evidence.map((e) => e.id) });

/**
 * A finding as report.json writes it. The related statements of a cross-source finding are one
 * frozen list shared by every page that states the same values (a few dozen lists for a hundred
 * thousand findings, a third of the report's bytes): serialised once each, then copied.
 */
function findingJson(f: Finding, related: JsonMemo<readonly RelatedValue[]>): JsonFinding | RawJson {
  const json = byId(f);
  if (!f.related || !Object.isFrozen(f.related)) return json;
  return new RawJson(stringifyWith(json as unknown as Record<string, unknown>, 'related', related.json(f.related)));
}

/**
 * The object report.json serialises: the report with each finding's evidence replaced by
 * ids and the cited evidence listed once after the findings. A finding cites the same few
 * sources as thousands of others; repeating the citations made them half of the report.
 */
export function jsonDocument(report: Report): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const related = new JsonMemo<readonly RelatedValue[]>();
  for (const [key, value] of Object.entries(report)) {
    const json = spilledJson(value);
    if (key === 'findings' || key === 'suppressed') out[key] = LazyList.map(value as Finding[], (f) => findingJson(f, related));
    // Claims waiting on disk are copied as they were written there.
    else if (json) out[key] = new LazyList((value as unknown[]).length, (i) => new RawJson(json(i)));
    else out[key] = value;
    if (key === 'findings') out.evidence = citedEvidence(report.findings, report.suppressed ?? []);
  }
  return out;
}

/**
 * report.json, in chunks: the top levels indented, one source, claim, finding or evidence
 * entry per line; keys in a fixed order; trailing newline: byte-identical for identical input.
 */
export function* reportJsonChunks(report: Report): Generator<string> {
  yield* jsonChunks(jsonDocument(report), { depth: 2, compact: true });
  yield '\n';
}

export function renderJson(report: Report): string {
  return [...reportJsonChunks(report)].join('');
}

/**
 * A report.json read back (--baseline): findings get their evidence objects again from the
 * report's `evidence` list; reports written before evidence went by id are read as they are.
 */
export function findingsFromJson(findings: unknown[], evidence: unknown): Finding[] {
  const known = new Map<string, EvidenceRef>();
  if (Array.isArray(evidence)) for (const e of evidence) if (e && typeof e.id === 'string') known.set(e.id, e as EvidenceRef);
  return findings.map((raw) => {
    const f = raw as Finding & { evidence?: unknown };
    if (!Array.isArray(f.evidence)) return { ...f, evidence: [] };
    return { ...f, evidence: f.evidence.map((e: unknown) => (typeof e === 'string' ? (known.get(e) ?? { id: e, citation: e, kind: 'other', status: 'unverified' }) : (e as EvidenceRef))) };
  });
}
