/**
 * Consent forms, leaflets, protocols and the plain pages beside them. Each rule here came from a
 * blind gold set (tests/gold-fresh32 … fresh35) and is general: the vocabulary it reads is in
 * vocab/*.yaml and the reference.
 */
import { describe, expect, it } from 'vitest';
import { claimsOf, conditionsOf, valuesOf } from './helpers/engine.js';

const assertions = (text: string, lang: string): string[] => claimsOf(text, lang).flatMap((c) => ('assertion' in (c.value as object) ? [(c.value as { assertion: string }).assertion] : []));
const needles = (text: string, lang: string) =>
  claimsOf(text, lang)
    .filter((c) => c.kind === 'needle')
    .map((c) => {
      const v = c.value as { aspect: string; min: number | null; max: number | null };
      return [c.text, v.aspect, v.min, v.max];
    });

describe('forms', () => {
  const form = [
    '**5. Contre-indications.** Je déclare ne présenter aucune des contre-indications suivantes (cocher chaque case) :',
    '',
    '[ ] grossesse ou allaitement en cours',
    '[ ] traitement anticoagulant ou trouble de la coagulation',
    '[x] cancer en cours de traitement',
    '',
  ].join('\n');

  it('lines ticked with "[ ]" or "[x]" and no list mark are items, each its own contraindication', () => {
    expect(conditionsOf(form, 'fr')).toEqual(['pregnancy', 'breastfeeding', 'anticoagulant-therapy', 'coagulation-disorder', 'cancer']);
  });

  it("a sentence that introduces the list after it asserts nothing about it: the patient's declaration is no 'no contraindications'", () => {
    expect(assertions(form, 'fr')).toEqual([]);
    const en = 'I declare that I do not suffer from any of the following contraindications:\n\n- pregnancy or breastfeeding\n- anticoagulant therapy\n';
    expect(assertions(en, 'en')).toEqual([]);
    expect(conditionsOf(en, 'en')).toEqual(['pregnancy', 'breastfeeding', 'anticoagulant-therapy']);
  });

  it('the same assertion not before a list, or followed by a word that only looks like an introduction, still stands', () => {
    expect(assertions('Mesotherapy has no contraindications.', 'en')).toEqual(['no-contraindications']);
    expect(assertions('There are no side effects the following day.', 'en')).toEqual(['no-side-effects']);
  });
});

describe('needle aspects', () => {
  it.each([
    ['it', 'Nappage: profondità non superiore a 2 mm, ago inclinato a 30–45°.', [['non superiore a 2 mm', 'depth', null, 2]]],
    ['it', 'Iniettare a una profondità di 1–2 mm, con aghi 30G o 32G da 4 mm.', [['1–2 mm', 'depth', 1, 2], ['30G o 32G', 'gauge', 30, 32], ['da 4 mm', 'length', 4, 4]]],
  ])('%s: a cue before the figure names it, not one as near that opens the next clause (%s)', (lang, text, expected) => {
    expect(needles(text, lang)).toEqual(expected);
  });

  it('a cue in a bracket after the figure does not name it', () => {
    expect(needles('aghi 27G × 13 mm (tecnica profonda su addome e fianchi);', 'it')).toEqual([
      ['27G', 'gauge', 27, 27],
      ['13 mm', 'length', 13, 13],
    ]);
  });

  it('a gauge with its length in inches glued as a fraction ("30G½") is a gauge', () => {
    expect(needles('Na região dos olhos eu aplico com agulha 30G½ (aquela de 13 mm).', 'pt')).toEqual([
      ['30G', 'gauge', 30, 30],
      ['de 13 mm', 'length', 13, 13],
    ]);
  });

  it("an outer diameter written as one word ('Außendurchmesser') is neither length nor depth", () => {
    expect(needles('Ich verwende sehr feine 4-mm-Nadeln der Stärke 30 G (Außendurchmesser 0,3 mm).', 'de').some((n) => n[2] === 0.3)).toBe(false);
  });
});

describe('questions answered by a cue', () => {
  it.each([
    ['nl', 'Zwanger of geef je borstvoeding? Dan wachten we met allebei.', ['pregnancy', 'breastfeeding']],
    ['en', 'Pregnant or breastfeeding? Then it is better to wait.', ['pregnancy', 'breastfeeding']],
    ['it', 'Sei incinta o allatti? Allora è meglio attendere.', ['pregnancy', 'breastfeeding']],
  ])('%s: a short question naming conditions, answered by a sentence that opens with a cue, names contraindications (%s)', (lang, text, expected) => {
    expect(conditionsOf(text, lang)).toEqual(expected);
  });

  it('not when the answer says yes, nor when the cue comes late in the answer', () => {
    expect(conditionsOf('Pregnant or breastfeeding? Yes, it is better to wait a little before the session.', 'en')).toEqual([]);
    expect(conditionsOf('Diabetes? We will look at your blood results together and then decide whether it is better to wait.', 'en')).toEqual([]);
  });
});

