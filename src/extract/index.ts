import { detached } from '../util/strings.js';
import { DECORATION, normalizeChars, undoShifts } from '../parse/normalize.js';
import type { AdverseEffectValue, Claim, Sentence, SourceDocument } from '../types.js';
import type { Reference } from '../reference/load.js';
import type { LanguagePack } from '../vocab/load.js';
import { LineIndex } from '../util/positions.js';
import { contentId, stableStringify } from '../util/hash.js';
import { SentenceContext } from './context.js';
import { extractNeedle, hasGaugeLetter } from './needle.js';
import { extractSessionCount, extractSessionFrequency, findFrequencies, type FrequencyHit } from './sessions.js';
import { extractAnswers, extractConcepts, leadingClause, opensWithAnswerLabel } from './concepts.js';
import { findAll, foldCase, test, type Span } from './terms.js';
import { plainWords, wordsOf } from './term-index.js';
import { cachedRegex, conceptIndex } from './cache.js';
import type { Extractor, RawClaim } from './types.js';

/** The extractors, one module per family of claim kinds. */
export const EXTRACTORS: ReadonlyArray<{ name: string; run: Extractor }> = [
  { name: 'needle', run: extractNeedle },
  { name: 'sessions.count', run: extractSessionCount },
  { name: 'sessions.frequency', run: extractSessionFrequency },
  { name: 'concepts', run: extractConcepts },
  { name: 'answers', run: extractAnswers },
];

/**
 * A sentence that asks: it asserts nothing itself, and leads in its answer. Looked at from its
 * end ("/\?\s*$/" tries every position of a long sentence, and this is asked of most of them).
 */
function asks(s: string): boolean {
  let k = s.length - 1;
  for (;;) {
    while (k >= 0 && /\s/.test(s[k])) k--;
    if (k < 0) return false;
    // An emoji or symbol after the mark is decoration: "QUEM NÃO PODE FAZER? 🚫"; a closing quote closes it.
    const mark = k > 0 && s.charCodeAt(k) >= 0xdc00 && s.charCodeAt(k) <= 0xdfff ? s.slice(k - 1, k + 1) : s[k];
    if (!TRAILING_SYMBOL.test(mark)) return s[k] === '?';
    k -= mark.length;
  }
}

/**
 * One emoji or symbol (with its variation selector or joiner), as decoration may follow a question;
 * or a closing quotation mark or emphasis, as a quoted question ends: "“… já na primeira sessão?”".
 */
const TRAILING_SYMBOL = new RegExp(`^[${DECORATION}”»"’*_]$`, 'u');

