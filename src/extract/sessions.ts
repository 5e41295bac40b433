import type { FrequencyValue } from '../types.js';
import type { Extractor, RawClaim } from './types.js';
import { findQuantities, parseNumber, readQuantity, secondNumber, spokenRangeHolds } from './quantity.js';
import type { LanguagePack } from '../vocab/load.js';
import type { Reference } from '../reference/load.js';
import type { SentenceContext } from './context.js';
import { findAll, termSource, test, WORD_CHAR, type Span } from './terms.js';
import { cachedRegex } from './cache.js';
import { wordsOf } from './term-index.js';

/** A number or range followed, within two words, by a session word: a course ("3 -5 sedute", "dieci sedute"). */
export function courseRegex(lang: LanguagePack, ref: Reference): RegExp {
  return cachedRegex(ref, `session-count:${lang.language}`, () => {
    const words = ref.concepts.get('session')?.terms[lang.language] ?? [];
    // After a number or a space (so no boundary of its own): "3-5sedute", "10sessões".
    const after = words.map((t) => termSource(t, { leftBoundary: false })).join('|');
    return new RegExp(`${lang.rangeSource}(?:(?:\\s+${WORD_CHAR}+){1,2}?\\s+|\\s*)(?:${after})`, 'dgu');
  });
}

/** Session counts: a number or range followed, within two words, by a session word ("3 -5 sedute", "dieci sedute"). */
export const extractSessionCount: Extractor = (input) => rarelyExceeded(readCounts(input), input);

/**
 * A lower bound that a rarity word governs states no course: "Raramente ne servono più di 8",
 * "Rarely are more than eight needed" say that courses stay at or under it (vocab qualifiers.rare).
 */
function rarelyExceeded(claims: RawClaim[], { text, lang, context }: Parameters<Extractor>[0]): RawClaim[] {
  const open = claims.filter((c) => c.kind === 'sessions.count' && (c.value as { min: number | null; max: number | null }).max === null);
  if (open.length === 0 || !test(lang.qualifiers.rare, text)) return claims;
  const rare = findAll(lang.qualifiers.rare, text);
  return claims.filter((c) => !open.includes(c) || context.triggerBefore(rare, c.span) === undefined);
}