describe('twice a year', () => {
  it.each([
    ['en', 'Maintenance: one session twice a year.', 'twice a year'],
    ['de', 'Danach genügt eine Auffrischung 2 mal im Jahr.', '2 mal im Jahr'],
    ['nl', 'Daarna adviseren we een opfrisbehandeling per half jaar.', 'per half jaar'],
    ['it', 'Poi basta una seduta di mantenimento due volte l’anno.', 'due volte l’anno'],
  ])('%s: a session twice a year is a six-monthly maintenance interval (%s)', (lang, text, quote) => {
    const found = claimsOf(text, lang).filter((c) => c.kind === 'sessions.frequency');
    expect(found.map((c) => [c.text, c.value])).toEqual([[quote, { interval: 'P6M', phase: 'maintenance' }]]);
  });
});

describe('vocabulary from the blind sets', () => {
  it('treatment names are no claim that fat is removed; what the treatment is said to do is', () => {
    expect(valuesOf('La mesoterapia lipolitica usa farmaci lipolitici come la fosfatidilcolina.', 'it', 'efficacy')).toEqual([]);
    expect(valuesOf('Mesotherapy and injection lipolysis are not the same treatment.', 'en', 'efficacy')).toEqual([]);
    expect(valuesOf('Our injections dissolve fat cells for good.', 'en', 'efficacy')).toContainEqual({ assertion: 'fat-removal' });
  });

  it('"peu douloureux" says painless, "un peu douloureux" does not', () => {
    expect(assertions("L'acte est peu douloureux.", 'fr')).toEqual(['painless']);
    expect(assertions('Les injections sont un peu douloureuses sur les zones sensibles.', 'fr')).toEqual([]);
  });
});

describe('figures, second batch (fresh36 … fresh39)', () => {
  it('a list of figures closed by "or" is a range from the first to the last, but not from a year', () => {
    expect(needles('Wir verwenden Nadeln von 4, 6 oder 13 mm Länge.', 'de')).toEqual([['von 4, 6 oder 13 mm', 'length', 4, 13]]);
    expect(valuesOf('In 2019, 4 or 5 sessions were usual.', 'en', 'sessions.count')).toEqual([{ min: 4, max: 5, approximate: false }]);
  });

  it('"da 4 o da 6", a division sign between figures, and a hyphen in "30-G-Nadeln"', () => {
    expect(needles('Usiamo aghi da 4 o da 6 millimetri.', 'it')).toEqual([['da 4 o da 6 millimetri', 'length', 4, 6]]);
    expect(valuesOf('Nelle forme croniche se ne fanno 8÷10 sedute.', 'it', 'sessions.count')).toEqual([{ min: 8, max: 10, approximate: false }]);
    expect(needles('Wir verwenden 30-G-Nadeln mit 4 mm Länge.', 'de')).toEqual([
      ['30-G', 'gauge', 30, 30],
      ['4 mm', 'length', 4, 4],
    ]);
  });

  it.each([
    ['es', 'No se pincha a más de 4 milímetros de profundidad.'],
    ['pt', 'Eu não passo dos quatro milímetros de profundidade.'],
  ])('%s: a negation a few words before a lower bound makes it an upper bound (%s)', (lang, text) => {
    expect(needles(text, lang).map((n) => n.slice(1))).toEqual([['depth', null, 4]]);
  });

  it('intervals: "four weeks apart" is four weeks, "dos aplicaciones por semana" twice a week', () => {
    expect(valuesOf('Sessions are four weeks apart.', 'en', 'sessions.frequency')).toEqual([{ interval: 'P4W', phase: 'initial' }]);
    expect(valuesOf('Se hacen dos aplicaciones por semana.', 'es', 'sessions.frequency')).toEqual([{ interval: 'P0.5W', phase: 'initial' }]);
  });

  it('superscript ordinal letters read as the letters: "dès la 1ʳᵉ séance"', () => {
    expect(assertions('Résultat visible dès la 1ʳᵉ séance.', 'fr')).toEqual(['fast-onset']);
  });
});

describe('statements, second batch (fresh36 … fresh39)', () => {
  it('serious side effects said to be rare are no serious side effects; side effects said to be rare stay rare', () => {
    expect(assertions('Gli effetti collaterali gravi sono eccezionali.', 'it')).toEqual(['no-serious-side-effects']);
    expect(assertions('Serious side effects are very rare.', 'en')).toEqual(['no-serious-side-effects']);
    expect(assertions('Side effects are rare.', 'en')).toEqual(['rare-side-effects']);
  });

  it('strength-labelled paragraphs under a contraindications heading are its lists, the second as the first', () => {
    const page = '### Contraindicaciones\n\n**Absolutas:** embarazo; trastornos de la coagulación.\n\n**Relativas:** diabetes mellitus descompensada; enfermedad cardíaca descompensada.\n';
    const found = claimsOf(page, 'es').filter((c) => c.kind === 'contraindication').map((c) => c.value);
    expect(found).toEqual([
      { condition: 'pregnancy', strength: 'absolute' },
      { condition: 'coagulation-disorder', strength: 'absolute' },
      { condition: 'diabetes', strength: 'relative' },
      { condition: 'heart-disease', strength: 'relative' },
    ]);
  });

  it('an effect stretched over a list by a gap does not hide the effects it lists', () => {
    const effects = valuesOf('Injections commonly caused pain, bruising and swelling at the injection sites.', 'en', 'adverse-effect').map((v) => (v as { effect: string }).effect);
    expect(effects).toEqual(['pain', 'bruising', 'swelling']);
  });

  it('"does not prevent the treatment" names no contraindication, "prevents it" does', () => {
    expect(conditionsOf('Ter diabetes, por si só, não impede o tratamento.', 'pt')).toEqual([]);
    expect(conditionsOf('Alergia a algum dos ativos também impede o procedimento.', 'pt')).toEqual(['drug-allergy']);
  });

  it('a quote after a reporting word is reported, in rulings and news too', () => {
    expect(assertions('Text stated “100% safe, no side effects, no downtime”.', 'en')).toEqual([]);
    expect(assertions('Nel listino si prometteva «zero effetti collaterali».', 'it')).toEqual([]);
    expect(assertions('The ad stated that the treatment was painless.', 'en')).toEqual([]);
  });
});