/** A run-in label: a paragraph's first sentence closed by a full stop or a colon. */
const RUN_IN_LABEL = /[.:]\s*$/;
const RUN_IN_WORDS = 3;
/** A line that opens with a label of its own: "Face: 1–2 mm", "Body: up to 6 mm". */
const SUB_LABEL = /^[^\p{L}\p{N}]*\p{L}[\p{L}\s-]{0,24}:/u;
/** A short label, its colon, then a figure: "Face: 3 a 5.", "Couro cabeludo: 6–10." */
const LABELLED_FIGURE = /^[^\p{L}\p{N}]*\p{L}[\p{L}\s-]{0,24}:\s*\d/u;
/** A text wholly in quotation marks, after any numbering: "3. «Non ha effetti collaterali»". */
const QUOTED_WHOLE = /^[\s\d.)#*-]*["“«„‘'][^"“”«»„]+["”»“’']\s*[.!?]?\s*$/u;
/** A line that opens with a speaker's name and a colon ("Segreteria Valverde: …", "DR MARSH: …"). */
const SPEAKER = /^[^\s,.;:?!]+(?:\s+[^\s,.;:?!]+){0,3}\s*:\s/u;
/** A verdict and its colon, then a quotation: "Myth: “…”". */
const QUOTE_AFTER_VERDICT = /^[^:"“”«»„]{1,30}:\s*["“«„‘']/u;
/** Up to this many words, a sentence after a question may be its answer alone ("Son poco frecuentes.", "Ninguno importante."). */
const SHORT_ANSWER_WORDS = 8;
/** Up to this many words, a question that names conditions is refused by an answer that opens with a cue ("Heb je diabetes, een hartaandoening of gebruik je bloedverdunners?"). */
const CONDITION_QUESTION_WORDS = 12;
/** Up to this many sentences, a paragraph with a question in it may be the question the next paragraph answers. */
const QUESTION_PARAGRAPH_SENTENCES = 4;
/** How long the opening clause of a sentence that refers back to its heading may be: "Ils sont peu fréquents et le plus souvent bénins". */
const REFER_BACK_WORDS = 10;

/** How many words may stand between a title's "for" and the effect it names: "for acne scars", "per le cicatrici". */
const TREATS_WORDS = 2;

/**
 * The adverse effects a page is about treating: named in its title, or its first heading, after a
 * word that says what the treatment is for ("Mesoterapia para cicatrices de acné", "Mesotherapy
 * for scars"). On that page the word names the condition treated, not a harm of the treatment.
 */
function treatedEffects(doc: SourceDocument, sentences: Sentence[], lang: LanguagePack, ref: Reference): Set<string> {
  const out = new Set<string>();
  const heading = sentences.find((s) => s.blockType === 'heading');
  for (const title of [doc.meta.title ? foldCase(normalizeChars(doc.meta.title)) : '', heading ? heading.folded : '']) {
    const treats = title === '' ? [] : findAll(lang.re.treats, title);
    if (treats.length === 0) continue;
    for (const concept of ref.concepts.values()) {
      if (concept.kind !== 'adverse-effect' || !concept.terms[lang.language] || out.has(concept.id)) continue;
      for (const h of findAll(ref.matcher(lang.language, concept.id), title))
        if (treats.some((t) => t.end <= h.start && wordsOf(title.slice(t.end, h.start)).length <= TREATS_WORDS)) out.add(concept.id);
    }
  }
  return out;
}

/**
 * Runs every extractor on every sentence and places the claims in the file.
 * A sentence that occurs again word for word (a paragraph scraped twice)
 * yields its claims once, with the other places listed as occurrences.
 */
export function extractClaims(doc: SourceDocument, sentences: Sentence[], pageLang: LanguagePack, ref: Reference, languages?: Map<string, LanguagePack>): Claim[] {
  const lang = pageLang;
  const lines = new LineIndex(doc.text);
  const byKey = new Map<string, Claim>();
  const byBlock = new Map<number, Sentence[]>();
  for (const s of sentences) {
    const list = byBlock.get(s.block);
    if (list) list.push(s);
    else byBlock.set(s.block, [s]);
  }
  const scope = ref.scope && new ScopeTracker(ref, lang, byBlock, pageTitles(doc, sentences));
  const treated = treatedEffects(doc, sentences, lang, ref);
  /** Claims read from a question answered no, with the block of its answer (see `refusedAsk`). */
  const fromQuestions = new Map<Claim, number>();
  // Under a "References" or "See also" heading, up to the next heading: citations and links.
  let citations = false;
  // The last heading's text: the section a table is in.
  let sectionTitle = '';
  // A line that is only a topic label ("Contraindicações" in text copied without markup) leads in
  // the list items after it, whatever list Markdown puts them in.
  let lineLabel = '';
  let lineLabelBlock = -1;
  // The last sentence that made a contraindication claim: a sentence right after it may continue
  // its list ("Tampoco durante la lactancia", "Nor while breastfeeding").
  let contraindicationAt = -1;
  // The last sentence a strength label opened, and the sentence that leads its list in.
  const labelled = { at: -1, block: -1, leadIn: '' };
  // The question the current paragraph's first sentence answers.
  const answering = { block: -1, question: '' };
  // The last sentence a run-in label in the sentence before it headed, and that label.
  const runIn = { at: -1, label: '' };
  // The last line a colon-closed sentence led in, and that sentence.
  const colonLed = { at: -1, lead: '' };
  // Each paragraph's question heading (sectionQuestion), worked out once for its sentences.
  const sections = new Map<number, string>();
  // The language of each paragraph: the page's, unless a passage is plainly in another one.
  const blockLanguages = new Map<number, LanguagePack>();
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i];
    const own = sentence.folded;
    const lang = languages ? blockLanguageOf(sentence.block, blockLanguages, byBlock, pageLang, languages) : pageLang;
    const index = conceptIndex(ref, lang.language);
    if (sentence.blockType === 'heading' && (i === 0 || sentences[i - 1].block !== sentence.block)) {
      citations = lang.re.citationHeading.test(blockText(byBlock, sentence.block));
      sectionTitle = blockText(byBlock, sentence.block);
    }
    if (citations) continue;
    if (sentence.blockType !== 'listItem') lineLabel = '';
    const ownWords = wordsOf(own);
    // (A question is a FAQ's, answered by the lines after it: see `asked`.)
    if (ownWords.length <= RUN_IN_WORDS && !asks(own) && isRunInLabel(`${own}:`, lang, ref, index)) {
      lineLabel = own;
      lineLabelBlock = sentence.block;
    }
    // About another treatment the page names beside this one: "## La carbossiterapia", "La
    // cryolipolyse, elle, détruit définitivement les cellules graisseuses", a "Cryolipolyse" column.
    if (scope?.elsewhere(sentence, i === 0 ? undefined : sentences[i - 1], () => i > 0 && doc.text.slice(sentences[i - 1].end, sentence.start).includes('\n'), () => isTitleLine(doc.text, sentence, byBlock))) continue;
    // A value cell is read after its label, as one phrase: "Agulha: 32 G, 4 mm", "N.º de sessões:
    // 4 a 6". Claims stay in the cell: what only the label says is no claim of it.
    const cellLabel = sentence.label ? `${sentence.label}: ` : '';
    const shift = cellLabel.length;
    const text = shift ? foldCase(cellLabel) + own : own;
    // Questions (FAQ headings) assert nothing, unless the answer after one that asks whether one
    // may have the treatment is a bare no ("¿Puedo hacerla si estoy embarazada?" "No."); page
    // furniture neither; nor a statement the next sentence opens by denying ("### « Elle fait
    // fondre la graisse. »" then "**Faux.** …").
    const asking = asks(text);
    // Or a short question that names a condition, answered by a sentence that opens with a
    // contraindication cue: "Zwanger of geef je borstvoeding? Dan wachten we met allebei."
    const refusedAsk =
      asking &&
      i + 1 < sentences.length &&
      ((lang.re.answerNo.test(sentences[i + 1].folded) && test(lang.re.askPermission, text)) ||
        (ownWords.length <= CONDITION_QUESTION_WORDS && !lang.re.answerYes.test(sentences[i + 1].folded) && opensWithCue(sentences[i + 1].folded, lang)));
    // A question in a list or table whose lead-in rules the treatment out is a checklist item:
    // "Il trattamento NON può essere eseguito se il paziente risponde SÌ:" over "Sta allattando?".
    const checklist = asking && sentence.leadIn !== undefined && isChecklist(blockText(byBlock, sentence.leadIn), lang, ref);
    if (asking && !refusedAsk && !checklist) continue;
    // Page furniture ("cookie", "newsletter", "Prenota ora") silences its sentence, except for a
    // promise in a clause of its own: a call to action may carry one after a colon ("👉 Prenota
    // ora la tua consulenza: risultati visibili già dalla prima seduta!"); a newsletter's rate is
    // the newsletter's ("**Newsletter** – un articolo ogni due settimane").
    const noise = test(lang.re.noise, text) ? furnitureClauses(text, lang.re.noise) : [];
    if (noise.length === 1 && noise[0].start === 0 && noise[0].end === text.length) continue;
    // (A heading after it opens something else: "## Mito 3: «…»" refutes nothing before it.)
    if (i + 1 < sentences.length && sentences[i + 1].blockType !== 'heading' && lang.re.refutation.test(sentences[i + 1].folded)) continue;
    // A statement set out as someone else's: a heading wholly in quotation marks ("## 3. «Non ha
    // effetti collaterali»", a myths page), or one a verdict opens ("**Myth:** “It has no side effects.”").
    // So is one a numbered myth label opens, quoted or not ("Mito numero due: la mesoterapia disintossica").
    // (Not a quoted heading a verdict then agrees with: "### « Elle est sans danger … »" over "**Vrai.** …".)
    const confirmed = () => i + 1 < sentences.length && lang.re.confirmation.test(sentences[i + 1].folded);
    if ((sentence.blockType === 'heading' && QUOTED_WHOLE.test(own) && !confirmed()) || (lang.re.refutation.test(own) && QUOTE_AFTER_VERDICT.test(own)) || lang.re.mythLabel.test(own)) continue;
    // (Without their accents once, for both indexes: src/extract/term-index.ts.)
    const words = plainWords(shift ? wordsOf(text) : ownWords);
    const candidates = index.candidates(words);
    const frequencyCandidates = lang.frequencyIndex.candidates(words);
    const previous = i > 0 && sentences[i - 1].block === sentence.block ? sentences[i - 1].folded : '';
    // The heading right above a paragraph, for its first sentence ("## Contraindicações" over
    // "Gestantes, lactantes, ...").
    const above = sentence.blockType === 'paragraph' && sentence.block > 0 && previous === '' ? byBlock.get(sentence.block - 1) : undefined;
    const heading = above?.[0]?.blockType === 'heading' ? foldedText(above) : '';
    // The question a short sentence answers, in its paragraph or as the heading above it.
    // A short answer may open a longer sentence: "Ils sont rares : quelques petites papules…".
    // In a chat or an interview, the question may not end its speaker's turn: "Paziente: Fa male? Io
    // con gli aghi sono un disastro" answered on the next line by "Segreteria: Quasi niente".
    const turn = previous !== '' && !asks(previous) && i > 1 && sentences[i - 2].block === sentence.block && asks(sentences[i - 2].folded) && SPEAKER.test(own) && doc.text.slice(sentences[i - 1].end, sentence.start).includes('\n') ? sentences[i - 2].folded : '';
    // A FAQ or an interview without headings: the question a paragraph of its own ("**¿Es segura?**"),
    // the answer the next paragraph. The question's paragraph may open with who asks ("**Frage
    // von Uwe S. (47)**" over "Gibt es sonst Gegenanzeigen?"); under an answer's label, it may go
    // on after the question ("Ist das schmerzhaft? Ich habe richtig Angst vor Spritzen." over
    // "**Antwort:** Kaum."). (Otherwise a question with more after it was answered there.)
    const askedAbove =
      above === undefined || above.length > QUESTION_PARAGRAPH_SENTENCES || above[0].blockType !== 'paragraph'
        ? ''
        : asks(above[above.length - 1].folded)
          ? above[above.length - 1].folded
          : opensWithAnswerLabel(own, lang)
            ? (above.findLast((s) => asks(s.folded))?.folded ?? '')
            : '';
    let asked = asks(previous) ? previous : asks(heading) ? heading : askedAbove || turn;
    // Labelled values further on in a paragraph that answers a question answer it too: "▸ Quantas
    // aplicações são necessárias?" over "Varia conforme a área. Face: 3 a 5. Couro cabeludo: 6–10."
    // (Or a question in the paragraph, before its answer.)
    if (previous === '') Object.assign(answering, { block: sentence.block, question: asked });
    else if (asked === '') asked = answering.block === sentence.block && LABELLED_FIGURE.test(own) ? answering.question : '';
    else if (answering.block !== sentence.block || answering.question === '') Object.assign(answering, { block: sentence.block, question: asked });
    // The question a whole paragraph answers: "### How deep do the needles go?" over "About 1 mm on
    // the face. On the scalp, up to 3 mm."
    const section = sentence.blockType !== 'paragraph' || sentence.block === 0 ? '' : (sections.get(sentence.block) ?? sections.set(sentence.block, sectionQuestion(sentence.block, byBlock)).get(sentence.block)!);
    const short = asked !== '' && (words.length <= SHORT_ANSWER_WORDS || wordsOf(leadingClause(text)).length <= SHORT_ANSWER_WORDS);
    // A first sentence that opens by referring back to the heading above it answers it as it would
    // a question: "## Les effets indésirables" over "Ils sont peu fréquents et le plus souvent bénins".
    // (Or the question it follows asks: "**E os efeitos colaterais?**" then "São raros e leves, e
    // os listados acima costumam desaparecer"; the clause up to a comma counts.)
    const topic = asked || heading;
    const question = short ? asked : topic !== '' && lang.re.referBack.test(text) && wordsOf(leadingClause(text).split(',')[0]).length <= REFER_BACK_WORDS ? topic : '';
    // Most sentences of a page mention nothing the reference knows: nothing to extract. A short
    // answer may still say something, and a number after a question ("En general de 3 a 5.").
    // And a number in a table cell, whose column header may say what it counts ("N. sedute"), and
    // an answer that opens with yes or no ("Sí, en manos de un médico con experiencia.").
    if (
      candidates.size === 0 &&
      frequencyCandidates.size === 0 &&
      question === '' &&
      // (A number word too: "In genere da cinque a otto, dipende dal problema".)
      !((asked || (sentence.blockType === 'tableCell' && sentence.leadIn !== undefined)) && (/\d/.test(text) || (asked !== '' && cachedRegex(ref, `number:${lang.language}`, () => new RegExp(lang.numberSource, 'u')).test(text)))) &&
      !(asked && (lang.re.answerYes.test(text) || lang.re.answerNo.test(text) || lang.re.answerSome.test(text))) &&
      !(section && lang.unitGate.test(text)) &&
      // A figure under a run-in label in the sentence before ("2.2 DEPTH." over "Body: up to 6 mm.").
      !(previous !== '' && (runIn.at === i - 1 || RUN_IN_LABEL.test(previous)) && lang.unitGate.test(text)) &&
      // A gauge after a sentence about the needle: "… For the scalp we use a slightly sturdier 30G."
      !(previous !== '' && hasGaugeLetter(sentence.normalized)) &&
      // A count whose session word is left out, after a sentence about sessions: "Nei quadri acuti
      // ne bastano spesso 3-4."
      !(previous !== '' && test(lang.re.elidedCount, text) && test(ref.matcher(lang.language, 'session'), previous))
    )
      continue;
    const lineLead = sentence.blockType === 'listItem' && sentence.block !== lineLabelBlock ? lineLabel : '';
    const listLeadIn = [sentence.leadIn === undefined ? '' : blockText(byBlock, sentence.leadIn), lineLead].filter(Boolean).join(' ');
    // A question answered in the same paragraph leads its answer in, as a list's lead-in does
    // its items: "**Who should avoid it?** People with diabetes, those taking blood thinners".
    // So does a run-in label its paragraph: "**Contraindications.** Pregnancy and lactation.
    // Patients receiving anticoagulant therapy. …" (a first sentence of a few words, closed by "." or ":").
    const first = byBlock.get(sentence.block)?.[0];
    // (Or the sentence right before, a numbered document's: "2.1 NEEDLES." over "32G x 4 mm for the
    // face", and on to the lines it heads that open with labels of their own: "2.2 DEPTH." over
    // "Face: 1–2 mm." and "Body: up to 6 mm.")
    let label = first && first !== sentence && isRunInLabel(first.folded, lang, ref, index) ? first.folded : '';
    if (!label && previous !== '') {
      label = isRunInLabel(previous, lang, ref, index) ? previous : runIn.at === i - 1 && SUB_LABEL.test(own) ? runIn.label : '';
      if (label) Object.assign(runIn, { at: i, label });
    }
    // A list a strength label opens leads in from the sentence before, as does the next such list:
    // "Anamnesi e controindicazioni." over "*Assolute:* gravidanza; …" and "*Relative:* coagulopatie; …".
    // As paragraphs of their own, from the heading above the first: "### Contraindicaciones" over
    // "**Absolutas:** embarazo; …" and then "**Relativas:** diabetes descompensada; …".
    let strengthLead = '';
    if (lang.re.strengthLabel.test(text)) {
      if (previous !== '') strengthLead = labelled.at === i - 1 ? labelled.leadIn : previous;
      else if (heading !== '') strengthLead = heading;
      else if (labelled.block === sentence.block - 1) strengthLead = labelled.leadIn;
      if (strengthLead !== '') Object.assign(labelled, { at: i, block: sentence.block, leadIn: strengthLead });
    }
    // A table whose columns strength words head ("| Assolute | Relative |") lists its section's
    // contraindications: "## Controindicazioni" over it leads each cell in, with its column.
    const header = sentence.blockType === 'tableCell' && sentence.leadIn !== undefined ? blockText(byBlock, sentence.leadIn) : '';
    if (header !== '' && sectionTitle !== '' && (test(lang.re.absolute, header) || test(lang.re.relative, header))) strengthLead = `${sectionTitle} ${header}`;
    // So does a strength label set as a paragraph of its own over a list: "## Contraindicaciones",
    // then "**Absolutas:**" over "- Embarazo." (the label alone names no contraindication).
    else if (sentence.blockType === 'listItem' && strengthLead === '' && sectionTitle !== '' && listLeadIn !== '' && lang.re.strengthLabel.test(listLeadIn)) strengthLead = sectionTitle;
    // A sentence closed by a colon at the end of its line leads in the lines after it in its
    // paragraph, a list whose marks a converter dropped: "We will not carry out the treatment if
    // you:" over " are pregnant, … ⏎ take anticoagulant medicines …".
    // So it does each of those lines that is an item, not a sentence (no full stop closes it): a list
    // whose marks Markdown does not read ("We do not perform it for：" over "・pregnant women" and
    // "・people with bleeding tendency").
    const onNewLine = previous !== '' && sentences[i - 1].block === sentence.block && doc.text.slice(sentences[i - 1].end, sentence.start).includes('\n');
    // (So does a short title line that opens the paragraph, over lines no full stop closes: a
    // slide's "Who we don’t treat" over " Pregnancy" and " Anticoagulants (warfarin, DOACs)".)
    // (Not a line with a label and a value of its own: "Diabetes: no es contraindicación".)
    const titleLine = () => (i < 2 || sentences[i - 2].block !== sentence.block) && wordsOf(previous).length <= TITLE_LINE_WORDS && !/[.!?;,]\s*$/.test(previous) && !/[.!?]\s*$/.test(own) && !own.includes(':');
    const colonLead = label || !onNewLine ? '' : previous.endsWith(':') || titleLine() ? previous : colonLed.at === i - 1 && !/[.!?]\s*$/.test(own) ? colonLed.lead : '';
    if (colonLead) Object.assign(colonLed, { at: i, lead: colonLead });
    const leadIn = [listLeadIn, label || colonLead, asks(previous) ? previous : strengthLead].filter(Boolean).join(' ');
    const leadInTail =
      sentence.leadIn === undefined ? leadIn : [byBlock.get(sentence.leadIn)?.at(-1)?.folded ?? '', lineLead, label, asks(previous) ? previous : strengthLead].filter(Boolean).join(' ');
    const continuing = contraindicationAt === i - 1 ? lang.re.alsoNot.exec(text) : null;
    const context = new SentenceContext(text, lang);
    const memo = new Map<string, Span[]>();
    const hits = (id: string): Span[] => {
      let h = memo.get(id);
      if (!h) memo.set(id, (h = candidates.has(id) ? findAll(ref.matcher(lang.language, id), text) : []));
      return h;
    };
    let frequencies: readonly FrequencyHit[] | undefined;
    const input = {
      sentence,
      text,
      cased: cellLabel + sentence.normalized,
      leadIn,
      leadInTail,
      previous,
      question,
      asked,
      section,
      refusedAsk,
      continuesList: continuing ? continuing[0].length : 0,
      row: sentence.row ?? '',
      column: sentence.column ?? '',
      // A question set as a paragraph of its own heads the paragraph after it as a heading would
      // ("**Gibt es Gegenanzeigen?**" over "Ja: Gerinnungsstörungen, akute Hautinfektionen …").
      heading: heading || askedAbove,
      lang,
      ref,
      context,
      words,
      candidates,
      hits,
      frequencies: () => (frequencies ??= findFrequencies(text, lang, frequencyCandidates)),
    };
    const raw: RawClaim[] = [];
    // A bracketed aside right after another treatment's name is about that one: "shockwave
    // therapy (usually 3–5 sessions, weekly) and mesotherapy".
    // So is a clause that names another treatment, in a sentence that names this one too.
    let otherClauses: Span[] | undefined;
    const inOtherClause = (span: Span): boolean => (otherClauses ??= scope?.otherClauses(text) ?? []).some((c) => c.start <= span.start && span.end <= c.end);
    // A count of another treatment's sessions: the other treatment's name starts inside the
    // count, at its session word ("10 à 15 séances de kinésithérapie", "sedute di fisioterapia").
    let otherHits: Span[] | undefined;
    const countOfOther = (r: RawClaim): boolean =>
      !!ref.scope &&
      (r.kind === 'sessions.count' || r.kind === 'sessions.frequency') &&
      (otherHits ??= findAll(ref.matcher(lang.language, ref.scope.others), text)).some((h) => h.start > r.span.start && h.start < r.span.end);
    const asideOfOther = (span: Span): boolean => {
      if (!ref.scope) return false;
      const open = context.asideStart(span);
      if (open === undefined) return false;
      const before = text.slice(0, open).trimEnd();
      return findAll(ref.matcher(lang.language, ref.scope.others), before).some((m) => m.end === before.length);
    };
    // On a page about treating it, the condition is an adverse effect only beside side effects
    // ("Nebenwirkungen: … selten neue Narben"), in the sentence or what leads it in.
    let besideSideEffects: boolean | undefined;
    let reportedColumn: boolean | undefined;
    let crossed: boolean | undefined;
    let reportedLead: boolean | undefined;
    // What opens the sentence's line in the file, up to the sentence: a list's mark.
    const lineBefore = () => doc.text.slice(doc.text.lastIndexOf('\n', sentence.start - 1) + 1, sentence.start);
    const treatedHere = (r: RawClaim): boolean =>
      r.kind === 'adverse-effect' &&
      treated.has((r.value as AdverseEffectValue).effect) &&
      !(besideSideEffects ??= [text, leadIn, heading, section].some((t) => t !== '' && test(ref.matcher(lang.language, 'side-effects'), t)));
    for (const e of EXTRACTORS) {
      for (const r of e.run(input)) {
        // (Nor a figure inside a claim quoted as someone else's: "On lit que la mésothérapie
        // « élimine la cellulite en trois séances »".)
        // (Nor what the page says it said or did before: "in passato usavamo aghi da 6 mm". Not a
        // condition or an effect: "patients who have previously had radiotherapy" is a history.)
        if (context.hearsay(r.span) || (r.kind !== 'contraindication' && r.kind !== 'adverse-effect' && context.historical(r.span)) || context.reported(r.span) || asideOfOther(r.span) || inOtherClause(r.span) || countOfOther(r) || (noise.length > 0 && ((r.kind !== 'safety' && r.kind !== 'efficacy') || noise.some((c) => c.start < r.span.end && r.span.start < c.end))) || r.span.end <= shift || ((refusedAsk || checklist) && r.kind !== 'contraindication') || treatedHere(r)) continue;
        // A table column of slogans under a reporting word ("| Aussage | Häufigkeit |" over
        // "| „völlig schmerzlos“ | 64 von 120 |") states none of them.
        if ((r.kind === 'safety' || r.kind === 'efficacy') && (reportedColumn ??= header !== '' && test(lang.re.reported, header))) continue;
        // Nor do quoted phrases a reporting word leads in: "**À ne jamais dire** :" over "- « résultats
        // garantis », « fait fondre la graisse »". (A check mark approves its line: "NUNCA decir:" …
        // "SÍ decir:" over "✓ “Es un procedimiento médico seguro”".)
        if (leadIn !== '' && context.inQuotes(r.span) && (reportedLead ??= test(lang.re.reported, leadIn) && !CHECKED.test(lineBefore()))) continue;
        // Nor does a line a cross mark opens: what is not so, or not to be said ("cosa NON
        // promettere" over "✗ “Risultato garantito”"). (A crossed condition is still refused:
        // "Nicht geeignet bei: ✗ Schwangerschaft".)
        if ((r.kind === 'safety' || r.kind === 'efficacy') && (crossed ??= CROSSED.test(lineBefore()))) continue;
        if (r.kind === 'contraindication') contraindicationAt = i;
        // A claim read over label and value ("Sessões: 4 a 6") is placed on the value.
        raw.push(shift ? { ...r, span: { start: Math.max(r.span.start, shift) - shift, end: r.span.end - shift } } : r);
      }
    }
    for (const { claim: r, valueKey } of dedupeRaw(raw)) {
      // A span over a joined word ("Schwanger-\nschaft") ends on the file's characters.
      const start = sentence.start + fileOffset(sentence, r.span.start, false);
      const end = sentence.start + fileOffset(sentence, r.span.end, true);
      const key = `${r.kind}\u0000${valueKey}\u0000${own}\u0000${r.span.start}`;
      const position = lines.position(start, end);
      const existing = byKey.get(key);
      if (existing) {
        (existing.occurrences ??= []).push(position);
        continue;
      }
      const claim: Claim = {
        // valueKey is what contentId makes of r.value (its stable JSON), made once.
        id: contentId('c', doc.id, r.kind, valueKey, own.replace(/\s+/g, ' ').trim(), r.span.start),
        source: doc.id,
        path: doc.path,
        kind: r.kind,
        value: r.value,
        text: detached(doc.text.slice(start, end)),
        sentence: detached(doc.text.slice(sentence.start, sentence.end)),
        position,
        language: lang.language,
        modifiers: r.modifiers,
      };
      byKey.set(key, claim);
      if (refusedAsk) fromQuestions.set(claim, sentences[i + 1].block);
    }
  }
  // The answer often says it again ("No – we do not offer mesotherapy during pregnancy"): the
  // claim is then the answer's, not also the question's.
  if (fromQuestions.size) {
    const blockAt = (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end)?.block;
    const same = (a: Claim, b: Claim) => a.kind === b.kind && stableStringify(a.value) === stableStringify(b.value);
    for (const [claim, answerBlock] of fromQuestions) {
      const restated = [...byKey.values()].some((c) => !fromQuestions.has(c) && same(c, claim) && blockAt(c.position.start.offset) === answerBlock);
      if (restated) for (const [k, c] of byKey) if (c === claim) byKey.delete(k);
    }
  }
  return [...byKey.values()].sort((a, b) => a.position.start.offset - b.position.start.offset || a.position.end.offset - b.position.end.offset || (a.id < b.id ? -1 : 1));
}

