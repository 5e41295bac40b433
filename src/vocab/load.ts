import { readdirSync, readFileSync } from 'node:fs';
import { PROJECT_ROOT } from '../util/project-root.js';
import { join } from 'node:path';
import { alternation, compileTerms, termSource, WORD_CHAR } from '../extract/terms.js';
import { TermIndex } from '../extract/term-index.js';
import { loadYamlCached } from '../util/yaml-load.js';
import { abbreviationPattern } from '../parse/abbreviations.js';

export const VOCAB_DIR = join(PROJECT_ROOT, 'vocab/');

/** The raw shape of vocab/<lang>.yaml (schemas/vocab.schema.json). */
export interface VocabFile {
  language: string;
  name: string;
  stopwords: string[];
  numbers: Record<string, number>;
  quantity: {
    rangeStart: string[];
    rangeJoin: string[];
    min: string[];
    max: string[];
    approximate: string[];
    price?: string[];
    single?: string[];
    elapsed?: string[];
    between?: string[];
    howMany?: string[];
    per?: string[];
    articles?: string[];
    minAfter?: string[];
    maxAfter?: string[];
    elidedCount?: string[];
    additional?: string[];
    apart?: string[];
  };
  units: { mm: string[]; cm?: string[]; time?: string[] };
  frequency: {
    fixed: Array<{ interval: string; terms: string[] }>;
    every: Array<{ pattern: string; unit: 'D' | 'W' | 'M' }>;
    times?: Array<{ pattern: string; unit: 'D' | 'W' | 'M' | 'Y' }>;
    maintenance: string[];
    ofOther?: string[];
  };
  context: {
    window: number;
    negation: { before: string[]; after: string[]; pseudo: string[]; ofOne?: string[]; privative?: string[]; value?: string[]; answer?: string[] };
    hedge: string[];
    hypothetical: string[];
    reported?: string[];
    hearsay?: string[];
    historical?: string[];
    refutation?: string[];
    confirmation?: string[];
    mythLabel?: string[];
    affirmation?: string[];
    affirmationOfDegree?: string[];
    seekCare?: string[];
    listIntro?: string[];
    referBack?: string[];
    reportedAfter?: string[];
    answerLabel?: string[];
    treats?: string[];
    tellDoctor?: string[];
    alternativeTo?: string[];
    combinedWith?: string[];
    relative?: string[];
    givenAfter?: string[];
    declaration?: string[];
    comparedTo?: string[];
    exception: string[];
    advice: string[];
    terminators: string[];
  };
  contraindication: { cues: string[]; absolute: string[]; relative: string[]; askPermission?: string[]; noObstacle?: string[]; alsoNot?: string[]; notDuring?: string[]; refusedBefore?: string[]; refusedAfter?: string[] };
  qualifiers: Record<'serious' | 'rare' | 'reduced' | 'minor', string[]>;
  adverseEffect: {
    severity: { mild?: string[]; severe?: string[] };
    frequency: { rare?: string[]; common?: string[] };
  };
  noise?: string[];
  /** Headings of sections of citations or links ("References", "Siehe auch"). */
  citationHeadings?: string[];
  /** Abbreviations after which a full stop does not end a sentence ("Dott.", "z. B.", "e.g."). */
  abbreviations?: string[];
}

export type Qualifier = keyof VocabFile['qualifiers'];

