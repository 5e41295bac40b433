import type { LanguagePack } from '../vocab/load.js';
import { findAll, type Span } from './terms.js';

export interface Quantity {
  min: number | null;
  max: number | null;
  approximate: boolean;
  /** Span including bound and approximation words ("circa 4mm", "no more than 4mm"). */
  span: Span;
  /** A negation before the bound was read into it ("non si va oltre i 4 mm" = at most 4): the quantity is not negated. */
  negationInBound?: boolean;
}

/** How many words may stand between a negation and the lower bound it turns into an upper one. */
const NEGATED_BOUND_WORDS = 3;

/** A range match's second number (group b, b2 or b3: see LanguagePack.rangeSource), as written. */
export function secondNumber(g: Record<string, string | undefined>): string | undefined {
  return g.b ?? g.b2 ?? g.b3;
}

/**
 * Whether a spoken range (two number words in a row, group b3) is one: it goes up by one or two
 * ("quattro cinque", "eight, ten"); "one, five" is two numbers, not a range.
 */
export function spokenRangeHolds(g: Record<string, string | undefined>, a: number, b: number): boolean {
  return g.b3 === undefined || (b - a >= 1 && b - a <= 2);
}

const THOUSANDS = /^[1-9]\d{0,2}[.,]\d{3}$/;

/** The vulgar fractions lang.numberSource reads, alone ("½") or after a whole number ("1½"). */
const VULGAR_FRACTIONS: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75 };

export function parseNumber(token: string | undefined, lang: LanguagePack): number | undefined {
  if (token === undefined) return undefined;
  const t = token.trim().toLowerCase().replace(/\s+/g, ' ');
  // A separator before exactly three digits, after a whole number that does not start with 0, groups
  // thousands ("9.900 volte al mese", "2,500 patients"); otherwise it is the decimal point ("0,4 mm").
  const fraction = VULGAR_FRACTIONS[t.at(-1)!];
  if (fraction !== undefined && /^\d*.$/.test(t)) return Number(t.slice(0, -1) || 0) + fraction;
  if (/^\d/.test(t)) return THOUSANDS.test(t) ? Number(t.replace(/[.,]/, '')) : Number(t.replace(',', '.'));
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
  const b = parseNumber(secondNumber(g), lang);
  if (a === undefined || Number.isNaN(a)) return undefined;
  if (b !== undefined && !spokenRangeHolds(g, a, b)) return undefined;
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
  let negationInBound = false;
  // Look back over at most two prefixes: "circa", "al massimo", "fino a circa".
  for (let k = 0; k < 2; k++) {
    const before = text.slice(Math.max(0, start - 40), start);
    const base = start - before.length;
    const restore = start;
    // The bound word may be followed by an article: "oltre i 4 mm".
    const tail = (h: { end: number }) => before.slice(h.end);
    // Only an article may stand between: "tot 6 behandelingen, om de 2 weken" ends on the article
    // "de", but "tot" bounds the 6, not the 2.
    const last = (re: RegExp) => {
      const hits = findAll(re, before).filter((h) => /^\s*$/.test(tail(h)) || (/^\s*\S+\s*$/.test(tail(h)) && lang.re.articleTail.test(` ${tail(h).trimStart()}`)));
      return hits.length ? hits[hits.length - 1] : undefined;
    };
    let lo = last(lang.re.min);
    let hi = last(lang.re.max);
    // A negated lower bound is an upper bound: "non si va oltre i 4 mm", "no needle goes deeper than 3 mm",
    // "no se pincha a más de 4 mm" (up to three words between).
    if (lo && !hi) {
      const neg = findAll(lang.re.negBefore, before).filter((n) => n.end <= lo!.start && (before.slice(n.end, lo!.start).match(/\S+/g) ?? []).length <= NEGATED_BOUND_WORDS);
      if (neg.length) {
        [hi, lo] = [lo, undefined];
        negationInBound = true;
      }
    }
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
  // Bounds written after the quantity: "4 mm au maximum", "10 sedute al massimo", "4 mm or more".
  let finalEnd = end;
  if (b === undefined && min !== null && max !== null) {
    const after = text.slice(end, end + 40);
    const hiAfter = lang.re.maxAfter.exec(after);
    const loAfter = lang.re.minAfter.exec(after);
    if (hiAfter && hiAfter[0].trim()) {
      min = null;
      finalEnd = end + hiAfter[0].length;
    } else if (loAfter && loAfter[0].trim()) {
      max = null;
      finalEnd = end + loAfter[0].length;
    }
  }
  return { min, max, approximate, span: { start, end: finalEnd }, ...(negationInBound ? { negationInBound } : {}) };
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
    else {
      // Not a range ("calibre 30 y 4 mm": 30 > 4): read again from the second number.
      const second = m.indices?.groups?.b?.[0] ?? m.indices?.groups?.b2?.[0] ?? m.indices?.groups?.b3?.[0];
      if (second !== undefined) re.lastIndex = second;
    }
  }
  return out;
}
