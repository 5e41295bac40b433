import type { Modifiers } from '../types.js';
import type { LanguagePack } from '../vocab/load.js';
import { findAll, type Span } from './terms.js';

/**
 * ConText-style modifiers: trigger words from the language's lexicon, each
 * with a scope, decide whether a mention is negated, hedged, hypothetical,
 * an exception ("tranne in gravidanza") or pre-treatment advice, and whether a quoted phrase
 * is someone else's claim ("Werbeaussagen wie „entgiftet den Körper“").
 * Each kind of trigger is looked for once per sentence, when a mention first asks about it; each
 * mention then asks about its span.
 */
const DOUBLE_QUOTED = /"(?:[^"\n]|\n(?![ \t]*\n)){1,200}"/g;
const SINGLE_QUOTED = /(?<![\p{L}\p{N}'])'(?=[\p{L}\p{N}])(?:[^'\n]|(?<=\p{L})'(?=\p{L})){1,200}?(?<=[\p{L}\p{N}.!?])'(?![\p{L}\p{N}])/gu;

/** How far a hearsay word reaches, in words, within its clause. */
const HEARSAY_WINDOW = 20;

/** Words an exception reaches over (clause stops still end it). */
const EXCEPTION_WINDOW = 24;

/** Words a "tell your doctor" reaches over, within its clause: "… se si è allergici a qualche farmaco". */
const TELL_DOCTOR_WINDOW = 12;

/** What may stand between a quote and the verdict that answers it: an arrow, a dash, a colon. */
const VERDICT_LEAD = /^[\s→⇒➜➡>=:\u2013\u2014-]*/u;

/** A colon or an opening bracket before a quote, and up to two words after it ("…: che “"). */
const COLON_BEFORE_QUOTE = /[:(](?:\s*\p{L}+){0,2}\s*$/u;

export class SentenceContext {
  // Each kind of trigger is looked for when first asked about: most sentences the extractors
  // look at ask about none, or only negation (the lexicons are long alternations).
  private cache: Partial<Record<'pseudo' | 'negBefore' | 'negAfter' | 'hedge' | 'hypothetical' | 'exception' | 'advice' | 'tellDoctor' | 'quoted' | 'reportedBy' | 'hearsay' | 'historical' | 'ofOne' | 'negValue' | 'refusals', Span[]>> = {};
  private stopList: number[] | undefined;

  constructor(
    readonly text: string,
    readonly lang: LanguagePack,
  ) {}

  private found(key: keyof SentenceContext['cache'], find: () => Span[]): Span[] {
    return (this.cache[key] ??= find());
  }

  /** Pseudo-negations ("no lack of") and contraindication cues ("not suitable", "non va eseguito") contain a negation word that negates nothing in scope. */
  private get pseudo(): Span[] {
    return this.found('pseudo', () => [...findAll(this.lang.re.pseudo, this.text), ...findAll(this.lang.re.ciCues, this.text)]);
  }

  /** Negation triggers outside every pseudo-negation (a method, not a field: no closure made per sentence unless negation is asked about). */
  private negations(re: RegExp): Span[] {
    const spans = findAll(re, this.text);
    if (!spans.length) return spans;
    const pseudo = this.pseudo;
    return spans.filter((s) => !pseudo.some((p) => s.start < p.end && p.start < s.end));
  }

  get negBefore(): Span[] {
    // A trigger that punctuation closes at once scopes over nothing: the answer "No –", "Non,"
    // before "we do not offer mesotherapy during pregnancy" denies the question, not the pregnancy.
    return this.found('negBefore', () => this.negations(this.lang.re.negBefore).filter((t) => !/^\s*[,;:!\u2013\u2014-]/.test(this.text.slice(t.end, t.end + 3))));
  }

  /**
   * Whether a pseudo-negation reaches into the mention itself and holds a negation word: "non è
   * esente" says a thing has something ("non è esente da effetti collaterali"), but over "esente da
   * rischi" it denies the mention's own words ("la mesoterapia non è esente da rischi").
   */
  deniedThroughPseudo(span: Span): boolean {
    const into = this.pseudo.filter((p) => p.start < span.start && p.end > span.start);
    if (!into.length) return false;
    return findAll(this.lang.re.negBefore, this.text).some((t) => into.some((p) => t.start >= p.start && t.end <= span.start));
  }

  /**
   * Whether a refusal holding a negation word stands before the span, close and in its clause: "We
   * do not offer “fat-dissolving” mesotherapy". A contraindication cue is no negation of the
   * condition it refuses (see `pseudo`), but what a page refuses to do, it does not promise.
   */
  refused(span: Span): boolean {
    const refusals = this.found('refusals', () => {
      const cues = findAll(this.lang.re.ciCues, this.text);
      if (!cues.length) return cues;
      // The negation words, all of them (negBefore leaves out those inside a cue).
      const denials = findAll(this.lang.re.negBefore, this.text);
      return cues.filter((c) => denials.some((t) => t.start >= c.start && t.end <= c.end));
    });
    return refusals.some(
      (c) => c.end <= span.start && this.wordsBetween(c.end, span.start) <= this.lang.window && this.sameClause(c, span),
    );
  }

  /** Predicates that deny one thing is an X ("is not a", "n'est pas une"). */
  get ofOne(): Span[] {
    return this.found('ofOne', () => findAll(this.lang.re.ofOne, this.text));
  }

  get negValue(): Span[] {
    return this.found('negValue', () => this.negations(this.lang.re.negValue));
  }

  get negAfter(): Span[] {
    return this.found('negAfter', () => this.negations(this.lang.re.negAfter));
  }

  get hedge(): Span[] {
    return this.found('hedge', () => findAll(this.lang.re.hedge, this.text));
  }

  get hypothetical(): Span[] {
    return this.found('hypothetical', () => findAll(this.lang.re.hypothetical, this.text));
  }

  get exception(): Span[] {
    return this.found('exception', () => findAll(this.lang.re.exception, this.text));
  }

  get advice(): Span[] {
    return this.found('advice', () => findAll(this.lang.re.advice, this.text));
  }

  get tellDoctor(): Span[] {
    return this.found('tellDoctor', () => findAll(this.lang.re.tellDoctor, this.text));
  }

  /** Phrases in quotation marks (curly and angle quotes are '"' after normalisation). */
  private get quoted(): Span[] {
    return this.found('quoted', () => {
      // A quote may run over a line break (text copied from a PDF), not over a blank line.
      const spans = this.text.includes('"') ? [...this.text.matchAll(DOUBLE_QUOTED)] : [];
      // Single quotes (‘…’ in British and Dutch typography) are "'" after normalisation, like an
      // apostrophe: one opens before a word, closes after one, and may hold apostrophes ("l'ematoma").
      if (this.text.includes("'")) spans.push(...this.text.matchAll(SINGLE_QUOTED));
      return spans.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)).map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
    });
  }

  /**
   * Whether the span is in the clause after a hearsay word ("un amigo me dijo que …", "no es
   * cierto que …", "chi promette …"): someone else's claim, or a denied one, quoted or not.
   */
  hearsay(span: Span): boolean {
    const triggers = this.found('hearsay', () => findAll(this.lang.re.hearsay, this.text));
    return triggers.length > 0 && this.triggerBefore(triggers, span, HEARSAY_WINDOW) !== undefined;
  }

  /**
   * Whether the span is in the clause after a word of the past ("in passato usavamo …", "An
   * earlier version of this article stated that …", "früher"): what the page no longer says.
   */
  historical(span: Span): boolean {
    const triggers = this.found('historical', () => findAll(this.lang.re.historical, this.text));
    return triggers.length > 0 && this.triggerBefore(triggers, span, HEARSAY_WINDOW) !== undefined;
  }

  /** Reporting words ("claims such as"): only a sentence with quotation marks can report someone else's claim. */
  get reportedBy(): Span[] {
    return this.found('reportedBy', () => (this.quoted.length ? findAll(this.lang.re.reported, this.text) : []));
  }

  /** Where a trigger's scope stops: terminator words and clause punctuation. */
  private get stops(): number[] {
    return (this.stopList ??= [
      ...findAll(this.lang.re.terminators, this.text).map((s) => s.start),
      ...this.exception.map((s) => s.start),
      // (Check marks, bullets and bars between items on one line separate them too: "✔ Sem
      // contraindicações ✔ 100% seguro".)
      ...[...this.text.matchAll(/[;:()|•·✓✔✗✘]|\.\s/g)].map((m) => m.index ?? 0),
    ].sort((a, b) => a - b));
  }

  /** Number of words between two offsets. */
  wordsBetween(from: number, to: number): number {
    if (to <= from) return 0;
    return (this.text.slice(from, to).match(/[\p{L}\p{N}]+/gu) ?? []).length;
  }

  /** Whether two spans are in one clause: no terminator, exception word or clause punctuation between them. */
  sameClause(a: Span, b: Span): boolean {
    return a.end <= b.start ? !this.stopBetween(a.end, b.start) : b.end <= a.start ? !this.stopBetween(b.end, a.start) : true;
  }

  private stopBetween(from: number, to: number): boolean {
    // A whole parenthetical between them is an aside, not a stop: "no indico mesoterapia (…)
    // en quien tuvo alergia".
    const text = this.text;
    const inside = (s: number) => (text[s] === '(' && text.indexOf(')', s) >= s && text.indexOf(')', s) < to) || (text[s] === ')' && text.lastIndexOf('(', s) >= from);
    return this.stops.some((s) => s >= from && s < to && !inside(s));
  }

  /**
   * Whether the trigger is the whole value after a label's colon, the span in the label: "Effetti
   * collaterali gravi: zero.", "Side effects: none 👍". The colon then joins them rather than stops.
   */
  private labelValue(from: number, t: Span): boolean {
    const text = this.text;
    // (The value runs to the next item of a line of them: "Infezioni: 0 · Necrosi: 0".)
    const next = this.stops.find((s) => s >= t.end && text[s] !== ':');
    return this.stops.every((s) => s < from || s >= t.start || text[s] === ':') && text.slice(from, t.start).includes(':') && /^[^\p{L}\p{N}]*$/u.test(text.slice(t.end, next));
  }

  /**
   * Whether a dash or a semicolon parts two spans: pre-treatment advice reaches over the sentence's
   * commas ("Se assume antiaggreganti, lo comunichi al medico prima della seduta") but not past one
   * ("Schwangere … behandeln wir nicht – diese Ausschlusskriterien prüfen Sie vor jeder Sitzung").
   */
  private dashBetween(a: Span, b: Span): boolean {
    const [from, to] = a.end <= b.start ? [a.end, b.start] : [b.end, a.start];
    // (Normalised text writes a dash as a hyphen between spaces.)
    return from < to && /[;\u2013\u2014]|\s-\s/.test(this.text.slice(from, to));
  }

  /** Where the bracketed aside the span is in opens ("immunossupressão (HIV, leucemia)"), if it is in one. */
  asideStart(span: Span): number | undefined {
    const open = this.text.lastIndexOf('(', span.start);
    return open >= 0 && !this.text.slice(open, span.start).includes(')') && this.text.indexOf(')', span.end) >= span.end ? open : undefined;
  }

  /** The nearest trigger before the span, within `window` words and no scope stop between. */
  triggerBefore(triggers: Span[], span: Span, window = this.lang.window): Span | undefined {
    let best: Span | undefined;
    for (const t of triggers) {
      if (t.end > span.start) continue;
      if (this.wordsBetween(t.end, span.start) > window) continue;
      if (this.stopBetween(t.end, span.start)) continue;
      if (!best || t.end > best.end) best = t;
    }
    return best;
  }

  triggerAfter(triggers: Span[], span: Span, window = this.lang.window): Span | undefined {
    for (const t of triggers) {
      if (t.start < span.end) continue;
      if (this.wordsBetween(span.end, t.start) > window) continue;
      if (this.stopBetween(span.end, t.start) && !this.labelValue(span.end, t)) continue;
      return t;
    }
    return undefined;
  }

  /** The negation trigger that governs the span, if any. */
  negation(span: Span): Span | undefined {
    return this.triggerBefore(this.negBefore, span) ?? this.triggerAfter(this.negAfter, span, 3) ?? this.deniedValue(span);
  }

  /**
   * A denial that is the whole value after the label the span is in: "Side effects: none.", or the
   * whole of a sentence after a comma: "Cicatrices, ninguna."
   */
  private deniedValue(span: Span): Span | undefined {
    return this.negValue.find((t) => t.start >= span.end && ((this.wordsBetween(span.end, t.start) <= 3 && this.labelValue(span.end, t)) || this.commaValue(span, t)));
  }

  /** Whether a sentence is only the span, a comma and the denial: "Cicatrices, ninguna." */
  private commaValue(span: Span, t: Span): boolean {
    const text = this.text;
    return /^[^\p{L}\p{N}]*$/u.test(text.slice(0, span.start)) && /^\s*,\s*$/.test(text.slice(span.end, t.start)) && /^[^\p{L}\p{N}]*$/u.test(text.slice(t.end));
  }

  modifiers(span: Span): Modifiers {
    return {
      negated: this.negation(span) !== undefined,
      hedged: this.hedge.length > 0,
      hypothetical: this.triggerBefore(this.hypothetical, span, 30) !== undefined,
      // An exception's list runs on to the end of its clause: "except those who are pregnant or
      // breastfeeding, people with a clotting disorder and anyone currently being treated for cancer".
      exception: this.triggerBefore(this.exception, span, EXCEPTION_WINDOW) !== undefined,
      // Pre-treatment advice anywhere in the sentence; telling the doctor only over what follows
      // it in its clause ("Non in gravidanza, e dite al medico se siete allergici a un farmaco").
      advice: this.advice.some((a) => !this.dashBetween(a, span)) || this.triggerBefore(this.tellDoctor, span, TELL_DOCTOR_WINDOW) !== undefined,
    };
  }

  /**
   * A phrase in quotation marks introduced by a reporting word, or answered by a verdict ("claims such as", "anunciam que",
   * "Versprechen wie") is quoted, not asserted: a page that debunks "eliminates toxins" does not
   * claim it. Quotation marks alone are not enough (pages quote their own slogans).
   */
  reported(span: Span): boolean {
    const quotes = this.quoted;
    // The quote holds the phrase, or its end: 'des résultats « garantis »' quotes "garantis".
    const at = quotes.findIndex((q) => q.start < span.end && span.end <= q.end);
    if (at < 0) return false;
    // A quote the page answers with a verdict right after it: "❌ “It melts fat forever” → FALSE."
    if (this.lang.re.refutation.test(this.text.slice(quotes[at].end).replace(VERDICT_LEAD, ''))) return true;
    // A quote someone is said to claim right after it: "“… e não tem contraindicações”, garante."
    if (this.lang.re.reportedAfter.test(this.text.slice(quotes[at].end))) return true;
    // A list of quoted claims after one reporting word is reported whole: "On lit qu'elle « fait
    // fondre la graisse », qu'elle « détoxifie » ou qu'elle donne des « résultats définitifs »".
    for (let i = at; i >= 0; i--) {
      // A colon that introduces the quote is no stop: "les offres promettent : « … »", "si legge di
      // tutto: che “disintossica”"; nor is a bracket that opens the list: "Les allégations relevées
      // (« détox », « résultats garantis »)".
      const colon = COLON_BEFORE_QUOTE.exec(this.text.slice(Math.max(0, quotes[i].start - 24), quotes[i].start));
      for (const point of colon ? [quotes[i].start, quotes[i].start - colon[0].length] : [quotes[i].start])
        if (this.triggerBefore(this.reportedBy, { start: point, end: point }, 12) !== undefined) return true;
      if (i === 0 || this.wordsBetween(quotes[i - 1].end, quotes[i].start) > 6) return false;
    }
    return false;
  }

  /** Whether the span is inside a quotation (or ends a quoted phrase: 'des résultats « garantis »'). */
  inQuotes(span: Span): boolean {
    return this.quoted.some((q) => q.start < span.end && span.end <= q.end);
  }

  /**
   * Which of the labelled term lists has the match closest to the span, within `window` words
   * either side: "Swelling is common, infection is rare" gives swelling common and infection
   * rare. A match across clause punctuation (a comma too) loses to one that is not; at the same
   * distance the longer match wins ("not uncommon" over the "uncommon" it holds), then the one before;
   * a match inside a longer pseudo-negation is none.
   */
  closest<L extends string>(lists: ReadonlyArray<readonly [L, RegExp]>, span: Span, window = this.lang.window): L | undefined {
    let best: { label: L; score: number; length: number; before: boolean } | undefined;
    const pseudo = this.pseudo;
    for (const [label, re] of lists) {
      for (const h of findAll(re, this.text)) {
        // The "rari" of "non sono rari" says nothing of its own.
        if (pseudo.some((p) => p.start <= h.start && h.end <= p.end && p.end - p.start > h.end - h.start)) continue;
        const before = h.end <= span.start;
        if (!before && h.start < span.end) continue;
        const [from, to] = before ? [h.end, span.start] : [span.end, h.start];
        const words = this.wordsBetween(from, to);
        if (words > window) continue;
        const score = words + (/[,;:()]|\.\s/.test(this.text.slice(from, to)) ? window + 1 : 0);
        const length = h.end - h.start;
        if (!best || score < best.score || (score === best.score && (length > best.length || (length === best.length && before && !best.before)))) best = { label, score, length, before };
      }
    }
    return best?.label;
  }

  /**
   * A match of `re` within `window` words either side of the span. With `asserted`, a match
   * inside a pseudo-negation is not one: the "uncommon" of "not uncommon", the "rare" of "not rare".
   */
  near(re: RegExp, span: Span, window = this.lang.window, asserted = false): Span | undefined {
    const pseudo = asserted ? this.pseudo : [];
    const hits = findAll(re, this.text).filter((h) => !pseudo.some((p) => p.start <= h.start && h.end <= p.end));
    return (
      hits.find((h) => h.end <= span.start && this.wordsBetween(h.end, span.start) <= window) ??
      hits.find((h) => h.start >= span.end && this.wordsBetween(span.end, h.start) <= window) ??
      // Inside the mention itself: "effetti gravi" holds its qualifier.
      hits.find((h) => h.start > span.start && h.end <= span.end)
    );
  }
}
