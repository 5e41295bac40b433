/** A list takes its context from the lead-in before it: a heading, "X:", or a sentence the list completes. */
import { describe, expect, it } from 'vitest';
import { claimsOf } from './helpers/engine.js';

const conditions = (text: string, lang: string) =>
  claimsOf(text, lang)
    .filter((c) => c.kind === 'contraindication')
    .map((c) => (c.value as { condition: string }).condition);

describe('list lead-ins', () => {
  it.each([
    ['de', 'Nicht geeignet ist die Mesotherapie\n\n- in der Schwangerschaft,\n- bei Einnahme von Gerinnungshemmern.\n'],
    ['it', 'La mesoterapia non va eseguita\n\n- in gravidanza\n- in caso di terapia anticoagulante\n'],
    ['en', 'Mesotherapy is not suitable for\n\n- pregnant women,\n- people taking anticoagulants.\n'],
  ])('%s: an unfinished sentence before a list', (lang, text) => {
    expect(conditions(text, lang)).toEqual(['pregnancy', 'anticoagulant-therapy']);
  });

  it('a finished sentence before a list is not its lead-in', () => {
    expect(conditions('La mesoterapia non va eseguita in alcuni casi.\n\n- gravidanza\n- terapia anticoagulante\n', 'it')).toEqual([]);
  });
});

describe('a question answered in the same paragraph (FAQ pages)', () => {
  it.each([
    ['en', '**Who should avoid it?** People with diabetes, those taking blood thinners, and anyone with an active skin infection.', ['diabetes', 'anticoagulant-therapy', 'skin-infection']],
    ['it', '**A chi è sconsigliata?** Donne in gravidanza e pazienti in terapia anticoagulante.', ['pregnancy', 'anticoagulant-therapy']],
    ['fr', '**Qui ne peut pas en bénéficier ?** Les femmes enceintes et les patients sous anticoagulants.', ['pregnancy', 'anticoagulant-therapy']],
  ])('%s: the question is the answer\'s lead-in', (lang, text, expected) => {
    expect(conditions(text, lang)).toEqual(expected);
  });

  it('a question leads in only its own paragraph, and only a question does', () => {
    expect(conditions('**Who should avoid it?**\n\nPeople with diabetes.', 'en')).toEqual([]);
    expect(conditions('Many of our patients ask us. People with diabetes come too.', 'en')).toEqual([]);
    expect(conditions('**Is it painful?** People with diabetes feel no more than others.', 'en')).toEqual([]);
  });
});

describe('a condition said to be uncontrolled is not denied', () => {
  it.each([
    ['en', 'Who should avoid it? People with diabetes that is not under control, those taking blood thinners.', ['diabetes', 'anticoagulant-therapy']],
    ['it', 'Controindicazioni: diabete non compensato, gravidanza.', ['diabetes', 'pregnancy']],
    ['fr', 'Contre-indications : diabète non équilibré, grossesse.', ['diabetes', 'pregnancy']],
    ['es', 'Contraindicaciones: diabetes no controlada y embarazo.', ['diabetes', 'pregnancy']],
  ])('%s: "not controlled" neither denies the condition nor the next one', (lang, text, expected) => {
    expect(conditions(text, lang)).toEqual(expected);
  });

  it.each([
    ['en', 'It is not contraindicated in diabetes.'],
    ['it', 'La mesoterapia non è controindicata in caso di diabete.'],
    ['fr', "La mésothérapie n'est pas contre-indiquée en cas de diabète."],
    ['es', 'No está contraindicada en personas con diabetes.'],
  ])('%s: a denied contraindication is still denied', (lang, text) => {
    expect(conditions(text, lang)).toEqual([]);
  });
});
