import type { ClaimKind, ClaimValue, Modifiers, Sentence } from '../types.js';
import type { Reference } from '../reference/load.js';
import type { LanguagePack } from '../vocab/load.js';
import type { SentenceContext } from './context.js';
import type { Span } from './terms.js';
import type { FrequencyHit } from './sessions.js';

/** What every extractor sees: one sentence, its language, its context and the reference. */
export interface ExtractInput {
  sentence: Sentence;
  /** Normalised, case-folded sentence text; offsets are relative to sentence.start. */
  text: string;
  /** The same text before case folding, for the rare case-sensitive cue ("27 G" vs "27 g"). */
  cased: string;
  /** Normalised text of the lead-in ("Controindicazioni:") for list items, or "". */
  leadIn: string;
  /**
   * The lead-in with only the last sentence of a lead-in paragraph, the one that introduces the
   * list ("Nous ne la pratiquons pas chez :"): a refusal is read there, not in what the paragraph
   * said before ("… no tiene efectos adversos graves. Lo que puede pasar:").
   */
  leadInTail: string;
  /** Case-folded text of the sentence's table row (cells joined by " | "), or "". */
  row: string;
  /** Case-folded text of the sentence's table column (header first), or "". */
  column: string;
  /** For a short sentence right after a question (in its paragraph, or the heading above): the question, case-folded; else "". */
  question: string;
  /** The question the sentence follows (in its paragraph, or the heading above), whatever its length; else "". */
  asked: string;
  /** The question heading the sentence's paragraph ("### How deep do the needles go?"), for every sentence of it, or "". */
  section: string;
  /**
   * The sentence is a question asking whether one may have the treatment, and the sentence after
   * it answers no ("Can I have it while pregnant?" "No."): the conditions it names are contraindications.
   */
  refusedAsk: boolean;
  /**
   * How many characters of the sentence open it by continuing the contraindications of the
   * sentence before ("⚠️ No apto para embarazadas" then "⚠️ Tampoco durante la lactancia"), or 0.
   */
  continuesList: number;
  /** Case-folded text of the previous sentence of the same paragraph, or "". */
  previous: string;
  /** Normalised text of the heading right above the sentence's paragraph, or "". */
  heading: string;
  lang: LanguagePack;
  ref: Reference;
  context: SentenceContext;
  /** The sentence's words (case-folded, without their accents: src/extract/term-index.ts plainWords). */
  words: readonly string[];
  /** Concepts whose terms may occur in the sentence (the prefilter); others cannot match. */
  candidates: ReadonlySet<string>;
  /** Mentions of a concept in the sentence (memoised; empty when it is not a candidate). */
  hits(conceptId: string): Span[];
  /** The session frequencies the sentence states (memoised: the count and the frequency extractors both read them). */
  frequencies(): readonly FrequencyHit[];
}

/** A claim before it is placed in its file: span relative to the sentence. */
export interface RawClaim {
  kind: ClaimKind;
  value: ClaimValue;
  span: Span;
  modifiers: Modifiers;
}

export type Extractor = (input: ExtractInput) => RawClaim[];
