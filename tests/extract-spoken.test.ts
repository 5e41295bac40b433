/**
 * Pages as people speak and post them: video transcripts, chats, interviews, forms that letter
 * their items, label-and-value lines. Each rule here came from a blind gold set (tests/gold-fresh20
 * … fresh22) and is general: the vocabulary it reads is in vocab/*.yaml.
 */
import { describe, expect, it } from 'vitest';
import { claimsOf, conditionsOf, valuesOf } from './helpers/engine.js';

const assertions = (text: string, lang: string): string[] => claimsOf(text, lang).flatMap((c) => ('assertion' in (c.value as object) ? [(c.value as { assertion: string }).assertion] : []));
const counts = (text: string, lang: string) => claimsOf(text, lang).filter((c) => c.kind === 'sessions.count').map((c) => [c.text, (c.value as { min: number | null }).min, (c.value as { max: number | null }).max]);
const needles = (text: string, lang: string) => claimsOf(text, lang).filter((c) => c.kind === 'needle').map((c) => { const v = c.value as { aspect: string; min: number | null; max: number | null }; return [v.aspect, v.min, v.max]; });

describe('spoken ranges', () => {
  it.each([
    ['it', 'per la cellulite consiglio dieci dodici sedute', [['dieci dodici sedute', 10, 12]]],
    ['it', 'per il viso ne bastano quattro cinque sedute', [['quattro cinque sedute', 4, 5]]],
    ['en', 'For chronic low back pain it is often more, eight, ten sessions.', [['eight, ten sessions', 8, 10]]],
  ])('%s: two number words in a row are a range (%s)', (lang, text, expected) => {
    expect(counts(text, lang)).toEqual(expected);
  });

  it('not two numbers far apart, nor after a figure', () => {
    expect(counts('We did one, five sessions.', 'en')).toEqual([['five sessions', 5, 5]]);
    // (The look-behind wants a letter: after a figure no spoken range is tried.)
    expect(counts('Lo studio ha 3 dieci sedute.', 'it').map((c) => c.slice(1))).not.toContainEqual([3, 10]);
  });
});

describe('transcripts and chats', () => {
  it("a caption's time on a line of its own is no figure and does not part the words around it", () => {
    const transcript = 'gli aghi sono piccolissimi di solito si usa un ago da quattro\n2:02\nmillimetri e per il viso anche più corti\n2:06\n';
    expect(needles(transcript, 'it')).toEqual([['length', 4, 4]]);
  });

  it("a chat message's stamp is blanked, and a speaker's answer to the question before answers it", () => {
    const chat = '[12/02/25, 09:31] Paziente: Fa male?\n[12/02/25, 09:34] Segreteria Valverde: Quasi niente 🙂 un pizzico.';
    const claims = claimsOf(chat, 'it');
    expect(claims.map((c) => [(c.value as { assertion?: string }).assertion, c.text])).toEqual([['painless', 'Quasi niente 🙂 un pizzico']]);
  });

  it("a question that does not end its speaker's turn is still the one the next speaker answers", () => {
    const chat = 'Paziente: Fa male? Io con gli aghi sono un disastro.\nSegreteria: Quasi niente, un pizzico.';
    expect(assertions(chat, 'it')).toEqual(['painless']);
    // Not when the next line is no one's answer.
    expect(assertions('Paziente: Fa male? Io con gli aghi sono un disastro.\nQuasi niente, un pizzico.', 'it')).toEqual([]);
  });

  it("an interview's question a paragraph of its own, answered after a dialogue dash", () => {
    expect(assertions('**—¿Es una técnica segura?**\n\n—Sí, es segura si la hace un médico, con material estéril.', 'es')).toEqual(['safe']);
  });
});

describe('forms and labels', () => {
  it('lettered items are a list its lead-in rules out', () => {
    const form = 'A mesoterapia está contraindicada nas seguintes situações:\n a) gravidez e amamentação;\n b) doenças da coagulação;\n c) infeção por VIH com imunodepressão.\n';
    expect(conditionsOf(form, 'pt')).toEqual(['pregnancy', 'breastfeeding', 'coagulation-disorder', 'hiv-aids']);
  });

  it.each([
    ['en', 'Side effects: none.', 'no-side-effects'],
    ['en', 'Serious side effects: none.', 'no-serious-side-effects'],
    ['it', 'Effetti collaterali gravi: zero.', 'no-serious-side-effects'],
    ['de', 'Nebenwirkungen: keine.', 'no-side-effects'],
  ])('%s: a denial that is the whole value after a label (%s)', (lang, text, expected) => {
    expect(assertions(text, lang)).toEqual([expected]);
  });

  it('"none" elsewhere in a sentence denies nothing the label names', () => {
    expect(assertions('Side effects: none of our patients had serious ones.', 'en')).not.toContain('no-side-effects');
  });
});

describe('myths and other people', () => {
  it.each([
    ['it', 'Mito numero due: la mesoterapia disintossica l’organismo.'],
    ['en', 'Myth #3: mesotherapy detoxes the body.'],
    ['de', 'Irrtum 6 – Mesotherapie entgiftet den Körper.'],
  ])('%s: a numbered myth label sets out what follows as a myth', (lang, text) => {
    expect(assertions(text, lang)).toEqual([]);
  });

  it('an unnumbered "Myth:" may be the verdict on what came before: the sentence after it is read', () => {
    expect(assertions('Myths and facts: mesotherapy detoxes the body.', 'en')).toEqual(['detox']);
  });

  it('what someone told another person is theirs', () => {
    expect(assertions('They told her it detoxes you and breaks the fat down for good.', 'en')).toEqual([]);
  });
});

describe('bounds', () => {
  it.each([
    ['pt', 'A profundidade de injeção varia habitualmente entre 1 e 4 mm na mesoterapia estética e pode chegar aos 10 mm na mesoterapia antiálgica.', [['depth', 1, 4], ['depth', null, 10]]],
    ['en', 'We inject at a depth of about 1.5 mm, but never beyond 6 mm.', [['depth', 1.5, 1.5], ['depth', null, 6]]],
    ['es', 'En la cara no pasamos de 2 mm de profundidad.', [['depth', null, 2]]],
  ])('%s: a figure that goes on from the one before takes its cue, and a negated lower bound is an upper one', (lang, text, expected) => {
    expect(needles(text, lang)).toEqual(expected);
  });

  it.each([
    ['it', 'Gli aghi sono lunghi 4 mm (raramente 6 mm).', [['length', 4, 6]]],
    ['pt', 'Uso agulha de 4 mm (no abdome às vezes uso a de 6 mm).', [['length', 4, 6]]],
  ])('%s: a figure given in brackets as the alternative makes a range (%s)', (lang, text, expected) => {
    expect(needles(text, lang)).toEqual(expected);
  });

  it('a thickness word after a comma labels what follows it, not the figure before', () => {
    expect(needles('Hij gebruikt naaldjes van 4 mm, dikte 27G of 30G.', 'nl')).toEqual([
      ['length', 4, 4],
      ['gauge', 27, 30],
    ]);
  });

  it('a negated needle is no claim of a length', () => {
    expect(valuesOf('No, niente aghi da 13mm sulla testa.', 'it', 'needle').length === 0 || claimsOf('No, niente aghi da 13mm sulla testa.', 'it').every((c) => c.modifiers?.negated)).toBe(true);
  });
});
