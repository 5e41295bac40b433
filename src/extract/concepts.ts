import { CONCEPT_CLAIM_KINDS, type ClaimKind, type ContraindicationValue, type AdverseEffectValue, type Modifiers } from '../types.js';
import type { Concept, ConceptKind, Derivation, Reference } from '../reference/load.js';
import type { Extractor, ExtractInput, RawClaim } from './types.js';
import type { SentenceContext } from './context.js';
import type { LanguagePack } from '../vocab/load.js';
import { compileTerms, findAll, termSource, test, type Span } from './terms.js';
import { cachedRegex } from './cache.js';
import { wordsOf } from './term-index.js';

interface Mention {
  concept: Concept;
  span: Span;
  /** Matched through a "…" gap: such a span may reach over another clause. */
  gapped: boolean;
}

/**
 * Kinds whose mention gives way to a longer mention of any other kind: "infezioni" inside
 * "infezioni del sangue" (a contraindication), "cellulite" inside "elimina la cellulite".
 * Assertions never give way to another kind: "elimina definitivamente la cellulite" is both
 * cellulite removal and a permanent result.
 */
const YIELDING_KINDS = new Set(['adverse-effect', 'indication', 'substance', 'aftercare', 'history']);

const CLAIM_KINDS: ReadonlySet<string> = new Set(CONCEPT_CLAIM_KINDS);

/**
 * Every mention of a reference concept in the sentence, after overlaps are
 * resolved: a mention inside a longer one of another concept ("infezioni"
 * inside "infezioni del sangue") gives way to it.
 */
export function findMentions(input: ExtractInput): Mention[] {
  const { text, lang, ref, candidates, hits } = input;
  const all: Mention[] = [];
  // The candidates (a few) rather than every concept (they are sorted below, so the order they
  // are looked at in does not matter).
  for (const id of candidates) {
    const concept = ref.concepts.get(id);
    if (!concept || !CLAIM_KINDS.has(concept.kind)) continue;
    const spans = hits(concept.id);
    if (spans.length === 0) continue;
    const contiguous = cachedRegex(ref, `contiguous:${lang.language}:${concept.id}`, () => {
      const terms = (concept.terms[lang.language] ?? []).filter((t) => !/(^|\s)(…|\.\.\.)(\s|$)/.test(t));
      return terms.length ? new RegExp(`^(?:${terms.map((t) => termSource(t)).join('|')})$`, 'u') : /(?!)/u;
    });
    for (const span of spans) all.push({ concept, span, gapped: !contiguous.test(text.slice(span.start, span.end)) });
  }
  all.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || (a.concept.id < b.concept.id ? -1 : 1));
  const contains = (o: Mention, m: Mention) =>
    o !== m &&
    o.span.start <= m.span.start &&
    o.span.end >= m.span.end &&
    (o.span.end - o.span.start > m.span.end - m.span.start || (o.concept.id === m.concept.id && all.indexOf(o) < all.indexOf(m)));
  // Within a kind, a phrase gives way to a longer contiguous phrase ("nessun effetto collaterale"
  // inside "nessun effetto collaterale grave").
  // An adverse effect inside a condition ("infezione" in "infezione locale della pelle") waits: it
  // gives way only if the condition turns out to be stated as a contraindication (extractConcepts).
  const waits = (o: Mention, m: Mention) => m.concept.kind === 'adverse-effect' && o.concept.kind === 'contraindication';
  // Nor does one of a kind give way to another of its kind stretched over it by a gap: "pain,
  // bruising and swelling at the injection sites" names bruising and swelling too.
  const sameKindOverGap = (o: Mention, m: Mention) => o.gapped && o.concept.kind === m.concept.kind;
  return all.filter(
    (m) => !all.some((o) => contains(o, m) && !waits(o, m) && !sameKindOverGap(o, m) && (o.concept.kind === m.concept.kind || YIELDING_KINDS.has(m.concept.kind))),
  );
}

function strength(input: ExtractInput, cueText: string): ContraindicationValue['strength'] {
  if (test(input.lang.re.absolute, cueText)) return 'absolute';
  if (test(input.lang.re.relative, cueText)) return 'relative';
  return 'unspecified';
}

/** How many words may stand between the two parts of a negation: "ne la propose pas". */
const TWO_PART_WORDS = 3;

/** How many words may stand between a phrase that points back at conditions and its negation: "en esos casos no", "in those cases we do not". */
const REFUSED_BACK_WORDS = 2;

