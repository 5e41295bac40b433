import type { EvidenceRef, Finding } from '../types.js';

/**
 * Every piece of evidence the findings cite, once, sorted by id: what each report lists in full.
 * Several lists are read one after the other, never copied into one (a large corpus's findings
 * are read from disk as they are iterated).
 */
export function citedEvidence(...lists: Iterable<Finding>[]): EvidenceRef[] {
  const cited = new Map<string, EvidenceRef>();
  for (const findings of lists) for (const f of findings) for (const e of f.evidence) if (!cited.has(e.id)) cited.set(e.id, e);
  return sortedEvidence(cited);
}

export function sortedEvidence(cited: Map<string, EvidenceRef>): EvidenceRef[] {
  return [...cited.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