const readCounts: Extractor = (input) => {
  const { text, lang, ref, context, candidates, frequencies: statedFrequencies } = input;
  const words = ref.concepts.get('session')?.terms[lang.language] ?? [];
  const sessionWord = () => words.map((t) => termSource(t)).join('|');
  const re = courseRegex(lang, ref);
  // A price line ("pacchetto da 10 sedute € 750", "3 sessions for $899") sells a package; it does
  // not state a course. So does a table row with a price in another cell ("1 session | £95"), and
  // a column with one that is a package ("| | BASIC | PLUS |" over "| Sessions | 4 | 8 |" and
  // "| Price | 290 € | 520 € |"), not the treatment's own ("| | Mesotherapy | PRP |": a price per session).
  const pricedText = (t: string) => CURRENCY.test(t) || test(lang.re.price, t);
  const column = () => input.column !== '' && pricedText(input.column) && !test(ref.matcher(lang.language, 'treatment'), input.column.split(' | ')[0]);
  // The row or column the sentence is a cell of sells it. (Not a cell that gives a rate too: a
  // protocol's, beside the prices: "| £180 | 3 sessions: £480 | 3–5 sessions, every 2 weeks |".)
  const pricedAround = () => (pricedText(input.row) || column()) && statedFrequencies().length === 0;
  const priced = () => pricedText(text) || pricedAround();
  if (!candidates.has('session')) {
    // A cell under a column headed by the session word ("N. sedute" over "3–4", "6"): the count.
    if (input.sentence.blockType === 'tableCell' && input.leadIn !== '' && test(ref.matcher(lang.language, 'session'), input.leadIn) && !priced()) {
      // The cell's own text (a two-cell row's value is read after its label: "viso: 4").
      const own = input.sentence.folded;
      const base = text.length - own.length;
      // (A bracketed aside may follow the figure: "6 (fixed course)".)
      const cell = /^\s*(\d{1,3})\s*(?:\([^()]*\)\s*)?$/.exec(own);
      const n = cell ? parseNumber(cell[1], lang) : undefined;
      if (n !== undefined && n >= 1 && n <= 100) {
        const span = { start: base + own.search(/\d/), end: base + own.trimEnd().length };
        return [{ kind: 'sessions.count', value: { min: n, max: n, approximate: false }, span, modifiers: context.modifiers(span) }];
      }
      return elidedBounds(text, lang, ref, context, base);
    }
    // The course was just stated, or asked about ("¿Cuántas sesiones necesito?").
    // The question may be the heading over the whole paragraph: "### Wie viele Sitzungen brauche
    // ich?" over "Das hängt von der Indikation ab. Bei Schmerzen meist 3–5, für die Haut vier."
    const asksCount = (q: string) => q !== '' && test(lang.re.howMany, q) && test(ref.matcher(lang.language, 'session'), q);
    const answers = asksCount(input.asked) || asksCount(input.section);
    if (answers || (input.previous !== '' && test(re, input.previous))) {
      // (Not a package's: "Body/cellulite: €95 per area, course of 8 for €690.")
      const elided = [...elidedBounds(text, lang, ref, context, 0), ...(priced() ? [] : elidedCounts(text, lang, context, []))];
      return answers && !priced() ? [...elided, ...bareCounts(text, lang, ref, context, elided)] : elided;
    }
    // "Io ne ho fatte 6 l'anno scorso, ogni due settimane": a rate says what the number counts.
    return lang.elidedCounts.length && !priced() && statedFrequencies().length ? elidedCounts(text, lang, context, statedFrequencies()) : [];
  }
  const sessionWordAtEnd = cachedRegex(ref, `session-word-end:${lang.language}`, () => new RegExp(`(?:${sessionWord()})$`, 'u'));
  const sessionWordAtStart = () => cachedRegex(ref, `session-word-start:${lang.language}`, () => new RegExp(`^(?:${sessionWord()})`, 'u'));
  // A line of labelled facts set apart by middle dots or bars ("Duração: 30–45 min · N.º de
  // sessões: 3 a 4 · Preço: desde 150 €"): a price sells only the item it labels. (Not an offer's
  // line, whose items are unlabelled: "**PLUS** · 4 sedute · 219 €".)
  const items = ITEM_MARKS.test(text) ? itemSpans(text) : undefined;
  const pricedItem = (span: Span): boolean => {
    const item = items!.find((it) => it.start <= span.start && span.start < it.end);
    const own = item ? text.slice(item.start, item.end) : text;
    return pricedText(FACT_LABEL.test(own) ? own : text);
  };
  if (items ? pricedAround() : priced()) return [];
  const frequencies = statedFrequencies();
  const out: RawClaim[] = [];
  // A label and its value, as in a protocol table: "Sedute: 6–8", "Séances : 3 à 5", or a table
  // flattened into a line with runs of spaces ("Sessions  4-6  Downtime  None").
  const labelled = cachedRegex(
    ref,
    `session-label:${lang.language}`,
    // Up to two words may qualify the label: "Sedute consigliate: 6–8", "N.º de sessões recomendado: 4 a 6".
    // A value may name what it is for first: "Anzahl der Sitzungen: Haut: 6 bis 8".
    // An approximation may open the value: "Sessions: approx. 8".
    () => new RegExp(`(?:${sessionWord()})(?:\\s+${WORD_CHAR}+){0,2}?(?:\\s*[:=]\\s*(?:${WORD_CHAR}+\\s*:\\s*)?(?:(?:${lang.re.approximate.source})\\.?\\s+)?|[ \\t]{2,}(?=\\d))${lang.rangeSource}(?!\\s*(?:${lang.unitsSource}))`, 'dgu'),
  );
  for (const q of findQuantities(labelled, text, lang)) {
    // No course has no session, nor a figure with a leading zero: "Termine: 0000 000 00 00" is a phone number.
    if (q.max === 0 || /^0\d/.test(q.match.groups?.a ?? '')) continue;
    // "10 sedute: 2 sedute a settimana": the word closes a count and the colon opens a schedule;
    // a label stands alone ("Sedute: 6–8").
    if (cachedRegex(ref, `number-tail:${lang.language}`, () => new RegExp(`${lang.numberSource}\\s*$`, 'u')).test(text.slice(Math.max(0, q.match.index - 12), q.match.index))) continue;
    // A value with a noun of its own counts that ("Intervalo entre sessões: 2 semanas").
    const after = text.slice(q.span.end);
    // (A run of spaces opens the next column of a flattened table: "Sessions  4-6  Downtime  None".)
    // (Not a word that only says the figure is rough: "Numero di sedute | 6 ca.".)
    if (/^[ \t]?\p{L}/u.test(after) && !sessionWordAtStart().test(after.trimStart()) && !roughAfter(after, lang, ref)) continue;
    // Nor is a duration ("Durata della seduta: 15–20 minuti", however many spaces a decoded
    // character reference left before the unit).
    if (startsWithTimeUnit(after, lang, ref)) continue;
    // (Minutes written with a prime: "Durata della seduta: 30'".)
    if (/^['’′]/u.test(after)) continue;
    const span = { start: q.match.index, end: q.span.end };
    out.push({ kind: 'sessions.count', value: { min: q.min, max: q.max, approximate: q.approximate }, span, modifiers: context.modifiers(span) });
  }
  for (const q of findQuantities(re, text, lang)) {
    // Sessions are whole and few: "1.312 sedute" counts a clinic's thousands, "1,5" is no course.
    if (q.min !== null && (q.min > 100 || !Number.isInteger(q.min))) continue;
    if (q.max !== null && (q.max > 100 || !Number.isInteger(q.max))) continue;
    // "more than 2,000 treatments": a figure grouped in thousands, whichever mark groups it.
    if (/\d[.,]\d{3}(?!\d)/.test(q.match[0])) continue;
    const end = q.match.index + q.match[0].length;
    // "Dopo 3 sedute", "after three sessions": a point in the course, not its length.
    const numberAt = q.match.indices?.groups?.a?.[0] ?? q.span.start;
    if (lang.re.elapsedTail.test(text.slice(Math.max(0, numberAt - 30), numberAt))) continue;
    // "Tra due sedute", "between two sessions": the gap between them; a range is still a course.
    const groups = q.match.indices?.groups;
    const range = Boolean(groups?.b || groups?.b2 || groups?.b3);
    if (!range && lang.re.betweenTail.test(text.slice(Math.max(0, numberAt - 30), numberAt))) continue;
    // "30 minuti per seduta", "20 injections per session", "30 mins  Sessions": the number counts something else.
    const numberEnd = (groups?.b ?? groups?.b2 ?? groups?.b3 ?? groups?.a)?.[1] ?? q.span.end;
    const between = text.slice(numberEnd, end).replace(sessionWordAtEnd, '');
    // "04:30 wie viele Sitzungen": a question about the count, after some other number.
    if (test(lang.re.per, between) || test(lang.re.timeUnit, between) || test(lang.re.howMany, between)) continue;
    // Nor a figure with another between it and the word: "Day 7 after 1 session" (the nearer one counts).
    if (/\d/.test(between)) continue;
    // "one or two more sessions", "altre 2 sedute", "une ou deux séances de plus": sessions added
    // to a course, not a course.
    if (test(lang.re.additional, between) || lang.re.additionalHead.test(text.slice(end)) || lang.re.additionalTail.test(text.slice(Math.max(0, q.span.start - 30), q.span.start))) continue;
    // Inside a rate ("2 sedute a settimana") the number is a frequency, not a course.
    if (frequencies.some((f) => f.span.start <= q.match.index && f.span.end >= end)) continue;
    if (q.min === 1 && q.max === 1) {
      // "una seduta a settimana" states a rate, not the length of a course; so does "1 séance
      // d'entretien tous les 3 mois", a maintenance word between.
      const between = (f: FrequencyHit) => context.wordsBetween(end, f.span.start);
      if (frequencies.some((f) => f.span.start >= end && (between(f) <= 1 || (between(f) <= 3 && test(lang.re.maintenance, text.slice(end, f.span.start)))))) continue;
      // "Una seduta dura 20 minuti": "una" is an article unless "sola"/"single" makes it a count.
      const token = q.match.groups?.a ?? '';
      if (!/\d/.test(token) && !test(lang.re.single, q.match[0]) && !context.near(lang.re.single, { start: q.match.index, end }, 2)) continue;
    }
    const span = { start: q.span.start, end };
    out.push({
      kind: 'sessions.count',
      value: { min: q.min, max: q.max, approximate: q.approximate },
      span,
      modifiers: { ...context.modifiers(span), ...(q.negationInBound ? { negated: false } : {}) },
    });
  }
  // "Il dott. Ferraris mi ha proposto un ciclo di mesoterapia: ne ho fatte 6, una a settimana".
  for (const c of elidedCounts(text, lang, context, frequencies)) if (!out.some((o) => o.span.start < c.span.end && c.span.start < o.span.end)) out.push(c);
  // "four sessions, some patients up to eight": after a stated course, in the same sentence.
  const last = out.length ? Math.max(...out.map((c) => c.span.end)) : -1;
  if (last >= 0) out.push(...elidedBounds(text, lang, ref, context, last), ...parallelCounts(text, lang, ref, out, frequencies, last, context));
  return items ? out.filter((c) => !pricedItem(c.span)) : out;
};

/** Whether a text opens (after spaces) with a unit of time: "   minuti", " min". */
function startsWithTimeUnit(text: string, lang: LanguagePack, ref: Reference): boolean {
  return cachedRegex(ref, `time-unit-start:${lang.language}`, () => new RegExp(`^\\s*(?:${lang.re.timeUnit.source})`, 'u')).test(text);
}

/**
 * A count whose noun is left out in a parallel phrase: "4–6 sessions for the face and 8–10 for the
 * body", "3 sedute sul viso, 6 sul corpo". The word after the stated course's noun ("for", "sul")
 * opens the phrase after the bare number too, whatever the language.
 */
function parallelCounts(text: string, lang: LanguagePack, ref: Reference, stated: readonly RawClaim[], frequencies: readonly FrequencyHit[], from: number, context: SentenceContext): RawClaim[] {
  const out: RawClaim[] = [];
  const words = new Set<string>();
  for (const c of stated) {
    const after = /^\s+(\p{L}+)/u.exec(text.slice(c.span.end));
    if (after) words.add(after[1]);
  }
  for (const word of words) {
    // (Made once per word: the words that follow a session word are few.)
    const re = cachedRegex(ref, `parallel:${lang.language}:${word}`, () => new RegExp(`(?<![\\p{L}\\p{N}.,])${lang.rangeSource}(?=\\s+${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}]))`, 'dgu'));
    re.lastIndex = from;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const g = m.groups ?? {};
      const a = parseNumber(g.a, lang);
      const b = secondNumber(g) ? parseNumber(secondNumber(g), lang) : a;
      if (a === undefined || b === undefined || !(a >= 1 && b >= a && b <= 100) || !spokenRangeHolds(g, a, b) || !Number.isInteger(a) || !Number.isInteger(b)) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      if ([...stated, ...out].some((c) => c.span.start < span.end && span.start < c.span.end)) continue;
      // "6 sedute per il viso e 2 per settimana": a rate, whether or not it holds the number.
      if (frequencies.some((f) => f.span.start < span.end + 2 + word.length && span.start < f.span.end)) continue;
      out.push({ kind: 'sessions.count', value: { min: a, max: b, approximate: false }, span, modifiers: context.modifiers(span) });
    }
  }
  return out;
}

/** An item that opens with its label: "N.º de sessões: 3 a 4". */
const FACT_LABEL = /^\s*[^:·•|\d]{2,40}:\s/u;

/** Marks that set the items of a line of facts apart: "Duração: 30–45 min · N.º de sessões: 3 a 4". */
const ITEM_MARKS = /\s[·•|]\s/;

/** The items of a line of facts, between its marks. */
function itemSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(new RegExp(ITEM_MARKS.source, 'g'))) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: text.length });
  return spans;
}