/** Whether the text of a span opens with a match of the regex. */
function opensWith(re: RegExp, text: string, span: Span): boolean {
  return findAll(re, text.slice(span.start, span.end)).some((h) => h.start === 0);
}

/** How many words may stand between a condition and the refusal after it: "con gli anticoagulanti (Coumadin, Eliquis) non la fanno". */
const REFUSED_LATER_WORDS = 8;

/** The claims carried by concept mentions: contraindications, adverse effects, assertions, and the rest. */
export const extractConcepts: Extractor = (input) => {
  const { text, lang, ref, context, leadIn } = input;
  const out: RawClaim[] = [];
  const mentions = findMentions(input);
  if (mentions.length === 0 && ref.derivations.length === 0) return out;

  // A contraindication needs a cue: the word itself (not negated), a phrase such as
  // "sconsigliata" / "should be avoided", an exception ("tranne…"), or a lead-in that has one.
  const topicHits = input.hits('contraindications').filter((s) => !context.negation(s));
  // A condition said to be no obstacle ("not a reason to avoid it") is none, and its words are no cue.
  let noObstacleHits: Span[] | undefined;
  const noObstacle = (): Span[] => (noObstacleHits ??= findAll(lang.re.noObstacle, text));
  let cueHits = findAll(lang.re.ciCues, text);
  if (cueHits.length) cueHits = cueHits.filter((c) => !noObstacle().some((o) => o.start <= c.start && c.end <= o.end));
  // A lead-in names the list's meaning: "Controindicazioni:", "Who should not have it?", or a refusal
  // ("Nous ne la pratiquons pas chez :").
  const leadInCue =
    leadIn !== '' &&
    (test(ref.matcher(lang.language, 'contraindications'), leadIn) ||
      test(lang.re.ciCues, leadIn) ||
      (test(lang.re.negBefore, input.leadInTail) && !test(lang.re.pseudo, input.leadInTail)) ||
      // "Trattiamo tutti i pazienti adulti, eccetto:" — the items are the exceptions.
      test(lang.re.exception, leadIn));
  const cueSpans = [...input.hits('contraindications'), ...cueHits];
  // The paragraph right under a "Contraindications" (or "Who should not have it?") heading that
  // names two conditions or more is that heading's list, written as a sentence
  // ("Gestantes, lactantes, pessoas com diabetes descompensada...").
  const sectionCue =
    input.heading !== '' &&
    (test(ref.matcher(lang.language, 'contraindications'), input.heading) || test(lang.re.ciCues, input.heading)) &&
    new Set(mentions.filter((m) => m.concept.kind === 'contraindication').map((m) => m.concept.id)).size >= 2;
  const hasCue = topicHits.length > 0 || cueHits.length > 0 || leadInCue || sectionCue || input.refusedAsk || input.continuesList > 0;
  // A condition and then a bare no, the refusal an answer gives: "Pendant un traitement
  // anticancéreux, non.", "Com varfarina, não.", "Als je zwanger bent: nee." (where the no stands).
  // So does a short sentence that a bare no closes: "Anche in gravidanza ovviamente no."
  // (Worked out only for a sentence that names a condition.)
  let refusedAt: number | undefined;
  const refusedAfter = (): number => {
    if (refusedAt !== undefined) return refusedAt;
    const m = lang.re.answerNo.exec(text);
    if (m) return (refusedAt = Math.max(m[0].lastIndexOf(','), m[0].lastIndexOf(':')));
    const end = input.words.length <= DENIED_SHORT_WORDS ? lang.re.denialAtEnd.exec(text) : null;
    return (refusedAt = end ? end.index : -1);
  };
  // "Le diabète n'est pas une contre-indication": the condition the clause says is not one.
  const notOne = input.hits('contraindications').filter((h) => aboutOne(context, h));

  /**
   * A refused treatment names a contraindication: "Non la eseguiamo in gravidanza", "No se realiza a
   * embarazadas", "Dr X does not treat patients who are pregnant". The negation governs a verb
   * (three or more words before the condition), not the condition itself ("not pregnant"; but see
   * notDuring: "jamais pendant la grossesse"), and no contraindication word stands between ("non è
   * controindicata in gravidanza" denies a contraindication).
   */
  const refusal = (condition: Span): boolean => {
    // A condition in a bracketed aside is refused as the word the aside follows is: "Não realizo
    // mesoterapia … em pacientes com imunossupressão (HIV, leucemia, quimioterapia recente)".
    const aside = context.asideStart(condition);
    const span = aside !== undefined && !context.triggerBefore(context.negBefore, condition, 30) ? { start: aside, end: aside } : condition;
    let neg = context.triggerBefore(context.negBefore, span, 30);
    // A negation that coordinates ("No se aplica en embarazadas … ni pacientes con …") continues
    // the refusal before it.
    for (let before: Span | undefined; neg && lang.re.alsoNot.test(text.slice(neg.start, neg.end)) && (before = context.triggerBefore(context.negBefore, { start: neg.start, end: neg.start }, 30)); ) neg = before;
    if (!neg) return false;
    // A negation in two parts governs the verb between them: "Je ne la propose pas aux femmes
    // enceintes" (from "ne", not from "pas"); "Je ne suis pas enceinte" still denies the condition.
    const opening = context.triggerBefore(context.negBefore, { start: neg.start, end: neg.start }, TWO_PART_WORDS);
    if (opening && !lang.re.alsoNot.test(text.slice(opening.start, opening.end)) && context.sameClause(opening, neg)) neg = opening;
    // A patient's declaration refuses nothing: "☐ Je ne suis pas sous traitement anticoagulant".
    const n = neg;
    if (test(lang.re.declaration, text) && findAll(lang.re.declaration, text).some((d) => d.start <= n.start && n.end <= d.end)) return false;
    // Or the negation and the condition are one phrase: "jamais pendant la grossesse", "nicht
    // während der Schwangerschaft", "not during an outbreak" (an article may follow the word).
    // Not a "nor" ("Tampoco durante la lactancia hay problema"): that one continues what came before.
    if (!lang.re.alsoNot.test(text.slice(neg.start, neg.end)) && notDuring(text.slice(neg.end, span.start))) return true;
    if (context.wordsBetween(neg.end, span.start) < 3) return false;
    return !cueSpans.some((c) => c.start >= neg.start && c.start < span.start);
  };

  /**
   * A later phrase that points back at the conditions and refuses them: "Me preguntó si estaba
   * embarazada o dando el pecho, porque en esos casos no la hacen" (vocab
   * contraindication.refusedBefore, then a negation within two words).
   */
  let backRefusals: Span[] | undefined;
  const refusedBack = (span: Span): boolean => {
    backRefusals ??= findAll(lang.re.refusedBefore, text).filter((t) => context.negBefore.some((n) => n.start >= t.end && context.wordsBetween(t.end, n.start) <= REFUSED_BACK_WORDS));
    return backRefusals.some((t) => t.start >= span.end);
  };

  /** A refusal after the condition, in its clause: "in allattamento la meso non si fa", "Se prendi anticoagulanti non la puoi fare". */
  let laterRefusals: Span[] | undefined;
  const refusedLater = (span: Span): boolean =>
    (laterRefusals ??= findAll(lang.re.refusedAfter, text)).some((t) => t.start >= span.end && context.wordsBetween(span.end, t.start) <= REFUSED_LATER_WORDS && context.sameClause(span, t));

  const notDuring = (between: string): boolean => {
    const m = lang.re.notDuring.exec(between);
    if (!m) return false;
    const rest = between.slice(m[0].length);
    // No punctuation between ("No, in gravidanza si può fare" answers no to something else).
    return !/[,;:.()]/.test(between) && (/^\s*$/.test(rest) || /^\s+\p{L}{1,3}(?:\s+|'\s*)$/u.test(rest));
  };

  const coordinated = (span: Span): boolean => {
    const neg = context.negation(span);
    if (neg === undefined) return false;
    // "Tampoco durante la lactancia" after a contraindication: the opening word continues the list.
    if (neg.start < input.continuesList) return true;
    return cueHits.some((c) => c.end <= neg.start) && context.sameClause({ start: neg.start, end: neg.start }, span);
  };

  for (const m of mentions) {
    const modifiers = context.modifiers(m.span);
    const kind = m.concept.kind as ClaimKind;
    switch (m.concept.kind) {
      case 'contraindication': {
        if (modifiers.advice && !modifiers.exception) break;
        if (notOne.some((h) => context.sameClause(m.span, h))) break;
        // "non ci sono problemi con il diabete", "it is not a problem for diabetics".
        if (noObstacle().some((h) => context.sameClause(m.span, h))) break;
        if (!modifiers.exception && (refusal(m.span) || m.span.end <= refusedAfter() || refusedBack(m.span) || refusedLater(m.span))) {
          out.push({ kind, value: { condition: m.concept.id, strength: strength(input, `${leadIn} ${text}`) }, span: m.span, modifiers: { ...modifiers, negated: false } });
          break;
        }
        if (!hasCue && !modifiers.exception) break;
        // A negation that coordinates after a cue continues its list ("não é indicada para grávidas
        // nem durante a amamentação", "non indicata in gravidanza né in allattamento").
        if (modifiers.negated && !coordinated(m.span)) break;
        const value: ContraindicationValue = { condition: m.concept.id, strength: strength(input, `${leadIn} ${text}`) };
        out.push({ kind, value, span: m.span, modifiers: { ...modifiers, negated: false } });
        break;
      }
      case 'adverse-effect': {
        if (modifiers.negated) break; // "senza dolore" is a safety assertion, derived below
        // A warning sign: "If the area becomes hot, swollen …, contact us or your GP".
        if (modifiers.hypothetical && test(lang.re.seekCare, text)) break;
        const value: AdverseEffectValue = { effect: m.concept.id };
        const severity = context.closest([['severe', lang.re.aeSevere], ['mild', lang.re.aeMild]] as const, m.span, 3);
        if (severity) value.severity = severity;
        const frequency = context.closest([['rare', lang.re.aeRare], ['common', lang.re.aeCommon]] as const, m.span);
        if (frequency) value.frequency = frequency;
        out.push({ kind, value, span: m.span, modifiers });
        break;
      }
      case 'safety':
      case 'efficacy': {
        // "nessun rischio", "n'est pas douloureuse" carry their own negation; an outer
        // one ("Non, elle n'est pas douloureuse", "non c'è nessun rischio") is concord, not denial.
        const inner = context.negBefore.filter((t) => t.start >= m.span.start && t.end <= m.span.end);
        const selfNegated = inner.some((t) => t.start === m.span.start);
        // "i risultati non sono definitivi": a negation inside the phrase denies it, in the words a
        // gap took in; one the term itself spells is its own ("casi no duele").
        // (Only a mention found by a term's pattern is known to be contiguous: an answer's span is not.)
        const ownNegation = m.gapped === false && inner.length > 0;
        if (m.gapped !== false && inner.some((t) => t.start > m.span.start) && !selfNegated) break;
        if (context.reported(m.span) || context.deniedThroughPseudo(m.span) || context.refused(m.span)) break;
        // A blanket assertion a derivation keeps from statements about one thing is kept from
        // them when written out too: "Diabetes ist keine Kontraindikation".
        const unlessNamed = ref.derivations.find((d) => d.assertion === m.concept.id && d.unlessNamed)?.unlessNamed;
        if (unlessNamed && (aboutOne(context, m.span) || namesOne(ref, unlessNamed, input.candidates, input.hits, (other) => context.sameClause(m.span, other)))) break;
        // But "lacking" denied is having: "non è priva di rischi", "nessun trattamento è privo di rischi".
        // (Not another "lacking" before it: "senza bisturi e senza dolore".)
        if (selfNegated && modifiers.negated && opensWith(lang.re.privative, text, m.span)) {
          const outer = context.negation(m.span);
          if (outer && !opensWith(lang.re.privative, text, outer)) break;
        }
        if (selfNegated || ownNegation || !modifiers.negated) out.push({ kind, value: { assertion: m.concept.id }, span: m.span, modifiers: { ...modifiers, negated: false } });
        break;
      }
      default:
        if (!modifiers.negated) out.push({ kind, value: { concept: m.concept.id }, span: m.span, modifiers });
    }
  }
  const derived = derive(input);
  // A mention of what a plainer derivation of the same concept gives, inside a derived assertion's
  // span, gives way to it: "privo di effetti collaterali rilevanti" is no serious side effects,
  // not also "privo di effetti collaterali" (no side effects).
  const claims = [
    ...out.filter(
      (c) =>
        !(c.kind === 'safety' || c.kind === 'efficacy') ||
        !derived.some((d) => d.plainer.has((c.value as { assertion: string }).assertion) && d.claim.span.start <= c.span.start && d.claim.span.end >= c.span.end),
    ),
    ...derived.map((d) => d.claim),
  ];
  // An effect named inside a condition the page lists as a contraindication, or overlapping it, is
  // part of that condition: "chi ha avuto reazioni allergiche alla lidocaina" (the condition is read
  // from "allergiche alla lidocaina") names a past allergy, not a harm of the treatment.
  // So is one joined to such a condition by "or" or "and" alone, or as an item of its list, the
  // words after the last qualifying all: "bei Infektionen oder Entzündungen der Haut im
  // Behandlungsgebiet", "com infecções, feridas ou dermatite intensa no couro cabeludo".
  const conditions = claims.filter((c) => c.kind === 'contraindication').map((c) => c.span);
  const listTitle = introducesList(text, lang, context);
  const joinedTo = conditions.length ? cachedRegex(ref, `joined-condition:${lang.language}`, () => new RegExp(`^(?:\\s*,\\s*\\p{L}+){0,2}\\s*(?:,|(?:,\\s*)?(?:${lang.rangeJoinSource}))\\s*$`, 'u')) : undefined;
  const partOfCondition = (span: Span): boolean => conditions.some((s) => (s.start < span.end && span.start < s.end) || (span.end <= s.start && joinedTo!.test(text.slice(span.end, s.start))));
  return claims.filter((c) => (c.kind !== 'adverse-effect' || !partOfCondition(c.span)) && !(c.kind === 'safety' && listTitle(c.span)));
};

/** How many words after an assertion a list-introducing word may stand: "none of the contraindications listed below". */
const LIST_INTRO_WORDS = 3;

/**
 * A sentence that ends in a colon and names the list after it ("Je déclare ne présenter aucune des
 * contre-indications suivantes :", "I confirm I have none of the following:") asks a question or
 * titles the list: a safety assertion within or just before the words that introduce the list
 * is not the page's claim (the items after it are the contraindications).
 */
function introducesList(text: string, lang: LanguagePack, context: SentenceContext): (span: Span) => boolean {
  if (!/:\s*$/.test(text)) return () => false;
  const intros = findAll(lang.re.listIntro, text);
  return (span) => intros.some((m) => m.start < span.end ? m.start >= span.start : context.wordsBetween(span.end, m.start) <= LIST_INTRO_WORDS && context.sameClause(span, m));
}

/**
 * A bare yes or no answering a yes/no question the reference lists under an assertion or an
 * adverse effect (`askedAs`): "Is mesotherapy safe?" "Yes." is `safe`; "Does it hurt?" "No." (or
 * "Barely.") is `painless`, "Yes." is the effect `pain`. The claim is the answer's.
 */
export const extractAnswers: Extractor = ({ text, lang, ref, asked: question, context }) => {
  // The answer opens with its yes or no ("Sí, en manos de un médico con experiencia."), whatever follows.
  if (question === '') return [];
  const polarity = lang.re.answerNo.test(text) ? 'no' : lang.re.answerYes.test(text) ? 'yes' : lang.re.answerSome.test(text) ? 'some' : undefined;
  if (!polarity) return [];
  const out: RawClaim[] = [];
  for (const concept of askable(ref)) {
    // "A little" says yes to an effect only: "Does it hurt?" "A little." (not "Is it safe?").
    if (polarity === 'some' && concept.kind !== 'adverse-effect') continue;
    const terms = concept.askedAs?.[polarity === 'no' ? 'no' : 'yes']?.[lang.language];
    if (!terms?.length) continue;
    const asked = cachedRegex(ref, `asked-${polarity === 'no' ? 'no' : 'yes'}:${lang.language}:${concept.id}`, () => compileTerms(terms));
    const span = answerSpan(text, lang);
    if (!span || !test(asked, question)) continue;
    const value = concept.kind === 'adverse-effect' ? { effect: concept.id } : { assertion: concept.id };
    out.push({ kind: concept.kind as ClaimKind, value, span, modifiers: { ...context.modifiers(span), negated: false } });
  }
  // A yes to a short question that names an adverse effect is that effect: "I lividi? Sì, possono
  // capitare", "Bruising? Yes, sometimes." Not a question asking leave ("Can I take paracetamol
  // for the pain?" "Yes.").
  if (polarity !== 'no' && wordsOf(question.replace(QUESTION_MARK_LABEL, '')).length <= EFFECT_QUESTION_WORDS && !test(lang.re.askPermission, question)) {
    const span = answerSpan(text, lang);
    for (const concept of span ? ref.concepts.values() : []) {
      if (concept.kind !== 'adverse-effect' || out.some((c) => (c.value as AdverseEffectValue).effect === concept.id)) continue;
      if (test(ref.matcher(lang.language, concept.id), question)) out.push({ kind: 'adverse-effect', value: { effect: concept.id }, span: span!, modifiers: { ...context.modifiers(span!), negated: false } });
    }
  }
  return out;
};

/** The longest sentence a closing no makes a refusal of the conditions it names. */
const DENIED_SHORT_WORDS = 6;

/** The longest question whose naming an adverse effect makes a yes that effect. */
const EFFECT_QUESTION_WORDS = 6;

/** A question's one- or two-letter label ("Q :", "D:", "F:", "P:"), not counted among its words. */
const QUESTION_MARK_LABEL = /^[\s*_]*\p{L}{1,2}\s*:\s*/u;

const askableConcepts = new WeakMap<Reference, Concept[]>();

/** The reference's concepts with yes/no questions, found once per reference. */
function askable(ref: Reference): Concept[] {
  let list = askableConcepts.get(ref);
  if (!list) askableConcepts.set(ref, (list = [...ref.concepts.values()].filter((c) => c.askedAs && (c.kind === 'safety' || c.kind === 'efficacy' || c.kind === 'adverse-effect'))));
  return list;
}

/** A sentence up to its first clause mark (colon, semicolon, dash, bracket). */
export const leadingClause = (text: string): string => text.slice(0, text.search(/[:;(\u2013\u2014]|$/u));

/** A few words before a colon that may be a speaker's label ("Segreteria Valverde: Quasi niente"). */
const ANSWER_LABEL = /^\s*[^\s,.;:?!]+(?:\s+[^\s,.;:?!]+){0,3}\s*:\s*(?=[\p{L}\p{N}])/u;

/**
 * From the first word of a sentence's leading clause to its last: what a short answer claims.
 * After a speaker's label, the clause after it, when that is what opens with the yes or no
 * ("Segreteria Valverde: Quasi niente 🙂"), or after a label that names an answer ("Antwort:
 * Selten"); not after an answer of its own ("Ils sont rares : quelques papules", "Yes: they are
 * rare").
 */
function answerSpan(text: string, lang: LanguagePack): Span | undefined {
  const opens = (t: string) => lang.re.answerNo.test(t) || lang.re.answerYes.test(t) || lang.re.answerSome.test(t);
  const found = ANSWER_LABEL.exec(text)?.[0];
  // A label that names itself an answer ("Antwort:", "R :") is skipped whatever opens the answer
  // ("Antwort: Selten."); a speaker's name, only before a yes or no.
  const named = found !== undefined && opensWithAnswerLabel(found, lang);
  const label = found && (named || (opens(text.slice(found.length)) && !opens(found.replace(/:\s*$/, '')))) ? found.length : 0;
  const words = [...leadingClause(text.slice(label)).matchAll(/[\p{L}\p{N}]+/gu)];
  if (!words.length) return undefined;
  const last = words[words.length - 1];
  return { start: label + (words[0].index ?? 0), end: label + (last.index ?? 0) + last[0].length };
}

/** Whether the text opens with a label that names it an answer ("Antwort:", "R :"). */
export function opensWithAnswerLabel(text: string, lang: LanguagePack): boolean {
  const m = lang.re.answerLabel.exec(text);
  return m !== null && /^\s*:/.test(text.slice(m[0].length));
}

/** Whether the mention follows a predicate that denies one thing is it ("ce n'est pas une contre-indication"). */
function aboutOne(context: SentenceContext, span: Span): boolean {
  // Before the mention, or holding its first word ("ist keine" + "keine Kontraindikation").
  return context.ofOne.some((o) => (o.end <= span.start && context.wordsBetween(o.end, span.start) <= 1) || (o.start < span.start && span.start < o.end));
}

/** Whether the sentence mentions a concept of this kind where `where` holds. */
function namesOne(ref: Reference, kind: ConceptKind, candidates: ReadonlySet<string>, hits: (id: string) => Span[], where: (span: Span) => boolean): boolean {
  for (const id of candidates) if (ref.concepts.get(id)?.kind === kind && hits(id).some(where)) return true;
  return false;
}

const derivationGroups = new WeakMap<Reference, Map<string, Derivation[]>>();

/** The reference's derivations grouped by the concept they read, computed once per reference. */
function derivationsByConcept(ref: Reference): Map<string, Derivation[]> {
  let groups = derivationGroups.get(ref);
  if (!groups) {
    groups = new Map();
    for (const d of ref.derivations) groups.set(d.concept, [...(groups.get(d.concept) ?? []), d]);
    derivationGroups.set(ref, groups);
  }
  return groups;
}

/**
 * Assertions derived from a mention plus its context, as the reference's
 * derivations say: "non ha effetti collaterali importanti" = side-effects,
 * negated, qualifier serious → no-serious-side-effects. The most specific
 * derivation wins for each mention.
 */
function derive({ lang, ref, context, candidates, hits, question, text }: ExtractInput): Array<{ claim: RawClaim; plainer: Set<string> }> {
  const out: Array<{ claim: RawClaim; plainer: Set<string> }> = [];
  for (const [conceptId, derivations] of derivationsByConcept(ref)) {
    // A short answer to a question that names the concept stands for its mention: "**¿Tiene
    // efectos secundarios?** Son poco frecuentes." The mention is then the answer's start, its
    // negation any in the answer ("Ninguno importante"), and the claim the whole answer.
    const answer = !candidates.has(conceptId) && question !== '' && test(ref.matcher(lang.language, conceptId), question) ? answerSpan(text, lang) : undefined;
    if (!candidates.has(conceptId) && !answer) continue;
    for (const span of answer ? [{ start: answer.start, end: answer.start }] : hits(conceptId)) {
      // (An answer that opens with a bare no is negated too: "Praticamente no: …".)
      const negation = answer ? ([...context.negBefore, ...context.negAfter].find((t) => t.end <= answer.end) ?? (lang.re.answerNo.test(text) ? answer : undefined)) : context.negation(span);
      let best: { assertion: string; score: number; span: Span } | undefined;
      // The assertions of the derivations that matched with a lower score (less specific).
      const matched: Array<{ assertion: string; score: number }> = [];
      for (const d of derivations) {
        if (Boolean(d.negated) !== Boolean(negation)) continue;
        if (d.unlessNamed && (aboutOne(context, span) || namesOne(ref, d.unlessNamed, candidates, hits, (other) => context.sameClause(span, other)))) continue;
        let covered: Span = negation ? { start: Math.min(negation.start, span.start), end: Math.max(negation.end, span.end) } : span;
        let score = d.negated ? 1 : 0;
        // Each qualifier the derivation asks for (a second one: "gli effetti collaterali gravi sono
        // eccezionali", serious ones rare, says there are no serious side effects, more than that
        // side effects are rare). An answer takes its question's qualifier too: "Are there serious
        // side effects?" "No."
        let missing = false;
        for (const qualifier of [d.qualifier, d.alsoQualifier]) {
          if (!qualifier) continue;
          const q = context.near(lang.qualifiers[qualifier], span, 5, true);
          if (answer && !(q && q.end <= answer.end) && test(lang.qualifiers[qualifier], question)) score += 2;
          else if (!q || (answer && q.end > answer.end)) missing = true;
          else {
            covered = { start: Math.min(covered.start, q.start), end: Math.max(covered.end, q.end) };
            score += 2;
          }
        }
        if (missing) continue;
        matched.push({ assertion: d.assertion, score });
        if (!best || score > best.score) best = { assertion: d.assertion, score, span: answer ?? covered };
      }
      // "Le médecin vérifie l'absence de contre-indications" before treatment asserts nothing.
      // (An answer is its opening clause: advice later in the sentence is not its own, as in "Sono
      // rari e quasi sempre lievi: … un po' di prurito nelle ore successive".)
      const advice = answer ? test(lang.re.advice, text.slice(answer.start, answer.end)) : context.modifiers(span).advice;
      if (best && !context.reported(best.span) && !advice) {
        const kind = ref.concepts.get(best.assertion)?.kind === 'efficacy' ? 'efficacy' : 'safety';
        const modifiers: Modifiers = { ...context.modifiers(span), negated: false };
        const top = best;
        const plainer = new Set(matched.filter((m) => m.score < top.score && m.assertion !== top.assertion).map((m) => m.assertion));
        out.push({ claim: { kind, value: { assertion: best.assertion }, span: best.span, modifiers }, plainer });
      }
    }
  }
  return out;
}