/** A language, compiled once: every lexicon is a ready regular expression. */
export interface LanguagePack {
  language: string;
  name: string;
  window: number;
  stopwords: Set<string>;
  numbers: Map<string, number>;
  /** Source of a regex matching one number: digits or a number word. */
  numberSource: string;
  /** Source of a regex matching a number or a range, with groups a, b, b2, b3 (see quantity.ts: `secondNumber`). */
  rangeSource: string;
  /** Source of a regex matching a unit word (mm, millimetri, …). */
  unitsSource: string;
  /** Source of a regex matching what joins the two ends of a range: a dash, a slash or a word ("a", "to", "oder"). */
  rangeJoinSource: string;
  re: {
    min: RegExp;
    max: RegExp;
    minAfter: RegExp;
    maxAfter: RegExp;
    /** Matches an optional article at the end of a text ("oltre i" → " i"). */
    articleTail: RegExp;
    approximate: RegExp;
    price: RegExp;
    single: RegExp;
    /** Ends with a word that makes a count a point in time ("dopo", "after"). */
    elapsedTail: RegExp;
    /** Ends with "between" ("tra", "between"): a single number after it is a gap, not a course. */
    betweenTail: RegExp;
    /** Words that make a count an addition ("more", "in più"): quantity.additional, anywhere. */
    additional: RegExp;
    /** The same, ending a text ("another", "altre") and opening one ("de plus", "in più"). */
    additionalTail: RegExp;
    additionalHead: RegExp;
    /** Words that ask for a count ("how many", "quante"). */
    howMany: RegExp;
    /** A distributive word ("per", "a", "pro"): "30 minuti per seduta" counts minutes, not sessions. */
    per: RegExp;
    mm: RegExp;
    /** Units of time ("mins", "Stunden"). */
    timeUnit: RegExp;
    quantityMm: RegExp;
    /** A figure in centimetres (units.cm), read in millimetres; never matches without units.cm. */
    quantityCm: RegExp;
    /** Spacing words (quantity.apart) opening a text, a word in at most, and ending one. */
    apartHead: RegExp;
    apartTail: RegExp;
    maintenance: RegExp;
    /** Words right before a rate that make it another thing's ('photos taken'): frequency.ofOther. */
    rateOfOther: RegExp;
    negBefore: RegExp;
    negAfter: RegExp;
    pseudo: RegExp;
    /** Negated predicates about one thing ("is not a"): see the vocabulary schema. */
    ofOne: RegExp;
    /** Negations that mean "lacking" ("senza", "privo di"): see the vocabulary schema. */
    privative: RegExp;
    /** A denial that is the whole value after a label's colon (context.negation.value). */
    negValue: RegExp;
    hedge: RegExp;
    hypothetical: RegExp;
    reported: RegExp;
    /** The words that open an elided count ('ne ho fatte'): quantity.elidedCount, before "{n}". */
    elidedCount: RegExp;
    /** A verb of claiming right after a quotation ('", garante'): context.reportedAfter. */
    reportedAfter: RegExp;
    /** Words after which the rest of the clause is not the page's claim (see the vocabulary schema). */
    hearsay: RegExp;
    historical: RegExp;
    /** Telling the reader to seek care ("contact us"): a hypothetical effect is then a warning sign. */
    seekCare: RegExp;
    /** Words by which a sentence introduces the list after it ('the following', 'suivantes'): context.listIntro. */
    listIntro: RegExp;
    /** Words that open a sentence about what the heading above names ('Ils sont', 'Sono'): context.referBack. */
    referBack: RegExp;
    /** A label that opens an answer ('Antwort:', 'R :'): context.answerLabel. */
    answerLabel: RegExp;
    /** Words before what a treatment is for, in a title ('for', 'para'): context.treats. */
    treats: RegExp;
    /** Telling the doctor ('tell your doctor', 'dire al medico'): a condition after it is to be told, not refused: context.tellDoctor. */
    tellDoctor: RegExp;
    /** What this treatment is offered instead of ('an alternative to', 'instead of'): context.alternativeTo. */
    alternativeTo: RegExp;
    /** What this treatment is given with ('combined with', 'da abbinare a'): context.combinedWith. */
    combinedWith: RegExp;
    /** Comparatives before this treatment's name ('more … than'): context.comparedTo. */
    comparedTo: RegExp;
    /** A first person saying what they are or have ('je ne suis pas'): context.declaration. */
    declaration: RegExp;
    /** What this treatment is given after ('after a', 'nach'): context.givenAfter. */
    givenAfter: RegExp;
    /** Relative pronouns ('which', 'che'): context.relative. */
    relativePronoun: RegExp;
    /** A verdict that opens an answer and denies the statement before it ("Faux.", "Myth:"), anchored at the start. */
    refutation: RegExp;
    /** A verdict that agrees, opening a sentence ('Vrai.'): context.confirmation. */
    confirmation: RegExp;
    /** A sentence this opens sets out a myth (context.mythLabel, numbered or before a colon). */
    mythLabel: RegExp;
    exception: RegExp;
    advice: RegExp;
    terminators: RegExp;
    ciCues: RegExp;
    /** A question asking whether one may have the treatment ("can I", "¿puedo…?"). */
    askPermission: RegExp;
    /** A condition said to be no obstacle ("not a problem for diabetics"). */
    noObstacle: RegExp;
    /** A sentence opening that continues the list of the sentence before ("Tampoco…", "Nor…"), anchored at the start. */
    alsoNot: RegExp;
    /** After a negation, before a condition: a refusal ('non in gravidanza'): contraindication.notDuring. */
    notDuring: RegExp;
    /** Pointing back at the conditions before it ('en esos casos'), then a negation: contraindication.refusedBefore. */
    refusedBefore: RegExp;
    /** A refusal after the condition it refuses ('in allattamento non si fa'): contraindication.refusedAfter. */
    refusedAfter: RegExp;
    /** An answer that opens with a bare denial ("No.", "Non,", "Nein –"), anchored at the start. */
    answerNo: RegExp;
    /** An answer that opens with a bare yes ("Yes.", "Sì,"), anchored at the start. */
    answerYes: RegExp;
    /** An answer that opens with a yes of degree ("A little.", "Un peu."), anchored at the start: only an effect's. */
    answerSome: RegExp;
    /** A bare denial closing a sentence ("Anche in gravidanza ovviamente no."), anchored at the end. */
    denialAtEnd: RegExp;
    absolute: RegExp;
    relative: RegExp;
    /** A sentence opened by a strength word and a colon, a label over a list ("*Assolute:* gravidanza; …", "Relative contraindications: …"). */
    strengthLabel: RegExp;
    aeMild: RegExp;
    aeSevere: RegExp;
    aeRare: RegExp;
    aeCommon: RegExp;
    noise: RegExp;
    /** A heading that opens a section of citations or links, whole (anchored). */
    citationHeading: RegExp;
  };
  qualifiers: Record<Qualifier, RegExp>;
  frequencyFixed: Array<{ interval: string; re: RegExp }>;
  frequencyEvery: Array<{ unit: 'D' | 'W' | 'M'; re: RegExp }>;
  /** Rates: "2 sedute a settimana". */
  frequencyTimes: Array<{ unit: 'D' | 'W' | 'M' | 'Y'; re: RegExp }>;
  /** Counts whose session word is left out: "ne ho fatte 6" (quantity.elidedCount). */
  elidedCounts: RegExp[];
  /** Prefilter over every frequency phrase: keys "fixed:i", "every:i", "times:i". */
  frequencyIndex: TermIndex<string>;
  /** A unit word anywhere (no word boundary on the left: "4mm"): gate for millimetre quantities. */
  unitGate: RegExp;
  /** A centimetre word anywhere: gate for centimetre quantities. */
  cmGate: RegExp;
  /** Full stops that do not end a sentence: the language's abbreviations (src/parse/abbreviations.ts). */
  abbreviations: RegExp;
}

