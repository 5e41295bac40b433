/**
 * A bare yes or no answering a yes/no question the reference lists under an assertion
 * (`askedAs`) makes that claim: "Is mesotherapy safe?" "Yes." is `safe`; "Does it hurt?"
 * "No." or "Barely." is `painless`.
 */
import { describe, expect, it } from 'vitest';
import { claimsOf } from './helpers/engine.js';

const assertions = (text: string, lang: string) =>
  claimsOf(text, lang)
    .filter((c) => c.kind === 'safety' || c.kind === 'efficacy')
    .map((c) => [(c.value as { assertion: string }).assertion, c.text]);

describe('answers to yes/no questions', () => {
  it.each([
    ['en', '### Is mesotherapy safe?\nYes.', [['safe', 'Yes']]],
    ['en', '### Does it hurt?\nBarely. Most clients describe a quick pinch.', [['painless', 'Barely']]],
    ['es', '### ¿Es segura?\nSí, en manos de un médico con experiencia.', [['safe', 'Sí, en manos de un médico con experiencia']]],
    ['nl', '### Doet het pijn?\n\nNauwelijks. De meeste patiënten voelen alleen kleine prikjes.', [['painless', 'Nauwelijks']]],
    ['it', '**Fa male?** No, si avverte solo un pizzicore.', [['painless', 'No, si avverte solo un pizzicore']]],
    ['fr', '### Les résultats sont-ils définitifs ?\nOui.', [['permanent-results', 'Oui']]],
    // An answer word closed by an emoji.
    ['it', '### Fa male?\n\nPochissimo 😊', [['painless', 'Pochissimo']]],
    // A few words and a comma before the yes or no.
    ['en', '## Is it safe?\n\nIn the right hands, yes. In a salon, with products nobody can trace, I’d say no.', [['safe', 'In the right hands, yes']]],
    ['it', '### Fa male?\n\nSinceramente, no.', [['painless', 'Sinceramente, no']]],
  ])('%s: %s', (lang, text, expected) => expect(assertions(text, lang)).toEqual(expected));

  it.each([
    // The other answer asserts nothing of the kind.
    ['en', '### Is mesotherapy safe?\nNo treatment is free of risk.'],
    ['en', '### Does it hurt?\nYes, a little.'],
    ['en', '### Does it melt fat?\nNo.'],
    // Not an answer to a question.
    ['en', 'Yes. Book today.'],
    // More than a few words before the comma: a statement, not an answer.
    ['en', '### Is mesotherapy safe?\nFor patients who bruise easily and take aspirin, yes.'],
  ])('%s: %s', (lang, text) => expect(assertions(text, lang)).toEqual([]));
});

describe('a yes of degree ("A little.")', () => {
  const kinds = (text: string, lang: string) => claimsOf(text, lang).map((c) => [c.kind, (c.value as { effect?: string; assertion?: string }).effect ?? (c.value as { assertion?: string }).assertion]);
  it.each([
    ['fr', '### Est-ce que ça fait mal ?\n\nUn peu. Les aiguilles sont très fines.', [['adverse-effect', 'pain']]],
    ['en', '### Does it hurt?\n\nA little, mostly on the scalp.', [['adverse-effect', 'pain']]],
    ['pt', '**Dói?** Um pouco.', [['adverse-effect', 'pain']]],
    // It says yes to an effect only.
    ['en', '### Is it safe?\n\nA little.', []],
  ])('%s: %s', (lang, text, expected) => expect(kinds(text, lang)).toEqual(expected));
});

describe('a yes to a short question naming an adverse effect', () => {
  const effects = (text: string, lang: string) =>
    claimsOf(text, lang)
      .filter((c) => c.kind === 'adverse-effect')
      .map((c) => [(c.value as { effect: string }).effect, c.text]);
  it.each([
    ['it', 'I lividi? Sì, possono capitare, soprattutto sulle cosce.', [['bruising', 'Sì, possono capitare, soprattutto sulle cosce']]],
    ['en', '### Bruising?\n\nYes, it can happen for a few days.', [['bruising', 'Yes, it can happen for a few days']]],
  ])('%s: %s is that effect', (lang, text, expected) => expect(effects(text, lang)).toEqual(expected));

  it.each([
    // A question asking leave, and a long question, name the effect without asking whether it happens.
    ['en', 'Can I ice the bruising? Yes.'],
    ['en', 'After the session, when I get home and the bruising starts, should I rest? Yes.'],
    ['en', 'Bruising? No, not with fine needles.'],
  ])('%s: %s is not', (lang, text) => expect(effects(text, lang)).toEqual([]));
});

describe('a yes to a question about an adverse effect', () => {
  it('is that effect', () => {
    const effects = claimsOf('Does it work? Maybe. Does it hurt? Yes. Had redness for two days.', 'en')
      .filter((c) => c.kind === 'adverse-effect')
      .map((c) => [(c.value as { effect: string }).effect, c.text]);
    expect(effects).toEqual([
      ['pain', 'Yes'],
      ['erythema', 'redness'],
    ]);
  });

  it('is not a quoted word after "No"', () => {
    expect(claimsOf('### Can I have it while pregnant?\nNo "problem" for most.', 'en').filter((c) => c.kind === 'contraindication')).toEqual([]);
  });
});

describe('a count column', () => {
  const counts = (text: string, lang: string) =>
    claimsOf(text, lang)
      .filter((c) => c.kind === 'sessions.count')
      .map((c) => [c.value, c.text]);

  it('reads figures under a header naming sessions as counts', () => {
    const table = '| Indicazione | N. sedute | Frequenza |\n|---|---|---|\n| Cervicalgia | 6 | settimanale |\n| Lombalgia | 5–8 | settimanale |';
    expect(counts(table, 'it')).toEqual([
      [{ min: 6, max: 6, approximate: false }, '6'],
      [{ min: 5, max: 8, approximate: false }, '5–8'],
    ]);
    // A two-cell row: the value is read after its label.
    expect(counts('| Zona | Sedute |\n|---|---|\n| Viso | 4 |', 'it')).toEqual([[{ min: 4, max: 4, approximate: false }, '4']]);
  });

  it('does not read figures under other headers, or in a row with a price', () => {
    expect(counts('| Zona | Prezzo |\n|---|---|\n| Viso | 4 |', 'it')).toEqual([]);
    expect(counts('| Zona | Sedute | Prezzo |\n|---|---|---|\n| Viso | 6 | 240 € |', 'it')).toEqual([]);
  });
});

describe('an answer of a few words to a question about side effects', () => {
  it.each([
    ['es', '### ¿Tiene efectos secundarios?\n\nSon poco frecuentes y casi siempre leves: picor durante unas horas.'],
    ['fr', '### Y a-t-il des effets secondaires ?\n\nIls sont rares et le plus souvent bénins : de petites papules.'],
  ])('%s: says they are rare', (lang, text) => expect(claimsOf(text, lang).filter((c) => c.kind === 'safety').map((c) => (c.value as { assertion: string }).assertion)).toEqual(['rare-side-effects']));
});
