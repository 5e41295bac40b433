/** Bounds written as verbs, labels with a sub-label, ranges written with a bound word, and gaps after a comma. */
import { describe, expect, it } from 'vitest';
import { claimsOf, conditionsOf, valuesOf } from './helpers/engine.js';

describe('a bound written as a verb', () => {
  it.each([
    ['es', 'La profundidad de la inyección no debe superar los 6 mm.'],
    ['es', 'Agujas de cuatro milímetros, sin pasar de los 6 milímetros de profundidad.'],
    ['en', 'The injection depth should not exceed 6 mm.'],
    ['it', 'La profondità di iniezione non deve superare i 6 mm.'],
    ['fr', 'La profondeur d’injection ne doit pas dépasser 6 mm.'],
    ['pt', 'A profundidade da injeção não deve ultrapassar 6 mm.'],
  ])('%s: %s', (lang, text) =>
    expect(valuesOf(text, lang, 'needle').filter((v) => (v as { aspect: string }).aspect === 'depth')).toEqual([expect.objectContaining({ min: null, max: 6 })]),
  );
});

describe('session counts', () => {
  const counts = (text: string, lang: string) => valuesOf(text, lang, 'sessions.count').map((v) => [(v as { min: number }).min, (v as { max: number }).max]);

  it('reads a value that names what it is for after its label ("Sitzungen: Haut: 6 bis 8")', () => {
    expect(counts('| **Anzahl der Sitzungen** | Haut: 6 bis 8 · Schmerztherapie: meist drei bis fünf |\n|---|---|', 'de')).toEqual([
      [6, 8],
      [3, 5],
    ]);
  });

  it('reads "drei bis fünf" after a stated course as a range, not as "bis fünf"', () => {
    expect(counts('Meist sind 6 bis 8 Sitzungen nötig, bei Schmerzen drei bis fünf.', 'de')).toEqual([
      [6, 8],
      [3, 5],
    ]);
  });
});

describe('a count whose noun a parallel phrase leaves out', () => {
  const counts = (text: string, lang: string) => valuesOf(text, lang, 'sessions.count').map((v) => [(v as { min: number }).min, (v as { max: number }).max]);

  it.each([
    ['en', 'Unless your doctor advises otherwise, 4–6 sessions for the face and 8–10 for the body.', [[4, 6], [8, 10]]],
    ['it', 'Servono 3 sedute sul viso e 6 sul corpo, una a settimana.', [[3, 3], [6, 6]]],
    ['fr', 'Comptez 3 à 4 séances pour le visage et 6 à 8 pour le corps.', [[3, 4], [6, 8]]],
    // The same word opening a rate: no count.
    ['it', 'Servono 6 sedute per il viso e 2 per settimana.', [[6, 6]]],
    // Another word after the number: not the parallel phrase.
    ['en', 'Plan 4–6 sessions for the face; 30 minutes each.', [[4, 6]]],
  ])('%s: %s', (lang, text, expected) => expect(counts(text, lang)).toEqual(expected));
});

describe('a gap after a comma', () => {
  it('lets a gapped term read over a list ("dolor, ardor o escozor en el punto de inyección")', () => {
    const effects = claimsOf('Efectos frecuentes: dolor, ardor o escozor en el punto de inyección.', 'es').map((c) => [c.kind, (c.value as { effect?: string }).effect]);
    expect(effects).toContainEqual(['adverse-effect', 'pain']);
    expect(claimsOf('Die Mesotherapie ist eine sichere, gut erprobte Methode.', 'de').map((c) => (c.value as { assertion?: string }).assertion)).toEqual(['safe']);
  });
});

describe('a label that says the figure is a bound', () => {
  it.each([
    ['en', '- Maximum injection depth: 6 mm', { min: null, max: 6 }],
    ['it', 'Profondità massima: 4 mm.', { min: null, max: 4 }],
    ['es', 'Profundidad mínima de inyección: 1 mm.', { min: 1, max: null }],
    // Not a label: the figure stands alone.
    ['en', 'The injection depth is 6 mm.', { min: 6, max: 6 }],
  ])('%s: %s', (lang, text, bounds) => expect(valuesOf(text, lang, 'needle')).toEqual([expect.objectContaining({ aspect: 'depth', ...bounds })]));
});

describe('advice and aftercare', () => {
  it.each([
    ['en', 'Avoid aspirin and ibuprofen for 24 hours after your session unless they are prescribed for you.'],
    ['it', 'Evitare l’aspirina nelle 24 ore successive alla seduta.'],
    // A statement about one condition is not a blanket "no contraindications", nor a contraindication.
    ['en', 'Diabetes? Not a contraindication if well controlled – just tell us at consultation.'],
  ])('%s: %s', (lang, text) => {
    expect(conditionsOf(text, lang)).toEqual([]);
    expect(claimsOf(text, lang).filter((c) => c.kind === 'safety')).toEqual([]);
  });

  it('reads a refusal in the third person and forum shorthand', () => {
    expect(conditionsOf('La mia dottoressa in gravidanza e in allattamento non la fa proprio.', 'it')).toEqual(['pregnancy', 'breastfeeding']);
    expect(claimsOf('Per me nn fa per niente male, senti solo un pizzicorino :)', 'it').map((c) => (c.value as { assertion?: string }).assertion)).toEqual(['painless']);
  });
});