export function compileVocab(v: VocabFile): LanguagePack {
  const words = Object.keys(v.numbers).sort((a, b) => b.length - a.length);
  const wordSource = words.length ? `(?:${alternation(words)})` : '(?!)';
  // A vulgar fraction is a number too, alone or after a whole one: "½ bis 4 mm", "1½ mm".
  const numberSource = `(?:\\d*[½¼¾]|\\d+(?:[.,]\\d+)?(?![\\d½¼¾])|${wordSource})`;
  // An article may follow a range word: "tra le 4 e le 6 sedute", "entre los 4 y los 6".
  const article = v.quantity.articles?.length ? `(?:(?:${alternation(v.quantity.articles)})\\s*)?` : '';
  // A figure may be spelt out after it, as contracts and letters do: "n. 6 (sei) sedute".
  const spelt = `(?:\\s*\\([\\p{L}\\s]{2,24}\\))?`;
  const rangeSource =
    `(?:(?:${alternation(v.quantity.rangeStart)})\\s+${article})?(?<a>${numberSource})${spelt}` +
    // "8÷10": a division sign between figures is a range in Italian technical writing. A list
    // closed by "or" is one too, from its first figure to its last: "4, 6 oder 13 mm" (figures in
    // the list, not number words, whose alternation every quantity pattern already holds three
    // times; and not after a year: "In 2019, 4 or 5 sessions"). A hyphen may hang on the first
    // figure, its unit given once after the second: "27- to 30-gauge", "2- bis 3-mal".
    `(?:\\s*[-/÷]\\s*(?<b>${numberSource})${spelt}|(?:(?<!\\d{4})\\s*,\\s*\\d+(?:[.,]\\d+)?(?!\\d)){0,3}(?:-(?=\\s))?\\s+(?:${alternation(v.quantity.rangeJoin)})\\s+${article}(?<b2>${numberSource})${spelt}` +
    // Spoken, two number words in a row are a range: "dieci dodici sedute", "eight, ten sessions"
    // (only after a number word: the look-behind fails at once after a figure).
    `|(?<=\\p{L}),?\\s+(?<b3>${wordSource}))?`;
  // Units follow digits directly ("4mm"), so no word boundary on their left.
  const mmSource = v.units.mm.map((t) => `(?:${termSource(t, { leftBoundary: false })})`).join('|');
  const cmSource = (v.units.cm ?? []).map((t) => `(?:${termSource(t, { leftBoundary: false })})`).join('|');
  const c = v.context;
  return {
    language: v.language,
    name: v.name,
    window: c.window,
    stopwords: new Set(v.stopwords.map((s) => s.toLowerCase())),
    numbers: new Map(Object.entries(v.numbers).map(([k, n]) => [k.toLowerCase(), n])),
    numberSource,
    rangeSource,
    unitsSource: mmSource,
    rangeJoinSource: `(?:[-–/÷]|${alternation(v.quantity.rangeJoin)})`,
    abbreviations: abbreviationPattern(v.abbreviations ?? []),
    re: {
      min: compileTerms(v.quantity.min),
      max: compileTerms(v.quantity.max),
      minAfter: new RegExp(`^\\s*(?:${alternation(v.quantity.minAfter ?? [])})`, 'u'),
      maxAfter: new RegExp(`^\\s*(?:${alternation(v.quantity.maxAfter ?? [])})`, 'u'),
      articleTail: new RegExp(`\\s(?:${alternation(v.quantity.articles ?? [])})\\s*$`, 'u'),
      approximate: compileTerms(v.quantity.approximate),
      price: compileTerms(v.quantity.price ?? []),
      single: compileTerms(v.quantity.single ?? []),
      elapsedTail: new RegExp(`(?:${alternation(v.quantity.elapsed ?? [])})\\s*$`, 'u'),
      betweenTail: new RegExp(`(?:${alternation(v.quantity.between ?? [])})\\s*$`, 'u'),
      additional: compileTerms(v.quantity.additional ?? []),
      additionalTail: v.quantity.additional?.length ? new RegExp(`(?<!${WORD_CHAR})(?:${alternation(v.quantity.additional)})\\s*$`, 'u') : /(?!)/u,
      additionalHead: v.quantity.additional?.length ? new RegExp(`^\\s*(?:${alternation(v.quantity.additional)})(?!${WORD_CHAR})`, 'u') : /(?!)/u,
      howMany: compileTerms(v.quantity.howMany ?? []),
      per: compileTerms(v.quantity.per ?? []),
      mm: compileTerms(v.units.mm),
      timeUnit: compileTerms(v.units.time ?? []),
      quantityMm: new RegExp(`${rangeSource}(?:\\s*-)?\\s*(?:${mmSource})(?!${WORD_CHAR})`, 'dgu'),
      quantityCm: cmSource ? new RegExp(`${rangeSource}(?:\\s*-)?\\s*(?:${cmSource})(?!${WORD_CHAR})`, 'dgu') : /(?!)/dgu,
      apartHead: v.quantity.apart?.length ? new RegExp(`^\\s*(?:${WORD_CHAR}+\\s+)?(?:${alternation(v.quantity.apart)})(?!${WORD_CHAR})`, 'u') : /(?!)/u,
      apartTail: v.quantity.apart?.length ? new RegExp(`(?<!${WORD_CHAR})(?:${alternation(v.quantity.apart)})(?:\\s+${WORD_CHAR}+)?\\s*$`, 'u') : /(?!)/u,
      maintenance: compileTerms(v.frequency.maintenance),
      rateOfOther: compileTerms(v.frequency.ofOther ?? []),
      negBefore: compileTerms(c.negation.before),
      negAfter: compileTerms(c.negation.after),
      pseudo: compileTerms(c.negation.pseudo),
      ofOne: compileTerms(c.negation.ofOne ?? []),
      privative: compileTerms(c.negation.privative ?? []),
      negValue: compileTerms(c.negation.value ?? []),
      hedge: compileTerms(c.hedge),
      hypothetical: compileTerms(c.hypothetical),
      reported: compileTerms(c.reported ?? []),
      // The words before "{n}" in the elided counts: most sentences have none, and skip their patterns.
      elidedCount: compileTerms((v.quantity.elidedCount ?? []).map((pattern) => pattern.split('{n}')[0].trim()).filter(Boolean)),
      reportedAfter: new RegExp(`^[\\s,.;:!?\u2014\u2013-]*(?:${compileTerms(c.reportedAfter ?? []).source})`, 'u'),
      hearsay: compileTerms(c.hearsay ?? []),
      historical: compileTerms(c.historical ?? []),
      seekCare: compileTerms(c.seekCare ?? []),
      listIntro: compileTerms(c.listIntro ?? []),
      referBack: new RegExp(`^\\s*(?:${compileTerms(c.referBack ?? []).source})`, 'u'),
      answerLabel: new RegExp(`^\\s*(?:${compileTerms(c.answerLabel ?? []).source})`, 'u'),
      treats: compileTerms(c.treats ?? []),
      tellDoctor: compileTerms(c.tellDoctor ?? []),
      alternativeTo: compileTerms(c.alternativeTo ?? []),
      combinedWith: compileTerms(c.combinedWith ?? []),
      relativePronoun: compileTerms(c.relative ?? []),
      givenAfter: compileTerms(c.givenAfter ?? []),
      declaration: compileTerms(c.declaration ?? []),
      comparedTo: compileTerms(c.comparedTo ?? []),
      // A numbered verdict too: "Irrtum 6:", "Mito n. 3 –".
      // (Or closing its text: "## «La mesoterapia elimina la cellulite per sempre» – FALSO".)
      refutation: new RegExp(`^\\s*(?:${compileTerms(c.refutation ?? []).source})(?:\\s*(?:n[.°º]?|no\\.|nr\\.|#)?\\s*\\d{1,2})?\\s*(?:[.!:,;\u2013\u2014-]|\\s*$)`, 'u'),
      confirmation: new RegExp(`^\\s*(?:${compileTerms(c.confirmation ?? []).source})\\s*[.!:,;\u2013\u2014-]`, 'u'),
      // Numbered ("Mito numero due", "Myth #3:"), or a colon then the myth itself, a clause of three
      // words or more ("Myth: mesotherapy flushes toxins out of the fat."). A bare "Myth." or "Myth:"
      // may be the verdict on the statement before it (context.refutation), and "Myths and facts" is a title.
      mythLabel: new RegExp(
        `^\\s*(?:${compileTerms(c.mythLabel ?? []).source})(?:\\s*(?:n[.°º]?|no\\.|nr\\.|#)?\\s*(?:\\d{1,2}|${wordSource})(?![\\p{L}\\p{N}])|\\s*:\\s*(?:[\\p{L}\\p{N}'’-]+\\s+){2,}[\\p{L}\\p{N}])`,
        'u',
      ),
      exception: compileTerms(c.exception),
      advice: compileTerms(c.advice),
      terminators: compileTerms(c.terminators),
      ciCues: compileTerms(v.contraindication.cues),
      askPermission: compileTerms(v.contraindication.askPermission ?? []),
      noObstacle: compileTerms(v.contraindication.noObstacle ?? []),
      alsoNot: sentenceOpening(v.contraindication.alsoNot ?? []),
      refusedBefore: compileTerms(v.contraindication.refusedBefore ?? []),
      refusedAfter: compileTerms(v.contraindication.refusedAfter ?? []),
      notDuring: new RegExp(`^\\s*(?:${compileTerms(v.contraindication.notDuring ?? []).source})`, 'u'),
      answerYes: answerOpening(c.affirmation ?? []),
      answerSome: answerOpening(c.affirmationOfDegree ?? []),
      denialAtEnd: new RegExp(`(?:^|[\\s,:;\u2013\u2014-])(?:${compileTerms(c.negation.answer ?? []).source})[\\s.!]*$`, 'u'),
      answerNo: answerOpening(c.negation.answer ?? []),
      absolute: compileTerms(v.contraindication.absolute),
      relative: compileTerms(v.contraindication.relative),
      strengthLabel: new RegExp(`^[^\\p{L}\\p{N}]*(?:${compileTerms([...v.contraindication.absolute, ...v.contraindication.relative]).source})(?:\\s+\\p{L}+)?[\\s*_]*(?:\\([^()]{0,60}\\)[\\s*_]*)?:`, 'u'),
      aeMild: compileTerms(v.adverseEffect.severity.mild ?? []),
      aeSevere: compileTerms(v.adverseEffect.severity.severe ?? []),
      aeRare: compileTerms(v.adverseEffect.frequency.rare ?? []),
      aeCommon: compileTerms(v.adverseEffect.frequency.common ?? []),
      noise: compileTerms(v.noise ?? []),
      citationHeading: new RegExp(`^[\\s#*_]*(?:${compileTerms(v.citationHeadings ?? []).source})[\\s:*_]*$`, 'u'),
    },
    qualifiers: {
      serious: compileTerms(v.qualifiers.serious),
      rare: compileTerms(v.qualifiers.rare),
      reduced: compileTerms(v.qualifiers.reduced),
      minor: compileTerms(v.qualifiers.minor),
    },
    frequencyFixed: v.frequency.fixed.map((f) => ({ interval: f.interval, re: compileTerms(f.terms) })),
    frequencyIndex: frequencyIndex(v),
    unitGate: new RegExp(mmSource, 'u'),
    cmGate: cmSource ? new RegExp(cmSource, 'u') : /(?!)/u,
    frequencyEvery: v.frequency.every.map((f) => ({ unit: f.unit, re: patternWithNumber(f.pattern, rangeSource) })),
    frequencyTimes: (v.frequency.times ?? []).map((f) => ({ unit: f.unit, re: patternWithNumber(f.pattern, rangeSource) })),
    elidedCounts: (v.quantity.elidedCount ?? []).map((pattern) => patternWithNumber(pattern, rangeSource)),
  };
}