/** Whether all that follows a figure is a word that makes it rough, up to the clause's end: "6 ca.", "8 circa". */
function roughAfter(after: string, lang: LanguagePack, ref: Reference): boolean {
  return cachedRegex(ref, `rough-after:${lang.language}`, () => new RegExp(`^\\s*(?:${lang.re.approximate.source})(?=\\s*(?:[,;:)|]|\\.?\\s*$))`, 'u')).test(after);
}

/** A currency sign, or a currency's code before or after a figure ("AED 899", "QAR 1,200", "1.500 CHF"). */
const CURRENCY = /\p{Sc}|(?<![\p{L}])(?:aed|qar|sar|sgd|hkd|myr|php|inr|thb|idr|usd|eur|gbp|chf|brl|mxn|ars|clp|cop|pen|cad|aud|nzd)(?:\s?\d|(?<=\d\s?\p{L}{3}))(?![\p{L}])/u;

/**
 * Counts whose session word is left out, where the context names the sessions: "ne ho fatte 6",
 * "did a course of about 8", "j'en ai fait 4" (vocab quantity.elidedCount). The number must close
 * its phrase: "I had 3 bruises" counts bruises.
 */
function elidedCounts(text: string, lang: LanguagePack, context: SentenceContext, frequencies: readonly { span: Span }[]): RawClaim[] {
  const out: RawClaim[] = [];
  if (!test(lang.re.elidedCount, text)) return out;
  for (const re of lang.elidedCounts) {
    for (const q of findQuantities(re, text, lang)) {
      // (Not one: "ne faccio una ogni 15 gg" is a rate.)
      if (q.min === null || q.max === null || q.max < 2 || q.max > 100 || !Number.isInteger(q.min) || !Number.isInteger(q.max)) continue;
      const end = q.match.index + q.match[0].length;
      const next = /^\s*([\p{L}]+)/u.exec(text.slice(end));
      // (A word of one or two letters is a function word: "ne ho fatte 6 l'anno scorso".)
      if (next && next[1].length > 2 && !lang.stopwords.has(next[1]) && !frequencies.some((f) => f.span.start >= end && f.span.start <= end + next[0].length)) continue;
      if (frequencies.some((f) => f.span.start <= q.match.index && end <= f.span.end)) continue;
      const span = { start: q.match.index, end };
      out.push({ kind: 'sessions.count', value: { min: q.min, max: q.max, approximate: q.approximate }, span, modifiers: context.modifiers(span) });
    }
  }
  return out;
}

