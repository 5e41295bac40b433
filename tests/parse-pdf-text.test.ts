/** Text copied from a PDF: "•" list items, and words hyphenated across line ends. */
import { describe, expect, it } from 'vitest';
import { joinHyphenated, parseSentences } from '../src/parse/sentences.js';
import { claimsOf } from './helpers/engine.js';

describe('words hyphenated across a line end', () => {
  it('are joined in the text terms read, with the length kept', () => {
    const text = 'in der Schwanger-\nschaft und bei Blutgerinnungs-\n  störungen, Anti-\nAging';
    const { masked, joins } = joinHyphenated(text);
    expect(masked.length).toBe(text.length);
    expect(masked).toBe('in der Schwangerschaft   und bei Blutgerinnungsstörungen    , Anti-\nAging');
    expect(joins).toEqual([
      { from: 16, to: 22, delta: 2 },
      { from: 47, to: 56, delta: 4 },
    ]);
    // Nothing to join: the text as it is.
    expect(joinHyphenated('a well-known fact\nand more')).toEqual({ masked: 'a well-known fact\nand more' });
  });

  it('give claims placed on the file’s own characters', () => {
    const text = 'Nicht behandelt werden Patientinnen in der Schwanger-\nschaft und Personen mit Blutgerinnungs-\nstörungen.';
    const claims = claimsOf(text, 'de').filter((c) => c.kind === 'contraindication');
    expect(claims.map((c) => c.text)).toEqual(['Schwanger-\nschaft', 'Blutgerinnungs-\nstörungen']);
    for (const c of claims) expect(text.slice(c.position.start.offset, c.position.end.offset)).toBe(c.text);
  });
});

describe('"•" list items', () => {
  it('are a list, led in by the line before it', () => {
    const text = 'La mésothérapie n’est pas offerte aux personnes suivantes :\n• femmes enceintes ou qui allaitent;\n• personnes atteintes d’un trouble de la coagulation.\n';
    expect(parseSentences(text).map((s) => s.blockType)).toEqual(['paragraph', 'listItem', 'listItem']);
    expect(claimsOf(text, 'fr').filter((c) => c.kind === 'contraindication').map((c) => (c.value as { condition: string }).condition)).toEqual(['pregnancy', 'breastfeeding', 'coagulation-disorder']);
  });

  it('so are en-dash items', () => {
    const text = 'Die Mesotherapie darf nicht durchgeführt werden bei:\n– Schwanger-\nschaft und Stillzeit,\n– Blutgerinnungs-\nstörungen.\n';
    expect(claimsOf(text, 'de').filter((c) => c.kind === 'contraindication').map((c) => c.text)).toEqual(['Schwanger-\nschaft', 'Stillzeit', 'Blutgerinnungs-\nstörungen']);
  });

  it('leave a "•" inside a line alone', () => {
    expect(parseSentences('Pregnancy • breastfeeding • diabetes').map((s) => s.blockType)).toEqual(['paragraph']);
  });
});

describe('statements that are not claims', () => {
  it('a condition said not to be a contraindication, in a list of them', () => {
    const text = 'Not offered to:\n- pregnant women;\n- anyone with a skin infection.\nDiabetes is not a contraindication if it is well controlled.\n';
    expect(claimsOf(text, 'en').filter((c) => c.kind === 'contraindication').map((c) => (c.value as { condition: string }).condition)).toEqual(['pregnancy', 'skin-infection']);
  });

  it('the doctor checking the absence of contraindications before treatment', () => {
    expect(claimsOf("Avant le traitement, le médecin vérifie l'absence de contre-indications.", 'fr').filter((c) => c.kind === 'safety')).toEqual([]);
  });
});
