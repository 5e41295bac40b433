/**
 * Strings that stay in memory for the whole run (claims' quotes, findings' fingerprints) are
 * made compact here. V8 keeps a substring as a view of the string it was cut from, and a
 * concatenation as a pair of pieces: a quote of twenty characters would keep its whole page
 * alive, and `hash + ':' + n` three strings instead of one.
 */

/** An ASCII string as one flat string of its own. */
export function flatAscii(s: string): string {
  return Buffer.from(s, 'latin1').toString('latin1');
}

/** A substring that no longer keeps the text it was cut from alive (V8 shares below 13 characters anyway). */
export function detached(s: string): string {
  // Concatenating makes a pair; slicing the pair flattens it into a new string of its own.
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/**
 * One copy of each equal string: a corpus's findings repeat a few hundred messages and quotes
 * hundreds of thousands of times. Bounded, so that a corpus of all-different strings costs a
 * table of `limit` entries and no more.
 */
export class Interner {
  private readonly table = new Map<string, string>();

  constructor(private readonly limit = 200_000) {}

  get size(): number {
    return this.table.size;
  }

  of(s: string): string;
  of(s: string | undefined): string | undefined;
  of(s: string | undefined): string | undefined {
    if (s === undefined) return s;
    const known = this.table.get(s);
    if (known !== undefined) return known;
    if (this.table.size < this.limit) this.table.set(s, s);
    return s;
  }
}
