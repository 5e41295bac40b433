/**
 * Abbreviations after which a full stop does not end a sentence. Each language lists its own
 * in vocab/<lang>.yaml; the list below serves text whose language is not given.
 *
 * A full stop is tested with a probe: the text before it (with the full stop), PROBE_MARK, then
 * the text after it. The pattern matches when the full stop ends an abbreviation ("Dott.|") or
 * sits inside one ("z.|B.", "p.| ex.").
 */
export const PROBE_MARK = '\u0000';
/** Characters taken on each side of a full stop for the probe (longer than any abbreviation). */
export const PROBE_WINDOW = 12;

const DEFAULT_LIST = ['dott', 'dr', 'dssa', 'prof', 'sig', 'sigg', 'sig.ra', 'ecc', 'etc', 'es', 'e.g', 'i.e', 'vs', 'ca', 'st', 'n', 'nr', 'art', 'tel', 'cell', 'fig', 'pag', 'pp', 'mr', 'mrs', 'ms', 'no', 'dra', 'sra', 'sr', 'av', 'mme', 'mlle', 'env'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The probe pattern for a list such as ["Dott", "z. B.", "e.g."] (final full stop optional). */
export function abbreviationPattern(list: readonly string[]): RegExp {
  const alternatives = new Set<string>();
  for (const entry of list) {
    const parts = entry.replace(/\.$/, '').split(/\.\s*/).filter(Boolean).map(escape);
    if (parts.length === 0) continue;
    // The full stop after part k (k = 1 … n), with the parts before and after it.
    for (let k = 1; k <= parts.length; k++) {
      const before = parts.slice(0, k).join('\\.\\s?');
      const after = parts.slice(k).map((p) => `\\s?${p}\\.`).join('');
      alternatives.add(`${before}\\.${PROBE_MARK}${after}`);
    }
  }
  if (alternatives.size === 0) return /(?!)/;
  const sorted = [...alternatives].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return new RegExp(`(?:^|[\\s(])(?:${sorted.join('|')})`, 'iu');
}

export const DEFAULT_ABBREVIATIONS = abbreviationPattern(DEFAULT_LIST);

/** Whether the full stop at `i` of `text` (a sentence starting at `start`) belongs to an abbreviation. */
export function isAbbreviation(text: string, i: number, start: number, pattern: RegExp): boolean {
  const probe = `${text.slice(Math.max(start, i - PROBE_WINDOW), i + 1)}${PROBE_MARK}${text.slice(i + 1, i + 1 + PROBE_WINDOW)}`;
  return pattern.test(probe);
}