describe('warning signs', () => {
  const effects = (text: string, lang: string) => claimsOf(text, lang).filter((c) => c.kind === 'adverse-effect').map((c) => (c.value as { effect: string }).effect);
  it.each([
    ['en', 'If the area becomes hot, swollen and more painful after 48 hours, contact us or your GP – this could be a sign of infection.'],
    ['it', 'Qualora la zona trattata diventasse calda, arrossata e gonfia dopo più di 3 giorni, contatti il Centro.'],
  ])('an effect in a hypothetical clause that sends the reader to care is not claimed: %s', (lang, text) => expect(effects(text, lang)).toEqual([]));

  it('a hypothetical effect without that is still an effect the page says can occur', () => {
    expect(effects('If you notice bruising, apply ice.', 'en')).toEqual(['bruising']);
  });
});

describe('depths and counts read from their context', () => {
  const needles = (text: string, lang: string) => valuesOf(text, lang, 'needle').map((v) => { const n = v as { aspect: string; min: number | null; max: number | null }; return [n.aspect, n.min, n.max]; });

  it.each([
    // A first-person bound verb with "mai" between: at most.
    ['it', 'Sul ginocchio non supero mai i 4 mm di profondità.', [['depth', null, 4]]],
    ['it', 'La profondità è intradermica, 1–4 mm, e non supera in ogni caso i 6 mm.', [['depth', 1, 4], ['depth', null, 6]]],
    // Layer words and insertion are depth cues.
    ['it', 'Tecnica intradermica superficiale, a 1–2 mm.', [['depth', 1, 2]]],
    ['it', 'Scelgo l’ago più sottile e lo inserisco per non più di 2 mm.', [['depth', null, 2]]],
  ])('%s: %s', (lang, text, values) => expect(needles(text, lang)).toEqual(values));

  it('reads the figures of a paragraph under a question about depth as depths', () => {
    const text = '### How deep do the needles go?\n\nAbout 1 mm on the face: it’s very superficial. On the scalp, up to 3 mm, to reach the follicles.\n';
    expect(needles(text, 'en')).toEqual([['depth', 1, 1], ['depth', null, 3]]);
    // Under another question, a bare figure in millimetres is no needle claim.
    expect(needles('### How long does it take?\n\nOn the scalp, up to 3 mm of hair is trimmed.\n', 'en')).toEqual([]);
  });

  it.each([
    ['en', '### How many sessions will I need for my face?\n\nUsually 3–4, two weeks apart.', { min: 3, max: 4 }],
    ['en', '- **Sessions:** approx. 8.\n- **Frequency:** every two weeks.', { min: 8, max: 8 }],
    ['it', 'Sedute: circa 6.', { min: 6, max: 6 }],
  ])('%s: %s', (lang, text, count) => expect(valuesOf(text, lang, 'sessions.count').map((v) => { const c = v as { min: number; max: number }; return { min: c.min, max: c.max }; })).toEqual([count]));
});

describe('a gauge in the sentence after the needle', () => {
  it('reads "30G" after a sentence about the needle, not elsewhere', () => {
    const gauges = (text: string) => valuesOf(text, 'en', 'needle').filter((v) => (v as { aspect: string }).aspect === 'gauge').map((v) => (v as { min: number }).min);
    expect(gauges('A 32G needle, 4 mm long, for the face. For the scalp we use a slightly sturdier 30G.')).toEqual([32, 30]);
    expect(gauges('Side effects are mild. Our shop stocks the 30G model.')).toEqual([]);
  });
});

describe('frequencies and bounds written in other ways', () => {
  it('reads a maintenance label before its colon, and "one session a month"', () => {
    expect(valuesOf('Maintenance: one session a month, unless your doctor advises otherwise.', 'en', 'sessions.frequency')).toEqual([{ interval: 'P1M', phase: 'maintenance' }]);
  });

  it('reads "pode chegar a" as an upper bound', () => {
    const depth = valuesOf('Na papada, a aplicação fica a cerca de 4 mm de profundidade; no abdômen, pode chegar a 10 mm de profundidade.', 'pt', 'needle').map((v) => { const n = v as { min: number | null; max: number | null }; return [n.min, n.max]; });
    expect(depth).toEqual([[4, 4], [null, 10]]);
  });
});

describe('the dermis as a depth cue', () => {
  it('reads the figure after "into the dermis" as a depth, the needle before it as a length', () => {
    const v = valuesOf('We use a short 4 mm needle (27G–30G) and inject into the dermis at 2–4 mm.', 'en', 'needle').map((x) => { const n = x as { aspect: string; min: number; max: number }; return [n.aspect, n.min, n.max]; });
    expect(v).toEqual([['length', 4, 4], ['gauge', 27, 30], ['depth', 2, 4]]);
  });
});

describe('fresh13: bounds and abbreviated rates', () => {
  it('reads "on ne dépasse pas 4 mm" as an upper bound on depth', () => {
    expect(valuesOf('Injection très superficielle : on ne dépasse pas 4 mm.', 'fr', 'needle')).toMatchObject([{ aspect: 'depth', min: null, max: 4 }]);
  });
  it('keeps a needle length before a comma and a depth word', () => {
    expect(valuesOf('Needle 32G, 4mm, very superficial (approx. 1mm).', 'en', 'needle').map((v) => (v as { aspect: string }).aspect)).toEqual(['gauge', 'length', 'depth']);
  });
  it.each([
    ['it', 'Ciclo: 6 sedute/1 a sett.', 'P1W'],
    ['it', 'Il piano: dieci sedute, una ogni 7gg, poi si vede.', 'P1W'],
    ['es', 'Celulitis / grasa localizada: 8-12 ses., 1 x semana', 'P1W'],
  ])('%s: %s', (lang, text, interval) => expect(valuesOf(text, lang, 'sessions.frequency').map((v) => (v as { interval: string }).interval)).toContain(interval));
});
