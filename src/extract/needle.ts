import type { NeedleValue } from '../types.js';
import type { Extractor, RawClaim } from './types.js';
import { findQuantities } from './quantity.js';
import { findAll, termSource, WORD_CHAR, type Span } from './terms.js';
import { cachedRegex } from './cache.js';

/**
 * Needle length, injection depth and gauge. A millimetre quantity counts only
 * in a sentence that speaks of a needle or a depth; which of the two it is
 * comes from the nearest cue ("6 mm needles" → length; "penetra a circa 6 mm
 * di profondità" → depth).
 */
const GAUGE_LETTER = /(?<![\p{L}\p{N}])(?<n1>\d{2})\s?G(?![\p{L}\p{N}])/gu;

export const extractNeedle: Extractor = ({ text, cased, lang, ref, context, hits }) => {
  const needles = hits('needle');
  const depths = hits('depth');
  const out: RawClaim[] = [];
  if (needles.length === 0 && depths.length === 0) return out;
  const diameters = hits('diameter');
  const quantities = lang.unitGate.test(text) ? findQuantities(lang.re.quantityMm, text, lang) : [];
  for (const q of quantities) {
    const distance = (hits: Span[]) =>
      Math.min(
        Infinity,
        ...hits.map((h) => (h.end <= q.span.start ? context.wordsBetween(h.end, q.span.start) : h.start >= q.span.end ? context.wordsBetween(q.span.end, h.start) : 0)),
      );
    // A depth word right after the quantity settles it ("4 mm di profondità", "4mm deep").
    const depthAfter = depths.some((h) => h.start >= q.span.end && context.wordsBetween(q.span.end, h.start) <= 1);
    const dNeedle = distance(needles);
    const dDepth = distance(depths);
    if (Math.min(dNeedle, dDepth) > 12) continue;
    // "0.3 mm in diameter": when a thickness word is the nearest cue, the figure is neither length nor depth.
    if (distance(diameters) <= Math.min(dNeedle, dDepth)) continue;
    const aspect: NeedleValue['aspect'] = depthAfter || dDepth < dNeedle ? 'depth' : 'length';
    out.push({
      kind: 'needle',
      value: { aspect, min: q.min, max: q.max, unit: 'mm', approximate: q.approximate },
      span: q.span,
      modifiers: { ...context.modifiers(q.span), ...(q.negationInBound ? { negated: false } : {}) },
    });
  }
  // Gauge: "27 G", "30G" (read on the cased text: "27 g" is grams), "calibro 27", "27 gauge".
  const gaugeWords = ref.concepts.get('gauge')?.terms[lang.language] ?? [];
  const gaugeAlt = gaugeWords.map((t) => termSource(t)).join('|') || '(?!)';
  const wordRe = cachedRegex(ref, `gauge:${lang.language}`, () => new RegExp(`(?:${gaugeAlt})\\s*(?<n2>\\d{2})(?!\\d)|(?<!${WORD_CHAR})(?<n3>\\d{2})\\s*-?\\s*(?:${gaugeAlt})`, 'gu'));
  const gaugeHits = [...(needles.length > 0 ? cased.matchAll(GAUGE_LETTER) : []), ...text.matchAll(wordRe)];
  for (const m of gaugeHits) {
    const n = Number(m.groups?.n1 ?? m.groups?.n2 ?? m.groups?.n3);
    if (!(n >= 10 && n <= 40)) continue;
    const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    out.push({
      kind: 'needle',
      value: { aspect: 'gauge', min: n, max: n, unit: 'G', approximate: false },
      span,
      modifiers: context.modifiers(span),
    });
  }
  return out;
};