function frequencyIndex(v: VocabFile): TermIndex<string> {
  const index = new TermIndex<string>();
  v.frequency.fixed.forEach((f, i) => f.terms.forEach((t) => index.add(`fixed:${i}`, t)));
  // A pattern is indexed by its literal words before "{n}", or after it when it opens with the number
  // (past a hyphen that joins a word to the number: "{n}-week intervals" by "week intervals"; a
  // term that opens with punctuation would make every sentence a candidate).
  const literal = (pattern: string) => {
    const [before, after] = pattern.split('{n}');
    return before.trim() || after.trim().replace(/^[-\u2010-\u2015\u2212]+\s*/u, '');
  };
  v.frequency.every.forEach((f, i) => index.add(`every:${i}`, literal(f.pattern)));
  (v.frequency.times ?? []).forEach((f, i) => index.add(`times:${i}`, literal(f.pattern)));
  return index;
}

/** An answer that opens with one of these words, closed by punctuation, the end, or an emoji ("No.", "Sì,", "Pochissimo 😊"), not by a quotation mark. */
function answerOpening(terms: readonly string[]): RegExp {
  // A few words and a comma (or a colon) may come first: "Honestly, yes, a little.", "In the right
  // hands, yes.", "Als je zwanger bent: nee." (the words are the answer's, not a list: at most
  // four, no clause mark between).
  // (An interview's dash may open it: "—Sí, es segura si la hace un médico", or its quotation
  // mark: "“Bijna nie. Ge voelt een prikske.”")
  return new RegExp(`^[\\s\u201c\u201e\u00ab"-]*(?:[^\\s,.;:?!]+(?:\\s+[^\\s,.;:?!]+){0,3}\\s*[,:]\\s*)?(?:${compileTerms(terms).source})\\s*(?:[.!,;:\u2013\u2014-]|$|[^\\s\\p{L}\\p{N}"'«»“”„])`, 'u');
}

