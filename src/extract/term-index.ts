import { foldCase, stripAccents, WORD_CHAR } from './terms.js';

const WORDS = new RegExp(`${WORD_CHAR}+`, 'gu');
const LEADING_RUN = new RegExp(`^${WORD_CHAR.replace(']', '*]')}+`, 'u');

/** The words of a (case-folded) text, as the index sees them. */
export function wordsOf(folded: string): string[] {
  const words: string[] = folded.match(WORDS) ?? [];
  // A word written against a number ("3-5sedute", "10sessões", "2x/week") is a word too.
  const n = words.length;
  for (let i = 0; i < n; i++) {
    const c = words[i].charCodeAt(0);
    if (c >= 48 && c <= 57) {
      const tail = GLUED_TAIL.exec(words[i]);
      if (tail) words.push(tail[1]);
    }
  }
  return words;
}

const GLUED_TAIL = /^[\d.,]+(\p{L}.*)$/u;

/** Runs of word characters in a term's token, as wordsOf would cut the matching text. */
const RUNS = new RegExp(`${WORD_CHAR}+`, 'gu');

/**
 * The other words a term's text must hold as whole words, besides its first: every run of word
 * characters in its tokens, except where the term syntax leaves room (src/extract/terms.ts): a
 * gap ("…") or a whole-word wildcard ("*") matches any word, a stem ("stem*") is the start of a
 * word, and a dash matches U+2212 too, which is a word character ("anti−age" is one word).
 * Apostrophes, slashes and spaces between words are separators in the text as in the term.
 */
function requiredWords(term: string): string[] {
  const out: string[] = [];
  for (const token of stripAccents(foldCase(term)).trim().split(/\s+/)) {
    if (token === '…' || token === '...' || token === '*' || token.includes('-')) continue;
    for (const m of token.matchAll(RUNS)) {
      const end = (m.index ?? 0) + m[0].length;
      const word = token[end] === '*' && end === token.length - 1 ? `${m[0]}*` : m[0]; // a stem: "doloros*"
      if (!out.includes(word)) out.push(word);
    }
  }
  return out;
}

/** A term's key, and the words (besides the one it is filed under) a text must hold for it to match. */
interface Entry<K> {
  key: K;
  others: readonly string[];
}

/**
 * A prefilter for term lists: from the words of every term it tells which keys (concepts,
 * frequency phrases) can possibly match a sentence, so that only their regular expressions run.
 * A term can only match where its first word (or stem, for "stem*") occurs, and all its other
 * whole words too (requiredWords): "for good" needs "good" as well as the common "for". Terms
 * whose first word cannot be told (they open with punctuation, or a word glued to an apostrophe
 * like "n't") make their key a candidate for every sentence.
 */
export class TermIndex<K> {
  private readonly exact = new Map<string, Array<Entry<K>>>();
  /** Stems by their first two UTF-16 units (bucketOf): a number, so looking a word up makes no string. */
  private readonly stems = new Map<number, Array<{ stem: string; entry: Entry<K> }>>();
  private readonly always = new Set<K>();

  add(key: K, term: string): this {
    // Words are filed and looked up without their accents, as a term's accented letter also
    // matches the plain one (src/extract/terms.ts): a superset, the term's pattern decides.
    const first = stripAccents(foldCase(term)).trim().split(/\s+/)[0] ?? '';
    const run = LEADING_RUN.exec(first)?.[0] ?? '';
    if (run.length === 0) this.always.add(key);
    else if (first === `${run}*`) {
      const bucket = bucketOf(run);
      const list = this.stems.get(bucket) ?? [];
      list.push({ stem: run, entry: { key, others: requiredWords(term).filter((w) => w !== `${run}*`) } });
      this.stems.set(bucket, list);
    } else if (first === run || (/^[!-/:-@[-`{-~]/u.test(first.slice(run.length)) && !(run.length < 2 && /^['’]/u.test(first.slice(run.length))))) {
      const list = this.exact.get(run) ?? [];
      const others = requiredWords(term).filter((w) => w !== run);
      // The same key under the same word with the same other words: once.
      if (!list.some((e) => e.key === key && e.others.length === others.length && e.others.every((w, i) => w === others[i]))) list.push({ key, others });
      this.exact.set(run, list);
    } else this.always.add(key);
    return this;
  }

  /**
   * Keys whose terms may match a text made of these words. Most sentences match none: they all
   * get the same empty set, and a set is made only at the first hit (this runs for every sentence).
   */
  candidates(accented: readonly string[]): ReadonlySet<K> {
    let out: Set<K> | undefined = this.always.size ? new Set<K>(this.always) : undefined;
    const words = plainWords(accented);
    for (const w of words) {
      const hit = this.exact.get(w);
      if (hit) for (const e of hit) if (!out?.has(e.key) && holdsAll(e.others, words)) (out ??= new Set<K>()).add(e.key);
      const bucket = this.stems.get(bucketOf(w));
      if (bucket) for (const s of bucket) if (w.startsWith(s.stem) && !out?.has(s.entry.key) && holdsAll(s.entry.others, words)) (out ??= new Set<K>()).add(s.entry.key);
    }
    return out ?? (NONE as ReadonlySet<K>);
  }
}

const NONE: ReadonlySet<never> = new Set<never>();

/**
 * The words without their accents; the same array when none has one (most sentences' words).
 * A caller that asks several indexes about one sentence strips them once (candidates then finds
 * nothing left to strip).
 */
export function plainWords(words: readonly string[]): readonly string[] {
  for (let i = 0; i < words.length; i++) {
    const plain = stripAccents(words[i]);
    if (plain !== words[i]) {
      const out = words.slice(0, i);
      out.push(plain);
      for (let j = i + 1; j < words.length; j++) out.push(stripAccents(words[j]));
      return out;
    }
  }
  return words;
}

/** Whether the words hold every one of `others` (a word, or a stem ending in "*"). */
function holdsAll(others: readonly string[], words: readonly string[]): boolean {
  for (const w of others) if (w.endsWith('*') ? !words.some((x) => x.startsWith(w.slice(0, -1))) : !words.includes(w)) return false;
  return true;
}

/** A stem's bucket, and the bucket a word looks in: its first two units (one, for a word of one). */
const bucketOf = (w: string): number => (w.length > 1 ? w.charCodeAt(0) * 65_537 + w.charCodeAt(1) + 1 : w.charCodeAt(0) * 65_537);