/**
 * A lone number that ends its sentence or clause, in an answer to how many sessions: "Usually
 * four.", "für die Haut vier." It follows a word, as a count does; not a byline's figures ("· 13.
 * Februar", "Follow (38)", "12.3K views"), not a figure a comma follows (a list's or an aside's:
 * "después de las primeras cuatro, una por semana"), nor one a result comes after ("after three").
 * Two or more: "ein", "one" are as often an article or a particle ("setzt sofort ein.").
 */
function bareCounts(text: string, lang: LanguagePack, ref: Reference, context: SentenceContext, read: RawClaim[]): RawClaim[] {
  const re = cachedRegex(ref, `bare-count:${lang.language}`, () => new RegExp(`(?<=\\p{L}[ \\t])(?<n>${lang.numberSource})(?=\\s*(?:[.;!?](?!\\p{N})|$))`, 'dgu'));
  const out: RawClaim[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (read.some((c) => c.span.start < span.end && span.start < c.span.end)) continue;
    if (lang.re.elapsedTail.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const n = parseNumber(m.groups?.n, lang);
    if (n === undefined || !Number.isInteger(n) || n < 2 || n > 100) continue;
    out.push({ kind: 'sessions.count', value: { min: n, max: n, approximate: false }, span, modifiers: context.modifiers(span) });
  }
  // Or the number opens the answer, a word or two in ("En général trois, à une semaine
  // d'intervalle", "Three, spaced three to four weeks apart, is what I recommend"), a comma after it.
  const opening = cachedRegex(ref, `opening-count:${lang.language}`, () => new RegExp(`^\\s*(?:[\\p{L}'’]+\\s+){0,2}?(?<n>${lang.numberSource})(?=\\s*,)`, 'du'));
  const m = opening.exec(text);
  if (m?.indices?.groups?.n) {
    const [start, end] = m.indices.groups.n;
    const n = parseNumber(m.groups?.n, lang);
    const span = { start, end };
    if (n !== undefined && Number.isInteger(n) && n >= 2 && n <= 100 && !read.some((c) => c.span.start < end && start < c.span.end) && !out.some((c) => c.span.start === start) && !lang.re.elapsedTail.test(text.slice(0, start)))
      out.push({ kind: 'sessions.count', value: { min: n, max: n, approximate: false }, span, modifiers: context.modifiers(span) });
  }
  return out;
}

/**
 * A bound whose noun the writer leaves out because a stated course just gave it: "A course runs to
 * three or four sessions. Long-standing problems may need up to eight." Only a bound word ("up
 * to", "fino a", "au moins") and a bare number that ends its clause, after a course stated earlier
 * in the sentence (from `from`) or in the previous sentence of the paragraph.
 */
function elidedBounds(text: string, lang: LanguagePack, ref: Reference, context: SentenceContext, from: number): RawClaim[] {
  const re = cachedRegex(
    ref,
    `elided-bound:${lang.language}`,
    () => new RegExp(`(?:(?<hi>${lang.re.max.source})|(?<lo>${lang.re.min.source}))\\s+(?<n>${lang.numberSource})(?=\\s*(?:[.,;!?)]|$))`, 'dgu'),
  );
  const out: RawClaim[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = parseNumber(m.groups?.n, lang);
    if (n === undefined || Number.isNaN(n) || n < 1 || n > 100) continue;
    // "drei bis fünf": the bound word joins a range, read below.
    if (cachedRegex(ref, `number-tail:${lang.language}`, () => new RegExp(`${lang.numberSource}\\s*$`, 'u')).test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    out.push({ kind: 'sessions.count', value: m.groups?.hi !== undefined ? { min: null, max: n, approximate: false } : { min: n, max: null, approximate: false }, span, modifiers: context.modifiers(span) });
  }
  // A bare range ends its clause too: "En general de 3 a 5.", "severe cases 8 to 10.", "Usually 3–4, two weeks apart.",
  // its "times" sign with it: "In der Regel 4-6x, anfangs wöchentlich".
  const range = cachedRegex(ref, `elided-range:${lang.language}`, () => new RegExp(`(?<![\\p{L}\\p{N}])${lang.rangeSource}(?:\\s?[x×](?![\\p{L}\\p{N}]))?(?=\\s*(?:[.,;!?)]|$))`, 'dgu'));
  range.lastIndex = from;
  for (let m = range.exec(text); m; m = range.exec(text)) {
    const g = m.groups ?? {};
    const [a, b] = [parseNumber(g.a, lang), parseNumber(secondNumber(g), lang)];
    if (a === undefined || b === undefined || !(a >= 1 && b > a && b <= 100) || !spokenRangeHolds(g, a, b) || out.some((c) => c.span.start < m!.index + m![0].length && m!.index < c.span.end)) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    out.push({ kind: 'sessions.count', value: { min: a, max: b, approximate: false }, span, modifiers: context.modifiers(span) });
  }
  return out;
}

/** The frequency index's keys ("every:2"), made once rather than for every sentence. */
/**
 * The most sessions a rate may count per unit: one a day, and over a year one a week (no course
 * runs weekly for a whole year; "300 treatments a year" is a clinic's count, not a rate).
 */
const MOST_PER: Record<string, number> = { D: 1, W: 7, M: 31, Y: 52 };

const FREQUENCY_KEYS = { fixed: [] as string[], times: [] as string[], every: [] as string[] };
const frequencyKey = (kind: keyof typeof FREQUENCY_KEYS, i: number): string => (FREQUENCY_KEYS[kind][i] ??= `${kind}:${i}`);

export interface FrequencyHit {
  span: Span;
  value: Omit<FrequencyValue, 'phase'>;
}

function duration(n: number, unit: 'D' | 'W' | 'M'): string {
  // Seven days is a week: "ogni 7 giorni" and "weekly" are the same claim.
  if (unit === 'D' && n % 7 === 0 && n !== 15) return `P${n / 7}W`;
  return `P${n}${unit}`;
}

/** `candidates`: the frequency index's keys for the text's words, when the caller has them. */
export function findFrequencies(text: string, lang: LanguagePackLike, candidates = lang.frequencyIndex.candidates(wordsOf(text))): FrequencyHit[] {
  const hits: FrequencyHit[] = [];
  if (candidates.size === 0) return hits;
  let noRate: Span[] | undefined;
  // The hits read as so many times per period.
  let rates: Set<FrequencyHit> | undefined;
  lang.frequencyFixed.forEach((f, i) => {
    if (candidates.has(frequencyKey('fixed', i))) for (const span of findAll(f.re, text)) hits.push({ span, value: { interval: f.interval } });
  });
  for (const [i, f] of lang.frequencyTimes.entries()) {
    if (!candidates.has(frequencyKey('times', i))) continue;
    f.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = f.re.exec(text)) !== null) {
      const q = readQuantity(text, m, lang as never);
      if (!q || q.min === null || q.min <= 0) continue;
      // n times per unit = one session every 1/n unit; a range of rates gives a range of intervals.
      const most = q.max ?? q.min;
      // More than once a day is no course of sessions: a page's views ("cercata oltre 9.900 volte al
      // mese"). Nor is a phrase inside it ("al mese").
      if (most > (MOST_PER[f.unit] ?? Infinity)) {
        (noRate ??= []).push({ start: m.index, end: m.index + m[0].length });
        continue;
      }
      // A yearly rate is said in months, as "twice a year" is (P6M): "2–4 times a year" is every 3 to 6 months.
      const [per, unit] = f.unit === 'Y' ? [12, 'M' as const] : [1, f.unit];
      const value: FrequencyHit['value'] = { interval: fraction(per / most, unit) };
      if (most !== q.min) value.intervalMax = fraction(per / q.min, unit);
      const hit = { span: { start: m.index, end: m.index + m[0].length }, value };
      hits.push(hit);
      (rates ??= new Set()).add(hit);
    }
  }
  for (const [i, f] of lang.frequencyEvery.entries()) {
    if (!candidates.has(frequencyKey('every', i))) continue;
    f.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = f.re.exec(text)) !== null) {
      const q = readQuantity(text, m, lang as never);
      if (!q || q.min === null) continue;
      const value: FrequencyHit['value'] = { interval: duration(q.min, f.unit) };
      if (q.max !== null && q.max !== q.min) value.intervalMax = duration(q.max, f.unit);
      hits.push({ span: { start: m.index, end: m.index + m[0].length }, value });
    }
  }
  // Overlapping phrases ("a settimana" inside "due volte a settimana"): the longest wins.
  hits.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const kept: FrequencyHit[] = [];
  for (const h of hits) {
    if (noRate?.some((r) => h.span.start < r.end && r.start < h.span.end)) continue;
    const clash = kept.find((k) => h.span.start < k.span.end && k.span.start < h.span.end);
    if (!clash) kept.push(h);
    // (A rate's period that an interval goes on from is the interval's: "two sessions a month
    // apart" is two sessions one month apart, not two a month.)
    else if (h.span.end - h.span.start > clash.span.end - clash.span.start || (rates?.has(clash) && !rates.has(h) && h.span.end > clash.span.end)) kept[kept.indexOf(clash)] = h;
  }
  return kept;
}