/** A sentence that opens with one of these words, after any bullet, emoji or mark ("⚠️ Tampoco durante…"). */
function sentenceOpening(terms: readonly string[]): RegExp {
  return terms.length ? new RegExp(`^[^\\p{L}\\p{N}]*(?:${compileTerms(terms).source})`, 'u') : /(?!)/;
}

/** A term with "{n}" standing for a number or range ("ogni {n} giorni"). */
function patternWithNumber(pattern: string, rangeSource: string): RegExp {
  const [before, after] = pattern.split('{n}');
  // A word written against the number ("{n}x/week": "2x/week") may follow it without a space.
  const glued = after !== '' && !/^\s/.test(after);
  const tail = after.trim() ? (glued ? `\\s*${termSource(after, { leftBoundary: false })}` : `\\s+${termSource(after)}`) : '';
  const src = `${before.trim() ? `${termSource(before)}\\s+` : ''}${rangeSource}${tail}`;
  return new RegExp(src, 'dgu');
}

const COMPILED_FIELDS = ['window', 'numbers', 'numberSource', 'rangeSource', 'unitsSource', 're', 'qualifiers', 'frequencyFixed', 'frequencyEvery', 'frequencyTimes', 'elidedCounts', 'frequencyIndex', 'unitGate', 'cmGate', 'abbreviations', 'rangeJoinSource'] as const;
// Every field of a LanguagePack is either made up front (lazyPack) or listed above: a new field
// left out of the list would be undefined at run time, so the compiler refuses it.
type NotCompiled = Exclude<keyof LanguagePack, (typeof COMPILED_FIELDS)[number] | 'language' | 'name' | 'stopwords'>;
const everyFieldCompiled: [NotCompiled] extends [never] ? true : NotCompiled = true;
void everyFieldCompiled;

