import type { EvidenceRef, Finding } from '../types.js';

/**
 * Every piece of evidence the findings cite, once, sorted by id: what each report lists in full.
 * Several lists are read one after the other, never copied into one (a large corpus's findings
 * are read from disk as they are iterated).
 */
export function citedEvidence(...lists: Iterable<Finding>[]): EvidenceRef[] {
  const cited = new Map<string, EvidenceRef>();
  for (const findings of lists) {
    const known = noted.get(findings);
    if (!known) for (const f of findings) addCitations(cited, f);
    else for (const [id, e] of known) if (!cited.has(id)) cited.set(id, e);
  }
  return sortedEvidence(cited);
}

const noted = new WeakMap<object, ReadonlyMap<string, EvidenceRef>>();

/**
 * What a list of findings cites, as the code that made the list saw it go by (the check stage's
 * gate): each report that lists the citations then does not read every finding again.
 */
export function noteCitations(findings: Iterable<Finding>, cited: ReadonlyMap<string, EvidenceRef>): void {
  noted.set(findings, cited);
}

/** Adds what a finding cites to `cited` (first of each id kept, as citedEvidence does). */
export function addCitations(cited: Map<string, EvidenceRef>, f: Finding): void {
  for (const e of f.evidence) if (!cited.has(e.id)) cited.set(e.id, e);
}

export function sortedEvidence(cited: Map<string, EvidenceRef>): EvidenceRef[] {
  return [...cited.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