describe('figures, third batch', () => {
  it('a cue past a semicolon after a figure does not name it', () => {
    expect(needles('Se utiliza una aguja 27G x 4 mm; la profundidad de inyección varía entre 2 y 4 mm.', 'es')).toEqual([
      ['27G', 'gauge', 27, 27],
      ['4 mm', 'length', 4, 4],
      ['entre 2 y 4 mm', 'depth', 2, 4],
    ]);
  });

  it.each([
    ['es', 'La profundidad de inyección varía entre 2 y 4 mm según el grosor de la piel.', [['entre 2 y 4 mm', 'depth', 2, 4]]],
    ['it', 'La profondità varia tra 2 e 4 mm a seconda dello spessore della pelle.', [['tra 2 e 4 mm', 'depth', 2, 4]]],
    ['it', 'Aghi da 0,3 mm di spessore.', []],
  ])("%s: the skin's thickness is no needle's thickness; a needle's is (%s)", (lang, text, expected) => {
    expect(needles(text, lang)).toEqual(expected);
  });

  it('"1 vez x semana" is once a week', () => {
    expect(valuesOf('Mesoterapia corporal: 1 vez x semana.', 'es', 'sessions.frequency')).toEqual([{ interval: 'P1W', phase: 'initial' }]);
  });
});

describe('answers without a question (fresh40 … fresh43)', () => {
  it.each([
    ['fr', '## Les effets indésirables\n\nIls sont peu fréquents et le plus souvent bénins : petits hématomes aux points d’injection.\n'],
    ['it', '## Effetti collaterali\n\nSono rari.\n'],
  ])('%s: a first sentence that refers back to the heading above answers it as a question', (lang, text) => {
    expect(assertions(text, lang)).toEqual(['rare-side-effects']);
  });

  it('not a sentence that does not refer back, nor one under a heading that names no such topic', () => {
    expect(assertions('## Les effets indésirables\n\nLes bleus sont peu fréquents.\n', 'fr')).toEqual([]);
    expect(assertions('## Le déroulement\n\nIls sont peu fréquents.\n', 'fr')).toEqual([]);
  });

  it("an answer's own opening clause decides, not advice later in its sentence", () => {
    expect(assertions("**Ci sono effetti collaterali?**\n\nSono rari e quasi sempre lievi: piccoli lividi, un po' di prurito nelle ore successive.\n", 'it')).toEqual(['rare-side-effects']);
  });

  it('"the idea that …" frames the rest of its clause as someone else’s claim', () => {
    expect(assertions('Anche l’idea che “depuri l’organismo dalle tossine” o che rinforzi il sistema immunitario non ha basi scientifiche.', 'it')).toEqual([]);
  });

  it('"es poco dolorosa" is painless, "es un poco dolorosa" is not', () => {
    expect(assertions('La técnica es poco dolorosa.', 'es')).toEqual(['painless']);
    expect(assertions('La técnica es un poco dolorosa.', 'es')).toEqual([]);
  });

  it('"eens per 3 maanden" and "one a week" are intervals', () => {
    expect(valuesOf('Daarna eens per 3 maanden een onderhoudsbehandeling.', 'nl', 'sessions.frequency')).toEqual([{ interval: 'P3M', phase: 'maintenance' }]);
    expect(valuesOf('Sessions are given one a week.', 'en', 'sessions.frequency')).toEqual([{ interval: 'P1W', phase: 'initial' }]);
  });
  it('a unit joined to its figure by a hyphen: "four-millimetre needles", "Vier-Millimeter-Nadeln"', () => {
    expect(needles('We use four-millimetre needles on the face.', 'en')).toEqual([['four-millimetre', 'length', 4, 4]]);
    expect(needles('Wir verwenden Vier-Millimeter-Nadeln.', 'de')).toEqual([['Vier-Millimeter', 'length', 4, 4]]);
    expect(needles('Usiamo aghi 4-mm, mai più lunghi.', 'it')).toEqual([['4-mm', 'length', 4, 4]]);
  });
});
