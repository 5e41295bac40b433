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
  /** Stems by their first two UTF-16 units (bucketOf): a number, so looking a word up makes no string. */
  private readonly stems = new Map<number, Array<{ stem: string; key: K }>>();
  private readonly always = new Set<K>();

  add(key: K, term: string): this {
    const first = foldCase(term).trim().split(/\s+/)[0] ?? '';
    const run = LEADING_RUN.exec(first)?.[0] ?? '';
    if (run.length === 0) this.always.add(key);
    else if (first === `${run}*`) {
      const bucket = bucketOf(run);
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

  /**
   * Keys whose terms may match a text made of these words. Most sentences match none: they all
   * get the same empty set, and a set is made only at the first hit (this runs for every sentence).
   */
  candidates(words: readonly string[]): ReadonlySet<K> {
    let out: Set<K> | undefined = this.always.size ? new Set<K>(this.always) : undefined;
    for (const w of words) {
      const hit = this.exact.get(w);
      if (hit) for (const k of hit) (out ??= new Set<K>()).add(k);
      const bucket = this.stems.get(bucketOf(w));
      if (bucket) for (const s of bucket) if (w.startsWith(s.stem)) (out ??= new Set<K>()).add(s.key);
    }
    return out ?? (NONE as ReadonlySet<K>);
  }
}

const NONE: ReadonlySet<never> = new Set<never>();

/** A stem's bucket, and the bucket a word looks in: its first two units (one, for a word of one). */
const bucketOf = (w: string): number => (w.length > 1 ? w.charCodeAt(0) * 65_537 + w.charCodeAt(1) + 1 : w.charCodeAt(0) * 65_537);
