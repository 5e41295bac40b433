import type { Reference } from '../reference/load.js';
import { TermIndex } from './term-index.js';

const caches = new WeakMap<Reference, Map<string, RegExp>>();

/** Compiles a regex built from the reference and a language once, then reuses it. */
export function cachedRegex(ref: Reference, key: string, build: () => RegExp): RegExp {
  let cache = caches.get(ref);
  if (!cache) caches.set(ref, (cache = new Map()));
  let re = cache.get(key);
  if (!re) cache.set(key, (re = build()));
  return re;
}

/** Every regex compiled so far for a reference (tests/regex-safety.test.ts checks each for catastrophic backtracking). */
export function cachedRegexes(ref: Reference): Array<[string, RegExp]> {
  return [...(caches.get(ref) ?? new Map<string, RegExp>())].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

const indexes = new WeakMap<Reference, Map<string, TermIndex<string>>>();

/** The prefilter over every concept's terms in one language (see TermIndex). */
export function conceptIndex(ref: Reference, language: string): TermIndex<string> {
  let byLang = indexes.get(ref);
  if (!byLang) indexes.set(ref, (byLang = new Map()));
  let index = byLang.get(language);
  if (!index) {
    index = new TermIndex<string>();
    // The scope's treatment names are read by the scope alone (src/extract/index.ts): a sentence
    // that only names the treatment ("La mesoterapia è una tecnica…") has nothing to extract.
    const scope = new Set(ref.scope ? [ref.scope.treatment, ref.scope.others] : []);
    for (const concept of ref.concepts.values()) if (!scope.has(concept.id)) for (const term of concept.terms[language] ?? []) index.add(concept.id, term);
    byLang.set(language, index);
  }
  return index;
}
