import type { LanguagePack } from '../vocab/load.js';
import { findAll, type Span } from './terms.js';

export interface Quantity {
  min: number | null;
  max: number | null;
  approximate: boolean;
  /** Span including bound and approximation words ("circa 4mm", "no more than 4mm"). */
  span: Span;
}

export function parseNumber(token: string | undefined, lang: LanguagePack): number | undefined {
  if (token === undefined) return undefined;
  const t = token.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(t)) return Number(t.replace(',', '.'));
  return lang.numbers.get(t);
}

/**
 * Reads the range captured by lang.rangeSource ("3 -5", "dalle 8 alle 15",
 * "between 3 to 15", "4 o 6") and the bound and approximation words just
 * before it ("almeno 8" → min 8; "no more than 4" → max 4).
 */
export function readQuantity(text: string, match: RegExpExecArray, lang: LanguagePack): Quantity | undefined {
  const g = match.groups ?? {};
  const a = parseNumber(g.a, lang);
  const b = parseNumber(g.b ?? g.b2, lang);
  if (a === undefined || Number.isNaN(a)) return undefined;
  let min: number | null = a;
  let max: number | null = b ?? a;
  if (b !== undefined && b < a) {
    // "10/12" reads as a range; "12/10" is not one.
    return undefined;
  }
  // Bounds are looked for before the first number, which may follow a range-start
  // word inside the match ("a partire da 4": "da" opens the match).
  const aStart = match.indices?.groups?.a?.[0] ?? match.index;
  let start = b === undefined ? aStart : match.index;
  const end = match.index + match[0].length;
  let approximate = false;
  // Look back over at most two prefixes: "circa", "al massimo", "fino a circa".
  for (let k = 0; k < 2; k++) {
    const before = text.slice(Math.max(0, start - 40), start);
    const base = start - before.length;
    const restore = start;
    const last = (re: RegExp) => {
      const hits = findAll(re, before).filter((h) => /^\s*$/.test(before.slice(h.end)));
      return hits.length ? hits[hits.length - 1] : undefined;
    };
    const lo = last(lang.re.min);
    const hi = last(lang.re.max);
    const ap = last(lang.re.approximate);
    if (b === undefined && hi) {
      min = null;
      start = base + hi.start;
    } else if (b === undefined && lo) {
      max = null;
      start = base + lo.start;
    } else if (ap) {
      approximate = true;
      start = base + ap.start;
    } else {
      start = k === 0 && b === undefined ? Math.min(restore, match.index) : restore;
      break;
    }
  }
  return { min, max, approximate, span: { start, end } };
}

/** Every quantity matched by `re` (a regex built on lang.rangeSource) in the text. */
export function findQuantities(re: RegExp, text: string, lang: LanguagePack): Array<Quantity & { match: RegExpExecArray }> {
  const out: Array<Quantity & { match: RegExpExecArray }> = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const q = readQuantity(text, m, lang);
    if (q) out.push({ ...q, match: m });
  }
  return out;
}