function fraction(n: number, unit: 'D' | 'W' | 'M'): string {
  return `P${Number(n.toFixed(3))}${unit}`;
}

type LanguagePackLike = Parameters<typeof readQuantity>[2];

/** Session frequency as an ISO 8601 duration, with initial course and maintenance told apart. */
/** How far back from a frequency an amount is looked for: "CHF 1'250.– par mois". */
const RATE_REACH = 24;

/** How many words may stand between the words that make a rate another thing's and the rate. */
const OF_OTHER_WORDS = 3;

/** Whether the text before `at` ends with an amount of money: a figure with a currency sign or a price word near it. */
function pricedRate(text: string, at: number, lang: LanguagePack): boolean {
  const before = text.slice(Math.max(0, at - RATE_REACH), at);
  const m = /(\S{0,4})\s?\d[\d.,'’]*(?:[.,]?[–—-]+)?\s*([€$£]|\p{L}{1,5}\$?)?\s*$/u.exec(before);
  if (!m) return false;
  // The currency stands right before the figure ("chf 19.–", "€25") or right after it ("25 €", "19 euro").
  const [, lead, unit = ''] = m;
  return /[€$£]/.test(lead) || /[€$£]/.test(unit) || (lead !== '' && test(lang.re.price, lead)) || (unit !== '' && test(lang.re.price, unit));
}

export const extractSessionFrequency: Extractor = ({ text, lang, ref, context, frequencies }) => {
  const out: RawClaim[] = [];
  let cues: Span[] | undefined;
  for (const hit of frequencies()) {
    // An amount just before the frequency makes it a price's rate: "Abonnez-vous dès CHF 19.– par
    // mois", "£25 per month".
    if (pricedRate(text, hit.span.start, lang)) continue;
    // A rate of something else that the words right before it name: "Photos taken 8 weeks apart".
    if (test(lang.re.rateOfOther, text) && findAll(lang.re.rateOfOther, text).some((t) => t.end <= hit.span.start && context.wordsBetween(t.end, hit.span.start) <= OF_OTHER_WORDS && !/[,.;:!?()]/.test(text.slice(t.end, hit.span.start)))) continue;
    // Maintenance when a cue leads into the frequency ("poi mantenimento mensile", "puis une séance
    // d'entretien par mois") or directly follows it ("monthly maintenance"); a cue after the next
    // comma belongs to the next schedule.
    cues ??= findAll(lang.re.maintenance, text);
    const after = context.triggerAfter(cues, hit.span, 1);
    // A label's colon does not stop it: "Maintenance: one session a month".
    const label = cues.some((c) => c.end <= hit.span.start && /^\s*:/.test(text.slice(c.end, hit.span.start)) && context.wordsBetween(c.end, hit.span.start) <= 5 && !/[.;]/.test(text.slice(c.end, hit.span.start)));
    const maintenance = label || context.triggerBefore(cues, hit.span, 5) !== undefined || (after !== undefined && !text.slice(hit.span.end, after.start).includes(','));
    out.push({
      kind: 'sessions.frequency',
      value: { ...hit.value, phase: maintenance ? 'maintenance' : 'initial' },
      span: hit.span,
      modifiers: context.modifiers(hit.span),
    });
  }
  return joinAlternatives(out, text, lang, ref);
};

/** Days in a unit of an ISO 8601 duration, for ordering intervals. */
const UNIT_DAYS: Record<string, number> = { D: 1, W: 7, M: 30.44, Y: 365.25 };
const isoDays = (iso: string): number => {
  const m = /^P(\d+(?:\.\d+)?)([DWMY])$/.exec(iso);
  return m ? Number(m[1]) * UNIT_DAYS[m[2]] : NaN;
};

/**
 * Two rates joined by "or" alone are one range, as "every 7 to 14 days" is: "weekly or
 * fortnightly", "settimanali o quindicinali" (the shorter interval first, the longer its bound).
 */
function joinAlternatives(claims: RawClaim[], text: string, lang: LanguagePack, ref: Reference): RawClaim[] {
  if (claims.length < 2) return claims;
  const joinOnly = cachedRegex(ref, `rate-join-only:${lang.language}`, () => new RegExp(`^\\s*,?\\s*(?:${lang.rangeJoinSource})\\s*$`, 'u'));
  const sorted = [...claims].sort((a, b) => a.span.start - b.span.start);
  const out: RawClaim[] = [];
  for (const c of sorted) {
    const prev = out[out.length - 1];
    const a = prev?.value as FrequencyValue | undefined;
    const b = c.value as FrequencyValue;
    if (prev && a && a.phase === b.phase && !a.intervalMax && !b.intervalMax && prev.span.end <= c.span.start && isoDays(a.interval) < isoDays(b.interval) && joinOnly.test(text.slice(prev.span.end, c.span.start))) {
      out[out.length - 1] = { ...prev, value: { ...a, intervalMax: b.interval }, span: { start: prev.span.start, end: c.span.end } };
      continue;
    }
    out.push(c);
  }
  return out;
}
