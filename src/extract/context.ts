import type { Modifiers } from '../types.js';
import type { LanguagePack } from '../vocab/load.js';
import { findAll, type Span } from './terms.js';

/**
 * ConText-style modifiers: trigger words from the language's lexicon, each
 * with a scope, decide whether a mention is negated, hedged, hypothetical,
 * an exception ("tranne in gravidanza") or pre-treatment advice, and whether a quoted phrase
 * is someone else's claim ("Werbeaussagen wie „entgiftet den Körper“").
 * Triggers are found once per sentence; each mention then asks about its span.
 */
export class SentenceContext {
  readonly negBefore: Span[];
  readonly negAfter: Span[];
  readonly hedge: Span[];
  readonly hypothetical: Span[];
  readonly exception: Span[];
  readonly advice: Span[];
  readonly reportedBy: Span[];
  /** Phrases in quotation marks (curly and angle quotes are '"' after normalisation). */
  private readonly quoted: Span[];
  /** Where a trigger's scope stops: terminator words and clause punctuation. */
  private readonly stops: number[];

  constructor(
    readonly text: string,
    readonly lang: LanguagePack,
  ) {
    // Pseudo-negations ("no lack of") and contraindication cues ("not suitable",
    // "non va eseguito") contain a negation word that negates nothing in scope.
    const pseudo = [...findAll(lang.re.pseudo, text), ...findAll(lang.re.ciCues, text)];
    const notPseudo = (s: Span) => !pseudo.some((p) => s.start < p.end && p.start < s.end);
    this.negBefore = findAll(lang.re.negBefore, text).filter(notPseudo);
    this.negAfter = findAll(lang.re.negAfter, text).filter(notPseudo);
    this.hedge = findAll(lang.re.hedge, text);
    this.hypothetical = findAll(lang.re.hypothetical, text);
    this.exception = findAll(lang.re.exception, text);
    this.advice = findAll(lang.re.advice, text);
    // Only a sentence with quotation marks can report someone else's claim: no scan otherwise.
    this.quoted = text.includes('"') ? [...text.matchAll(/"[^"\n]{1,200}"/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length })) : [];
    this.reportedBy = this.quoted.length ? findAll(lang.re.reported, text) : [];
    this.stops = [
      ...findAll(lang.re.terminators, text).map((s) => s.start),
      ...this.exception.map((s) => s.start),
      ...[...text.matchAll(/[;:()]|\.\s/g)].map((m) => m.index ?? 0),
    ].sort((a, b) => a - b);
  }

  /** Number of words between two offsets. */
  wordsBetween(from: number, to: number): number {
    if (to <= from) return 0;
    return (this.text.slice(from, to).match(/[\p{L}\p{N}]+/gu) ?? []).length;
  }

  private stopBetween(from: number, to: number): boolean {
    return this.stops.some((s) => s >= from && s < to);
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
      if (this.stopBetween(span.end, t.start)) continue;
      return t;
    }
    return undefined;
  }

  /** The negation trigger that governs the span, if any. */
  negation(span: Span): Span | undefined {
    return this.triggerBefore(this.negBefore, span) ?? this.triggerAfter(this.negAfter, span, 3);
  }

  modifiers(span: Span): Modifiers {
    return {
      negated: this.negation(span) !== undefined,
      hedged: this.hedge.length > 0,
      hypothetical: this.triggerBefore(this.hypothetical, span, 30) !== undefined,
      exception: this.triggerBefore(this.exception, span, this.lang.window * 2) !== undefined,
      advice: this.advice.length > 0,
    };
  }

  /**
   * A phrase in quotation marks introduced by a reporting word ("claims such as", "anunciam que",
   * "Versprechen wie") is quoted, not asserted: a page that debunks "eliminates toxins" does not
   * claim it. Quotation marks alone are not enough (pages quote their own slogans).
   */
  reported(span: Span): boolean {
    const quote = this.quoted.find((q) => q.start < span.start && span.end <= q.end);
    return quote !== undefined && this.triggerBefore(this.reportedBy, { start: quote.start, end: quote.start }, 12) !== undefined;
  }

  /** A match of `re` within `window` words either side of the span. */
  near(re: RegExp, span: Span, window = this.lang.window): Span | undefined {
    const hits = findAll(re, this.text);
    return (
      hits.find((h) => h.end <= span.start && this.wordsBetween(h.end, span.start) <= window) ??
      hits.find((h) => h.start >= span.end && this.wordsBetween(span.end, h.start) <= window)
    );
  }
}
