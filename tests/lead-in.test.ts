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
