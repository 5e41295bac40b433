import type { NeedleValue } from '../types.js';
import type { Extractor, RawClaim } from './types.js';
import { findQuantities, parseNumber } from './quantity.js';
import { compileTerms, findAll, termSource, test, WORD_CHAR, type Span } from './terms.js';
import type { Reference } from '../reference/load.js';
import type { LanguagePack } from '../vocab/load.js';
import { cachedRegex } from './cache.js';

/**
 * Needle length, injection depth and gauge. A millimetre quantity counts only
 * in a sentence that speaks of a needle or a depth; which of the two it is
 * comes from the nearest cue ("6 mm needles" → length; "penetra a circa 6 mm
 * di profondità" → depth).
 */
// (A hyphen may join the letter, as German compounds do: "30-G-Nadeln"; a vulgar fraction may follow:
// "30G½" is a 30-gauge half-inch needle.)
const GAUGE_LETTER = /(?<![\p{L}\p{N}])(?<n1>\d{2})[\s-]?G(?![\p{L}\p{Nd}])/gu;
/** Whether a text holds a gauge written with its letter ("30G", "27 G"): read on the cased text. */
const GAUGE_LETTER_ONE = new RegExp(GAUGE_LETTER.source, 'u');
export const hasGaugeLetter = (cased: string): boolean => GAUGE_LETTER_ONE.test(cased);

/** The most words between a figure and the needle or depth word it is read with. */
const CUE_WORDS = 12;
/** How many words may stand between a depth word and a figure in centimetres read as a depth. */
const CM_DEPTH_WORDS = 2;
/** How many words a comma between a figure and a cue after it counts for. */
const COMMA_WORDS = 3;

/** A concept's askedAs.figures terms in one language, compiled once. */
function askedForFigures(ref: Reference, lang: LanguagePack, id: string): RegExp {
  return cachedRegex(ref, `asked-figures:${lang.language}:${id}`, () => compileTerms(ref.concepts.get(id)?.askedAs?.figures?.[lang.language] ?? []));
}

/** A gauge and a times sign right before a figure: "27G × ", "30 G x". */
const GAUGE_TIMES = /(?<!\d)\d{2}\s*G\s*[x×]\s*$/iu;
/**
 * A gauge whose letter is in lower case ("30g", "32g"), which is also grams: read only in the
 * range of needles for intradermal work and only beside a needle word or a times sign with a
 * figure ("a 32g needle", "needle 30g", "30g x 4mm").
 */
const GAUGE_LOWER = /(?<![\p{L}\p{N}])(?<n1>\d{2})[\s-]?g(?![\p{L}\p{Nd}])/gu;
const LOWER_GAUGES = { min: 25, max: 34 };
/** A times sign and a figure right after a figure: " × 4 mm". */
const TIMES_FIGURE = /^\s*[x×]\s*\d/iu;
/** Between a length and a needle word, only a gauge after a comma: "4 mm, 30G needle". */
const STACKED_GAUGE = /^\s*,\s*\d{2}\s*-?\s*G\s*$/iu;

