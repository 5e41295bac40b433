import type { EvidenceRef, Finding } from '../types.js';

/** Every piece of evidence the findings cite, once, sorted by id: what each report lists in full. */
export function citedEvidence(findings: Iterable<Finding>): EvidenceRef[] {
  const cited = new Map<string, EvidenceRef>();
  for (const f of findings) for (const e of f.evidence) if (!cited.has(e.id)) cited.set(e.id, e);
  return [...cited.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