/**
 * A language whose regular expressions are compiled on first use: a run over Italian
 * pages compiles only Italian. Language detection needs only the stopwords.
 */
function lazyPack(v: VocabFile): LanguagePack {
  let compiled: LanguagePack | undefined;
  const pack = { language: v.language, name: v.name, stopwords: new Set(v.stopwords.map((s) => s.toLowerCase())) } as LanguagePack;
  for (const key of COMPILED_FIELDS) {
    Object.defineProperty(pack, key, { enumerable: true, get: () => (compiled ??= compileVocab(v))[key] });
  }
  return pack;
}

/** Loads and validates every vocab/<lang>.yaml; an invalid file stops the run (ConfigError). */
export function loadLanguages(dir = VOCAB_DIR): Map<string, LanguagePack> {
  const packs = new Map<string, LanguagePack>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = join(dir, name);
    const data = loadYamlCached<VocabFile>(file, readFileSync(file, 'utf8'), 'vocab');
    packs.set(data.language, lazyPack(data));
  }
  return packs;
}

/** Guesses a page's language from its function words; undefined when too few are seen. */
export function detectLanguage(text: string, packs: Map<string, LanguagePack>): string | undefined {
  return guessLanguage(text, packs).language;
}

export interface LanguageGuess {
  /** The language with the most function words, when more than two are seen. */
  language: string | undefined;
  /** The share of the text's words that are function words of its best language (0 to 1). */
  share: number;
}

/** detectLanguage, with how sure the guess is (src/source/language-id.ts looks again at weak ones). */
export function guessLanguage(text: string, packs: Map<string, LanguagePack>): LanguageGuess {
  const counts = new Map<string, number>();
  let words = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    words++;
    for (const [lang, pack] of packs) if (pack.stopwords.has(word)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 2;
  let most = 0;
  for (const [lang, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    most = Math.max(most, n);
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  return { language: best, share: words ? most / words : 0 };
}