export const extractNeedle: Extractor = ({ sentence, text, cased, lang, ref, context, hits, section, previous, leadIn }) => {
  let needles = hits('needle');
  let depths = hits('depth');
  // A column header that names the needle or the depth stands right before its cell's figures,
  // nearer than any word of the row's label or of the cell: under "Aiguille", "| Injections
  // profondes | 13 mm – 27 G |" is a length; under "Profondeur", "1 mm (derme superficiel)" a depth.
  if (sentence.blockType === 'tableCell' && sentence.leadIn !== undefined && leadIn !== '' && lang.unitGate.test(text)) {
    const at = [{ start: text.length - sentence.folded.length, end: text.length - sentence.folded.length }];
    if (test(ref.matcher(lang.language, 'depth'), leadIn)) depths = [...depths, ...at];
    else if (test(ref.matcher(lang.language, 'needle'), leadIn)) needles = [...needles, ...at];
  }
  // A lead-in or run-in label that names the needle or the depth stands for it at the sentence's
  // start: "2.2 DEPTH." over "Face: 1–2 mm. Body: up to 6 mm.", "Needles:" over "32G x 4 mm".
  if (needles.length === 0 && depths.length === 0 && leadIn !== '' && lang.unitGate.test(text)) {
    if (test(ref.matcher(lang.language, 'depth'), leadIn)) depths = [{ start: 0, end: 0 }];
    else if (test(ref.matcher(lang.language, 'needle'), leadIn)) needles = [{ start: 0, end: 0 }];
  }
  const out: RawClaim[] = [];
  // "30G" needs a needle in the sentence, or in the one before it ("A 32G needle, 4 mm long, for
  // the face. For the scalp we use a slightly sturdier 30G.").
  // Or in a lead-in: "con aghi sottilissimi:" over "calibro 30G o 32G", a "Calibro" column over "32 G".
  const gaugeLetter =
    needles.length > 0 ||
    (hasGaugeLetter(cased) &&
      ((previous !== '' && test(ref.matcher(lang.language, 'needle'), previous)) ||
        (leadIn !== '' && (test(ref.matcher(lang.language, 'needle'), leadIn) || test(ref.matcher(lang.language, 'gauge'), leadIn)))));
  if (needles.length === 0 && depths.length === 0) {
    // Under a question about depth, the answer's figures are depths: "### How deep do the needles
    // go?" then "About 1 mm on the face. On the scalp, up to 3 mm." The cue then stands at the
    // sentence's start. (Not under one about the needle: "How long does it take?" asks no length.)
    // Under one that names the needle itself (the reference's askedAs.figures, not "long": "How
    // long does it take?"), they are lengths: "### Wie lang sind die Nadeln?" over "Meistens 4 mm".
    const answered = section !== '' && lang.unitGate.test(text);
    if (answered && test(ref.matcher(lang.language, 'depth'), section)) depths = [{ start: 0, end: 0 }];
    else if (answered && test(askedForFigures(ref, lang, 'needle'), section)) needles = [{ start: 0, end: 0 }];
    else if (!gaugeLetter) return out;
  }
  const diameters = hits('diameter');
  const { quantities, centimetres } = figures(text, lang);
  // Words between a cue and a figure (0 when one holds the other).
  const gap = (h: Span, q: Span): number => (h.end <= q.start ? context.wordsBetween(h.end, q.start) : h.start >= q.end ? context.wordsBetween(q.end, h.start) : 0);
  // The last figure read, and as what.
  let last: { end: number; aspect: NeedleValue['aspect'] } | undefined;
  for (const q of quantities) {
    // A cue word after the figure that leads in a nearer figure of its own is that figure's: in "a 2
    // o 3 mm, con agujas de 4 mm" the needle is the 4 mm's. (A cue before figures serves them all:
    // "Agujas de 4 mm y 30G; a veces de 6 mm".)
    const ownedAfter = (h: Span) => h.start >= q.span.end && quantities.some((o) => o !== q && o.span.start >= h.end && gap(h, o.span) < gap(h, q.span));
    // The text between the figure and a cue after it (undefined for a cue before it or in it).
    const afterFigure = (h: Span): string | undefined => (h.start >= q.span.end ? text.slice(q.span.end, h.start) : undefined);
    // Nor does a cue in a bracket or past a semicolon after the figure name it: "aghi 27G × 13 mm
    // (tecnica profonda)", "una aguja 27G x 4 mm; la profundidad varía entre 2 y 4 mm".
    const bracketedAfter = (h: Span) => /[(;]/.test(afterFigure(h) ?? '');
    // A cue after the figure past a comma is further than its words say: the clause it opens may
    // be about something else ("aiguilles très courtes de 4 mm, en intradermique superficiel"), and
    // one as near before the figure wins ("profondità non superiore a 2 mm, ago inclinato a 45°").
    // (Not a comma that only stacks a gauge before the cue: "a 4mm, 30G needle".)
    const pastComma = (h: Span) => {
      const between = afterFigure(h);
      return between?.includes(',') && !STACKED_GAUGE.test(between) ? COMMA_WORDS : 0;
    };
    const distance = (hits: Span[]) => Math.min(Infinity, ...hits.filter((h) => !ownedAfter(h) && !bracketedAfter(h)).map((h) => gap(h, q.span) + pastComma(h)));
    // A depth word right after the quantity settles it ("4 mm di profondità", "4mm deep").
    // So does a bound that is a depth word itself ("no deeper than 2 mm", "nicht tiefer als 4 mm").
    // (Not across a comma: "Needle 32G, 4mm, very superficial (approx. 1mm)".)
    const depthAfter = depths.some((h) => (h.start >= q.span.end && context.wordsBetween(q.span.end, h.start) <= 1 && !/[,;(]/.test(text.slice(q.span.end, h.start))) || (h.start >= q.span.start && h.end <= q.span.end));
    const dNeedle = distance(needles);
    const dDepth = distance(depths);
    // A figure that goes on from the one before it takes its cue: "La profondità varia tra 1 e 4
    // mm nella mesoterapia estetica e può arrivare a 10 mm in quella antalgica".
    const goesOn = last !== undefined && !/[.;:!?]/.test(text.slice(last.end, q.span.start)) && context.wordsBetween(last.end, q.span.start) <= CUE_WORDS;
    if (Math.min(dNeedle, dDepth) > CUE_WORDS && !goesOn) continue;
    // "0.3 mm in diameter": when a thickness word is the nearest cue, the figure is neither length nor depth.
    // (Not a thickness word after a comma: "naaldjes van 4 mm, dikte 27G" labels the gauge.)
    if (distance(diameters.filter((h) => !/[,;]/.test(afterFigure(h) ?? ''))) <= Math.min(dNeedle, dDepth, CUE_WORDS)) continue;
    // Nor is a needle's first dimension under a millimetre, times its length: "0.3 mm × 4 mm".
    if (q.max !== null && q.max < 1 && TIMES_FIGURE.test(text.slice(q.span.end, q.span.end + 8))) continue;
    // A gauge times a figure is a needle's size, whatever depth word is near: "27G × 13 mm für
    // tiefer liegende Sehnenansätze".
    const sized = GAUGE_TIMES.test(text.slice(Math.max(0, q.span.start - 12), q.span.start));
    // A figure that goes on from a length, with a depth word only further after it, is a length too:
    // the word is a technique's ("aiguilles de 4 mm pour le visage et de 13 mm pour la mésothérapie
    // antalgique profonde", "agujas de 4 mm (o de 13 mm para la técnica profunda)").
    const parallel = goesOn && last!.aspect === 'length' && !depthAfter && !depths.some((h) => h.end <= q.span.start && gap(h, q.span) <= CUE_WORDS);
    const aspect: NeedleValue['aspect'] = sized || parallel ? 'length' : Math.min(dNeedle, dDepth) > CUE_WORDS ? last!.aspect : depthAfter || dDepth < dNeedle ? 'depth' : 'length';
    // Centimetres measure much else on these pages (a scar, a waist, the spacing of a grid): a
    // figure in them is read only as a depth its depth word stands right beside ("0,5-1 cm de
    // profundidad", "no deeper than half a centimetre").
    if (centimetres.has(q) && !(aspect === 'depth' && (depthAfter || dDepth <= CM_DEPTH_WORDS))) continue;
    last = { end: q.span.end, aspect };
    // A label that says the figure is a bound: "Maximum injection depth: 6 mm", "Profundidad mínima: 1 mm".
    const label = q.min !== null && q.min === q.max ? labelBefore(text, q.span.start) : '';
    const bound = label === '' ? undefined : test(lang.re.max, label) ? 'max' : test(lang.re.min, label) ? 'min' : undefined;
    out.push({
      kind: 'needle',
      value: { aspect, min: bound === 'max' ? null : q.min, max: bound === 'min' ? null : q.max, unit: 'mm', approximate: q.approximate },
      span: q.span,
      modifiers: { ...context.modifiers(q.span), ...(q.negationInBound ? { negated: false } : {}) },
    });
  }
  // Gauge: "27 G", "30G" (read on the cased text: "27 g" is grams), "calibro 27", "27 gauge".
  const wordRe = cachedRegex(ref, `gauge:${lang.language}`, () => {
    const gaugeWords = ref.concepts.get('gauge')?.terms[lang.language] ?? [];
    const gaugeAlt = gaugeWords.map((t) => termSource(t)).join('|') || '(?!)';
    // The number before the word may be written out ("trenta gauge").
    // The word may head two: "calibre 30 o 32".
    return new RegExp(
      `(?:${gaugeAlt})\\s*(?<n2>\\d{2})(?!\\d)(?:\\s*${lang.rangeJoinSource}\\s*(?<n4>\\d{2})(?![\\d\\s]*(?:mm|[.,]\\d)))?|(?<!${WORD_CHAR})(?<n3>${lang.numberSource})\\s*-?\\s*(?:${gaugeAlt})`,
      'gu',
    );
  });
  const besideNeedle = (m: RegExpMatchArray): boolean => {
    const n = Number(m.groups!.n1);
    const start = m.index!;
    const end = start + m[0].length;
    if (n < LOWER_GAUGES.min || n > LOWER_GAUGES.max) return false;
    return TIMES_FIGURE.test(text.slice(end)) || needles.some((h) => (h.start >= end ? context.wordsBetween(end, h.start) : h.end <= start ? context.wordsBetween(h.end, start) : 1) === 0);
  };
  const lowerHits = needles.length > 0 ? [...cased.matchAll(GAUGE_LOWER)].filter(besideNeedle) : [];
  const gaugeHits = [...(gaugeLetter ? cased.matchAll(GAUGE_LETTER) : []), ...lowerHits, ...text.matchAll(wordRe)];
  // "27 a 32 G", "27–32G", "27- to 30-gauge": a gauge range whose first number has no unit of its own.
  const rangeTail = cachedRegex(ref, `gauge-range:${lang.language}`, () => new RegExp(`(?<![\\p{L}\\p{N}])(?<n>\\d{2})(?:-(?=\\s))?\\s*${lang.rangeJoinSource}\\s*$`, 'u'));
  for (const m of gaugeHits) {
    const n = m.groups?.n3 !== undefined ? (parseNumber(m.groups.n3, lang) ?? NaN) : Number(m.groups?.n4 ?? m.groups?.n1 ?? m.groups?.n2);
    if (!(n >= 10 && n <= 40)) continue;
    let start = m.index ?? 0;
    let low = m.groups?.n4 !== undefined ? Number(m.groups.n2) : n;
    if (!(low >= 10 && low <= n)) continue;
    const before = m.groups?.n2 === undefined ? rangeTail.exec(text.slice(Math.max(0, start - 16), start)) : null;
    if (before) {
      const first = Number(before.groups!.n);
      if (first >= 10 && first < n) {
        low = first;
        start -= before[0].length;
      }
    }
    const span = { start, end: (m.index ?? 0) + m[0].length };
    out.push({
      kind: 'needle',
      value: { aspect: 'gauge', min: low, max: n, unit: 'G', approximate: false },
      span,
      modifiers: context.modifiers(span),
    });
  }
  return joinRanges(out, text, cachedRegex(ref, `range-join-only:${lang.language}`, () => new RegExp(`^\\s*-?\\s*${lang.rangeJoinSource}\\s*$`, 'u')), context);
};

/** A figure read in millimetres: in centimetres, ten times its number. */
const inMillimetres = (n: number | null): number | null => (n === null ? null : Math.round(n * 1000) / 100);

/**
 * The figures in millimetres and centimetres of a text, in order, the centimetres read in
 * millimetres; not a spacing between injection points ("1 cm apart", "im Abstand von 5 mm").
 */
function figures(text: string, lang: LanguagePack): { quantities: ReturnType<typeof findQuantities>; centimetres: ReadonlySet<unknown> } {
  const mm = lang.unitGate.test(text) ? findQuantities(lang.re.quantityMm, text, lang) : [];
  const cm = lang.cmGate.test(text) ? findQuantities(lang.re.quantityCm, text, lang).map((q) => ({ ...q, min: inMillimetres(q.min), max: inMillimetres(q.max) })) : [];
  const all = cm.length ? [...mm, ...cm].sort((a, b) => a.span.start - b.span.start) : mm;
  const quantities = all
    .filter((q) => !lang.re.apartHead.test(text.slice(q.span.end, q.span.end + 40)) && !lang.re.apartTail.test(text.slice(Math.max(0, q.span.start - 40), q.span.start)))
    .map((q) => lengthTimesDiameter(text, q, lang) ?? q);
  return { quantities, centimetres: new Set(cm) };
}

/** A length times a diameter under a millimetre, the unit given once after both: "agulha 13 x 0,30 mm". */
const LENGTH_TIMES = /(?<![\d.,])(\d{1,2}(?:[.,]\d+)?)\s*[x×]\s*$/u;

/** The needle's length in "13 x 0,30 mm", for its second figure (the diameter); undefined for any other figure. */
function lengthTimesDiameter<Q extends { min: number | null; max: number | null; span: Span }>(text: string, q: Q, lang: LanguagePack): Q | undefined {
  if (q.max === null || q.max >= 1 || q.min !== q.max) return undefined;
  const before = text.slice(Math.max(0, q.span.start - 12), q.span.start);
  const m = LENGTH_TIMES.exec(before);
  const n = m ? parseNumber(m[1], lang) : undefined;
  if (!m || n === undefined || n < 1 || n > 50) return undefined;
  const start = q.span.start - before.length + m.index;
  return { ...q, min: n, max: n, span: { start, end: q.span.end } };
}

/** The label a figure follows ("maximum injection depth: " before "6 mm"), or "" when none does. */
function labelBefore(text: string, at: number): string {
  const m = /(?:^|[.;|\n(])([^.;|\n(:]{1,40}):\s*$/u.exec(text.slice(Math.max(0, at - 48), at));
  return m ? m[1] : '';
}

/** From a figure to the next: an opening bracket and a few words ("4 mm (raramente 6 mm)"). */
const ALTERNATIVE_IN_BRACKETS = /^\s*\([^()\d]{0,40}$/u;

/**
 * "4 mm o 6 mm", "30G ou 32G": two figures of the same kind joined by a range word are one
 * range, as "4 o 6 mm" is (the annotation contract reads both as 4–6).
 */
function joinRanges(claims: RawClaim[], text: string, joinOnly: RegExp, context: Parameters<Extractor>[0]['context']): RawClaim[] {
  const sorted = [...claims].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const out: RawClaim[] = [];
  for (const claim of sorted) {
    const prev = out[out.length - 1];
    const a = prev?.value as NeedleValue | undefined;
    const b = claim.value as NeedleValue;
    // So are a figure and another given in brackets after it as the alternative: "lunghi 4 mm
    // (raramente 6 mm)", "agulha de 4 mm (no abdome às vezes uso a de 6 mm)".
    const between = prev ? text.slice(prev.span.end, claim.span.start) : '';
    const bracketed = ALTERNATIVE_IN_BRACKETS.test(between) && /^\s*\)/.test(text.slice(claim.span.end));
    // Gauges are alternatives, and a word may stand after the "or": "30G o addirittura 32G".
    const alternative = b.aspect === 'gauge' && joinOnly.test(between.replace(/\s\p{L}+\s*$/u, ' '));
    if (prev && a && a.aspect === b.aspect && a.unit === b.unit && a.min !== null && a.min === a.max && b.min !== null && b.min === b.max && a.max! < b.min && prev.span.end <= claim.span.start && (joinOnly.test(between) || bracketed || alternative)) {
      const span = { start: prev.span.start, end: claim.span.end };
      out[out.length - 1] = { ...prev, value: { ...a, max: b.max, approximate: a.approximate || b.approximate }, span, modifiers: context.modifiers(span) };
      continue;
    }
    out.push(claim);
  }
  // "calibre 30G ou 32G" reads "calibre 30" and "30G ou 32G": the range that holds the other wins.
  const holds = (o: RawClaim, c: RawClaim) => {
    const a = o.value as NeedleValue;
    const b = c.value as NeedleValue;
    return o !== c && a.aspect === b.aspect && a.unit === b.unit && o.span.start < c.span.end && c.span.start < o.span.end && a.min !== null && a.max !== null && b.min !== null && b.max !== null && a.min <= b.min && b.max <= a.max && a.max - a.min > b.max - b.min;
  };
  return out.filter((c) => !out.some((o) => holds(o, c)));
}