/** The case-folded text of a block's sentences, joined. */
function blockText(byBlock: Map<number, Sentence[]>, block: number): string {
  return foldedText(byBlock.get(block) ?? []);
}

function foldedText(sentences: readonly Sentence[]): string {
  return sentences.map((s) => s.folded).join(' ');
}

/** A lead-in that says the treatment is not done (a cue or the word itself), not one that only negates. */
function isChecklist(leadIn: string, lang: LanguagePack, ref: Reference): boolean {
  return test(lang.re.ciCues, leadIn) || test(ref.matcher(lang.language, 'contraindications'), leadIn);
}

/** The question heading right above a paragraph, or "". */
function sectionQuestion(block: number, byBlock: Map<number, Sentence[]>): string {
  const above = byBlock.get(block - 1);
  if (above?.[0]?.blockType !== 'heading') return '';
  const heading = foldedText(above);
  return asks(heading) ? heading : '';
}

/**
 * Which treatment each sentence is about, in reading order. A sentence that names another
 * treatment and not this one is about that one; so are the sentences after it in its paragraph
 * (up to one that names this one again), those under a heading that does, and a table cell under
 * (or beside) a header that does, unless they name this one.
 */
/** How many function words of another language a paragraph needs before it is read in that language. */
const PASSAGE_STOPWORDS = 3;

