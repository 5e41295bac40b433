import { foldCase, WORD_CHAR } from './terms.js';

const WORDS = new RegExp(`${WORD_CHAR}+`, 'gu');
const LEADING_RUN = new RegExp(`^${WORD_CHAR.replace(']', '*]')}+`, 'u');

/** The words of a (case-folded) text, as the index sees them. */
export function wordsOf(folded: string): string[] {
  return folded.match(WORDS) ?? [];
}

/**
 * A prefilter for term lists: from the first word of every term it tells which
 * keys (concepts, frequency phrases) can possibly match a sentence, so that
 * only their regular expressions run. A term can only match where its first
 * word (or stem, for "stem*") occurs. Terms whose first word cannot be told
 * (they open with punctuation, or a word glued to an apostrophe like "n't")
 * make their key a candidate for every sentence.
 */
export class TermIndex<K> {
  private readonly exact = new Map<string, Set<K>>();
  private readonly stems = new Map<string, Array<{ stem: string; key: K }>>();
  private readonly always = new Set<K>();

  add(key: K, term: string): this {
    const first = foldCase(term).trim().split(/\s+/)[0] ?? '';
    const run = LEADING_RUN.exec(first)?.[0] ?? '';
    if (run.length === 0) this.always.add(key);
    else if (first === `${run}*`) {
      const bucket = run.slice(0, 2);
      const list = this.stems.get(bucket) ?? [];
      list.push({ stem: run, key });
      this.stems.set(bucket, list);
    } else if (first === run || (/^[!-/:-@[-`{-~]/u.test(first.slice(run.length)) && !(run.length < 2 && /^['’]/u.test(first.slice(run.length))))) {
      const set = this.exact.get(run) ?? new Set<K>();
      set.add(key);
      this.exact.set(run, set);
    } else this.always.add(key);
    return this;
  }

  /** Keys whose terms may match a text made of these words. */
  candidates(words: readonly string[]): Set<K> {
    const out = new Set<K>(this.always);
    for (const w of words) {
      const hit = this.exact.get(w);
      if (hit) for (const k of hit) out.add(k);
      const bucket = this.stems.get(w.slice(0, 2));
      if (bucket) for (const s of bucket) if (w.startsWith(s.stem)) out.add(s.key);
    }
    return out;
  }
}