/** Each function word that one language alone lists, with that language (Romance languages share many: "la", "le", "que"). */
const stopwordOwners = new WeakMap<Map<string, LanguagePack>, Map<string, LanguagePack>>();

function exclusiveStopwords(languages: Map<string, LanguagePack>): Map<string, LanguagePack> {
  let out = stopwordOwners.get(languages);
  if (out) return out;
  out = new Map();
  const listed = new Map<string, number>();
  for (const pack of languages.values()) for (const w of pack.stopwords) listed.set(w, (listed.get(w) ?? 0) + 1);
  for (const pack of languages.values()) for (const w of pack.stopwords) if (listed.get(w) === 1) out.set(w, pack);
  stopwordOwners.set(languages, out);
  return out;
}

const LETTERS = /\p{L}+/gu;

/**
 * The language a paragraph is written in: the page's, unless the paragraph holds none of the
 * page language's own function words and at least PASSAGE_STOPWORDS of another's ("Biel/Bienne"
 * pages in German and French, a Brussels page in French and Dutch, a Florida page in Spanish and
 * English), and twice as many of that language's function words in all. Such a passage is read
 * with its own language's vocabulary. (Most paragraphs show one of the page language's own words
 * early: the scan stops there.)
 */
function blockLanguageOf(block: number, known: Map<number, LanguagePack>, byBlock: Map<number, Sentence[]>, page: LanguagePack, languages: Map<string, LanguagePack>): LanguagePack {
  let lang = known.get(block);
  if (lang) return lang;
  lang = page;
  const owners = exclusiveStopwords(languages);
  const counts = new Map<LanguagePack, number>();
  const sentences = byBlock.get(block) ?? [];
  scan: for (const s of sentences) {
    LETTERS.lastIndex = 0;
    for (let m; (m = LETTERS.exec(s.folded)); ) {
      const owner = owners.get(m[0]);
      if (owner === undefined) continue;
      if (owner === page) {
        counts.clear();
        break scan;
      }
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
  }
  let best = PASSAGE_STOPWORDS - 1;
  // (Ties go to the language whose function word comes first in the paragraph.)
  for (const [pack, n] of counts)
    if (n > best) {
      lang = pack;
      best = n;
    }
  if (lang !== page) {
    const words = wordsOf(foldedText(sentences));
    const all = (pack: LanguagePack) => words.filter((w) => pack.stopwords.has(w)).length;
    if (all(lang) <= 2 * all(page)) lang = page;
  }
  known.set(block, lang);
  return lang;
}

/** The page's title and its first heading, case-folded: what the page says it is about. */
function pageTitles(doc: SourceDocument, sentences: Sentence[]): string {
  const heading = sentences.find((s) => s.blockType === 'heading');
  return [doc.meta.title ? foldCase(normalizeChars(doc.meta.title)) : '', heading ? heading.folded : ''].join(' ');
}

/** Between a comparative and this treatment's name: an article at most ("than the mesotherapy"). */
const COMPARED_GAP = /^\s*(?:[\p{L}'’]+\s+)?$/u;

/** Between "an alternative to" and the treatment it names: up to two words ("the", "classic"), no punctuation. */
const REPLACED_GAP = /^\s*(?:[\p{L}'’]+\s+){0,2}$/u;

/** A bracketed aside at the end of a sentence (no brackets inside). */
const CLOSING_ASIDE = /\([^()]*\)(?=[\s.!?;:]*$)/u;

/** A sentence with its closing aside blanked out, unless the aside is all there is to it. */
function withoutClosingAside(text: string): string {
  const blanked = text.replace(CLOSING_ASIDE, (m) => ' '.repeat(m.length));
  return /[\p{L}\p{N}]/u.test(blanked) ? blanked : text;
}

class ScopeTracker {
  /**
   * Whether the page as a whole is about another treatment: its title and first heading name one
   * and not this one ("GlowRoll Derma Roller – At-Home Microneedling"). A heading that names no
   * treatment then keeps the page's subject; one that names this treatment turns to it.
   */
  private readonly page: boolean;
  private section: boolean;
  /** The paragraph a bold title line over it says is about another treatment. */
  private titleBlock = -1;
  /** The paragraph whose sentence named another treatment: the rest of it is about that one too. */
  private elsewhereBlock = -1;
  /** The paragraph that answers a question about another treatment set as a paragraph of its own. */
  private answerBlock = -1;
  /** The paragraph in which a question named another treatment: its next lines answer it. */
  private askedBlock = -1;
  private readonly ours: RegExp;
  private readonly others: RegExp;
  private readonly denial: RegExp;
  private readonly alternativeTo: RegExp;
  private readonly combinedWith: RegExp;
  private readonly givenAfter: RegExp;
  private readonly comparedTo: RegExp;
  private readonly relative: RegExp;

  constructor(
    ref: Reference,
    lang: LanguagePack,
    private readonly byBlock: Map<number, Sentence[]>,
    titles: string,
  ) {
    this.ours = ref.matcher(lang.language, ref.scope!.treatment);
    this.others = ref.matcher(lang.language, ref.scope!.others);
    this.denial = lang.re.negBefore;
    this.alternativeTo = lang.re.alternativeTo;
    this.combinedWith = lang.re.combinedWith;
    this.givenAfter = lang.re.givenAfter;
    this.comparedTo = lang.re.comparedTo;
    this.relative = lang.re.relativePronoun;
    this.page = this.other(titles);
    this.section = this.page;
  }

  /**
   * Whether a text names another treatment, other than as what this one is offered instead of
   * ("a safe alternative to liposuction"), given with ("da abbinare a pressoterapia") or given after
   * ("Nach Haartransplantation wir empfehlen 3 Sitzungen").
   */
  private namesOther(text: string): boolean {
    if (!test(this.others, text)) return false;
    const hits = findAll(this.others, text);
    const cues = [this.alternativeTo, this.combinedWith, this.givenAfter].flatMap((re) => (test(re, text) ? findAll(re, text) : []));
    const replaced = (h: Span) => cues.some((c) => c.end <= h.start && REPLACED_GAP.test(text.slice(c.end, h.start)));
    return hits.some((h) => !replaced(h));
  }

  /** Whether a text names another treatment and not this one. */
  private other(text: string): boolean {
    return this.namesOther(text) && !this.namesOurs(text);
  }

  /**
   * Whether a text names this treatment, other than as the measure of another: "Faz-se em 3
   * sessões … e tende a ser mais doloroso do que a mesoterapia" is still about the other one.
   */
  private namesOurs(text: string): boolean {
    if (!test(this.ours, text)) return false;
    if (!test(this.comparedTo, text)) return true;
    const cues = findAll(this.comparedTo, text);
    return findAll(this.ours, text).some((h) => !cues.some((c) => c.end <= h.start && COMPARED_GAP.test(text.slice(c.end, h.start))));
  }

  /**
   * In a sentence that names this treatment, the clauses (between semicolons) that name another
   * and not this one: what they say is about that one. "Il filler … può lasciare un ematoma per
   * qualche giorno; la mesoterapia lavora sulla qualità della pelle."
   */
  otherClauses(text: string): Span[] {
    if (!test(this.ours, text) || !this.namesOther(text)) return [];
    const out = this.relativeClauses(text);
    if (!(text.includes(';') || text.includes(':'))) return out;
    // (A clause after a colon too: "A mesoterapia não substitui a reabilitação: associamos um
    // programa de fisioterapia, geralmente 10 sessões".)
    // (Not one that names it only in an aside closing the clause: "gli aghi sono da 4 mm, mai dentro
    // il tendine (quello è il rischio delle infiltrazioni di cortisone)".)
    out.push(...clauses(text, OTHER_CLAUSE_END).filter((c) => this.other(text.slice(c.start, c.end).replace(CLOSING_ASIDE, (m) => ' '.repeat(m.length)))));
    // A colon right after the other treatment's name opens what is said of it, to the clause's end:
    // "Abbina alla mesoterapia la nostra pressoterapia di ultima generazione: un ciclo di 10
    // sedute, 2 volte a settimana".
    for (const m of text.matchAll(COLON)) {
      const before = text.slice(0, m.index);
      const last = [...findAll(this.others, before), ...findAll(this.ours, before)].sort((a, b) => b.end - a.end)[0];
      if (!last || !this.other(before.slice(last.start, last.end)) || before.includes('\n', last.end) || wordsOf(before.slice(last.end)).length > NAMED_BEFORE_COLON) continue;
      const end = text.indexOf(';', m.index);
      out.push({ start: m.index, end: end < 0 ? text.length : end });
    }
    return out;
  }

  /**
   * The relative clauses that follow another treatment's name, from the name to the next comma or
   * clause end: "A diferencia de las infiltraciones con corticoides, que no deben repetirse más de
   * tres o cuatro veces al año …, la mesoterapia emplea dosis muy bajas".
   */
  private relativeClauses(text: string): Span[] {
    if (!test(this.relative, text)) return [];
    const pronouns = findAll(this.relative, text);
    const out: Span[] = [];
    for (const name of findAll(this.others, text)) {
      if (!this.other(text.slice(name.start, name.end))) continue;
      const pronoun = pronouns.find((p) => p.start >= name.end && RELATIVE_GAP.test(text.slice(name.end, p.start)));
      if (!pronoun) continue;
      RELATIVE_END.lastIndex = pronoun.end;
      out.push({ start: name.start, end: RELATIVE_END.exec(text)?.index ?? text.length });
    }
    return out;
  }

  /**
   * `newLine`: whether the sentence starts a line of its own (a line of a list written without markup is an item, not the rest of the one before).
   * `titleLine`: whether it is a paragraph's first line set wholly in bold over the lines after it (isTitleLine).
   */
  elsewhere(sentence: Sentence, before: Sentence | undefined, newLine: () => boolean, titleLine: () => boolean = () => false): boolean {
    const text = sentence.folded;
    // A bold line over the rest of its paragraph titles it, on a menu of treatments:
    // "**Botulinumtoxin**" over "Sitzungen: 1 · ab 250 €" and "Nicht während Schwangerschaft",
    // each line its own (a newline does not end it, as it ends another treatment's sentence).
    if (sentence.blockType === 'paragraph' && this.other(text) && !test(this.denial, text) && titleLine()) this.titleBlock = sentence.block;
    else if (this.titleBlock === sentence.block && !test(this.ours, text)) return true;
    if (sentence.blockType === 'heading') {
      // A heading that denies being the other treatment ("„Keine Fettweg-Spritze“") opens no section about it.
      if (before?.block !== sentence.block) {
        const heading = blockText(this.byBlock, sentence.block);
        this.section = this.other(heading) ? !test(this.denial, heading) : this.page && !test(this.ours, heading);
      }
      return this.section;
    }
    // A sentence that names this treatment turns its paragraph back to it: "Avevo già provato
    // tecarterapia e onde d'urto. Con la mesoterapia 5 sedute in tutto. Nessun effetto collaterale."
    if (this.namesOurs(text)) {
      if (this.elsewhereBlock === sentence.block) this.elsewhereBlock = -1;
      return false;
    }
    // (Another treatment named only in a bracketed aside that closes the sentence does not turn it
    // to that one: "ma MAI dentro il tendine (quello è il rischio vero, con le infiltrazioni di cortisone).")
    // (Unless the aside is the whole sentence: "Esistono alternative? (ad esempio le infiltrazioni di
    // corticosteroidi, che … non si ripetono più di 3–4 volte l'anno)".)
    if (this.namesOther(text) && (!text.includes('(') || this.namesOther(withoutClosingAside(text)))) {
      this.elsewhereBlock = sentence.block;
      // A question about another treatment is answered about that one, on the lines after it or,
      // when it is a paragraph of its own, in the paragraph after it: "**E la carbossiterapia? È
      // meglio?**" over "È un'altra tecnica: … 10–12 sedute, due alla settimana".
      if (sentence.blockType !== 'tableCell' && QUESTION_END.test(text)) {
        this.askedBlock = sentence.block;
        const paragraph = blockText(this.byBlock, sentence.block);
        if (QUESTION_END.test(paragraph) && this.other(paragraph)) this.answerBlock = sentence.block + 1;
      }
      return true;
    }
    if (this.answerBlock === sentence.block) return true;
    if (this.elsewhereBlock === sentence.block) {
      if (!newLine() || this.askedBlock === sentence.block) return true;
      this.elsewhereBlock = -1;
    }
    if (sentence.blockType === 'tableCell') {
      const header = sentence.leadIn === undefined ? '' : blockText(this.byBlock, sentence.leadIn);
      const rowLabel = sentence.row?.split(' | ')[0] ?? '';
      if (this.other(header) || this.other(rowLabel)) return true;
      // A column or row about this treatment, in a section (or on a page) about another: "| GlowRoll
      // (home) | Microneedling pen | Mesotherapy (clinic) |".
      if (test(this.ours, header) || test(this.ours, rowLabel)) return false;
    }
    return this.section;
  }
}

/** A line wholly in bold or strong underscores, a colon at most after it: "**Botulinumtoxin**", "__Mesoterapia:__". */
// (A menu's item may be followed by a dot leader and its price: "**Dermal Fillers** ........ from $650".)
const BOLD_LINE = /^(\*\*|__)(?:(?!\1)[^\n]){1,80}\1\s*(?::|\s\.{4,}[^\n]{0,60})?\s*$/u;

/** Whether a sentence is its paragraph's first line, set wholly in bold, with more lines of the paragraph after it. */
function isTitleLine(text: string, sentence: Sentence, byBlock: Map<number, Sentence[]>): boolean {
  const block = byBlock.get(sentence.block);
  if (!block || block[0] !== sentence || block.length < 2) return false;
  const lineStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
  let lineEnd = text.indexOf('\n', sentence.start);
  if (lineEnd < 0) lineEnd = text.length;
  // (The line may hold more than one sentence: a dot leader ends one.)
  return block.some((s) => s.start > lineEnd) && BOLD_LINE.test(text.slice(lineStart, lineEnd).trim());
}

/** Where a sentence's clauses end: a colon, a semicolon, a dash between spaces, a bar. */
const CLAUSE_END = /[:;|]|\s[–—-]\s/gu;

/** The clauses of a sentence that hold page furniture (the vocabulary's `noise`); the whole sentence when it is one clause. */
function furnitureClauses(text: string, noise: RegExp): Span[] {
  const out = clauses(text, CLAUSE_END).filter((c) => test(noise, text.slice(c.start, c.end)));
  return out.length ? out : [{ start: 0, end: text.length }];
}

/** What ends a clause that may be about another treatment: a semicolon, or a colon before a space. */
const OTHER_CLAUSE_END = /;|:(?=\s)/g;
/** Between another treatment's name and a relative pronoun about it: three words at most, a comma at most, right before the pronoun. */
const RELATIVE_GAP = /^(?:\s+[\p{L}\p{N}'’-]+){0,3}\s*,?\s+$/u;
/** Where a relative clause ends: a comma, a clause mark, a bracket, a dash between spaces. */
const RELATIVE_END = /[,;:()]|\s[–—-]\s/gu;
/** A colon that ends a clause (not a clock's "11:30" or a link's "https:"). */
const COLON = /:(?=\s)/g;
/** How many words may stand between another treatment's name and the colon that opens what is said of it. */
const NAMED_BEFORE_COLON = 4;

/** A text's pieces, each up to and with the separator that ends it (the last up to the end). */
function clauses(text: string, separators: RegExp): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const end of [...[...text.matchAll(separators)].map((m) => m.index + m[0].length), text.length]) {
    if (end > start) out.push({ start, end });
    start = end;
  }
  return out;
}

/** What opens a line up to a sentence that a cross mark or a no-entry sign opens: "✗ “Risultato garantito”", "- ❌ It melts fat", "🚫 …". */
const CROSSED = /^[ \t]*(?:[-*+][ \t]+)?[\u2716\u2717\u2718\u274c\u274e\u26d4\u{1F6AB}]\ufe0f?[ \t]*$/u;
/** What opens a line up to a sentence that a check mark opens: "✓ “Es un procedimiento médico seguro”". */
const CHECKED = /^[ \t]*(?:[-*+][ \t]+)?[\u2611\u2705\u2713\u2714]\ufe0f?[ \t]*$/u;

/** Up to this many words, a paragraph's first line with no closing mark titles the lines under it. */
const TITLE_LINE_WORDS = 6;

/** A paragraph that ends by asking: "**E la carbossiterapia? È meglio?**". */
const QUESTION_END = /\?[\s*_]*$/u;

/** Where an offset of the sentence's text is in the file's: past a joined hyphen, `delta` further on. */
function fileOffset(sentence: Sentence, offset: number, isEnd: boolean): number {
  for (const j of sentence.joins ?? []) if (isEnd ? offset > j.from && offset <= j.to : offset >= j.from && offset < j.to) return undoShifts(sentence.shifts, offset + j.delta);
  return undoShifts(sentence.shifts, offset);
}

/** How far into a sentence a cue may stand and still open it: "Dan wachten we", "Allora è meglio attendere", "Dan is deze behandeling helaas niet geschikt". */
const CUE_OPENS_WORDS = 5;

/** Whether a sentence opens with a contraindication cue (within its first few words). */
function opensWithCue(folded: string, lang: LanguagePack): boolean {
  // Only the sentence's opening is searched: the cue list is long, and most sentences after a
  // question have none.
  const opening = OPENING.exec(folded)?.[0] ?? folded;
  const re = lang.re.ciCues;
  re.lastIndex = 0;
  const m = re.exec(opening);
  return m !== null && wordsOf(opening.slice(0, m.index)).length <= CUE_OPENS_WORDS;
}

/** A sentence's first words, enough to hold a cue that opens within CUE_OPENS_WORDS words. */
const OPENING = /^\s*(?:\S+\s+){0,10}\S*/u;

/** A run-in label names a topic ("Contraindications.", "Effets indésirables :") or a contraindication cue ("Not for:"). */
function isRunInLabel(folded: string, lang: LanguagePack, ref: Reference, index: ReturnType<typeof conceptIndex>): boolean {
  if (!RUN_IN_LABEL.test(folded)) return false;
  const words = wordsOf(folded);
  if (words.length > RUN_IN_WORDS) return false;
  return test(lang.re.ciCues, folded) || [...index.candidates(words)].some((id) => ref.concepts.get(id)?.kind === 'topic' && test(ref.matcher(lang.language, id), folded));
}

/**
 * One sentence states a value once: "antiaggreganti (aspirina, clopidogrel)" is one
 * contraindication. Among twins the earliest span is kept, or the longer when they overlap.
 */
function dedupeRaw(raw: RawClaim[]): Array<{ claim: RawClaim; valueKey: string }> {
  const out: Array<{ claim: RawClaim; valueKey: string }> = [];
  for (const r of raw) {
    const valueKey = stableStringify(r.value);
    const twin = out.findIndex((o) => o.claim.kind === r.kind && o.valueKey === valueKey);
    if (twin < 0) {
      out.push({ claim: r, valueKey });
      continue;
    }
    const t = out[twin].claim;
    if (t.span.start < r.span.end && r.span.start < t.span.end ? r.span.end - r.span.start > t.span.end - t.span.start : r.span.start < t.span.start) out[twin] = { claim: r, valueKey };
  }
  return out;
}
