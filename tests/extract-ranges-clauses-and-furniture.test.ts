/**
 * Ranges written with a hanging hyphen or as alternatives, rates that are fractions of a month,
 * counts whose session word is left out, clauses about another treatment, and calls to action.
 * Each rule came from a blind gold set (tests/gold-fresh96 to fresh100) and is general: the words
 * it reads are vocabulary (vocab/*.yaml quantity.rangeJoin, quantity.elidedCount, frequency.fixed,
 * noise) or reference terms (depth, other-treatments, fast-onset, safe).
 */
import { describe, expect, it } from 'vitest';
import { valuesOf, countsOf as counts, intervalsOf as intervals, needlesOf as needles, effectsOf, assertionsOf as assertions } from './helpers/engine.js';
import { formatInterval } from '../src/check/format-value.js';


describe('ranges', () => {
  it('a hyphen may hang on the first figure, the unit given once after the second', () => {
    expect(needles('We use fine 27- to 30-gauge needles, placed only 1 to 3 millimetres beneath the skin.', 'en')).toEqual(['gauge 27-30', 'depth 1-3']);
    expect(counts('Insgesamt sind 4- bis 6 Behandlungen nötig.', 'de')).toEqual(['4-6']);
  });

  it('two gauges given as alternatives are one range', () => {
    expect(needles('Usamos agujas de calibre 30 o 32 según la zona.', 'es')).toEqual(['gauge 30-32']);
    expect(needles('Wir verwenden feine 30G- oder 32G-Nadeln.', 'de')).toEqual(['gauge 30-32']);
    expect(needles('Gli aghi sono sottilissimi, 30G o addirittura 32G, e lunghi appena 4 mm.', 'it')).toEqual(['gauge 30-32', 'length 4-4']);
    // (Lengths with a word after the "or" stay apart: a sequence, not alternatives.)
    expect(needles('Aghi da 4 mm o talvolta 6 mm.', 'it')).toEqual(['length 4-4', 'length 6-6']);
  });

  it('a range with its "times" sign answers how many', () => {
    expect(counts('### 3. Wie viele Behandlungen sind nötig?\n\nIn der Regel 4-6x, anfangs wöchentlich, danach vierzehntägig.', 'de')).toEqual(['4-6']);
    // (Not a rate: "2x" before "pro Woche".)
    expect(counts('### Wie viele Behandlungen?\n\nMeist 2x pro Woche.', 'de')).toEqual([]);
  });
});

describe('rates and elided counts', () => {
  it('twice a month is half a month, as twice a week is half a week, and reads so', () => {
    expect(intervals('Sessions are given twice a month at first, then we go weekly.', 'en')).toEqual(['P0.5M', 'P1W']);
    expect(intervals('Le sedute si fanno due volte al mese.', 'it')).toEqual(['P0.5M']);
    expect(intervals('Las sesiones son dos veces al mes.', 'es')).toEqual(['P0.5M']);
    expect(intervals('Wir behandeln zweimal im Monat.', 'de')).toEqual(['P0.5M']);
    expect(formatInterval('P0.5M')).toBe('twice a month');
    expect(formatInterval('P0.33W')).toBe('3 times a week');
  });

  it('a count after a sentence about sessions may leave its session word out: "may need 6 to 10"', () => {
    expect(counts('Acute injuries often respond within 2 or 3 treatments. Chronic conditions may need 6 to 10.', 'en')).toEqual(['2-3', '6-10']);
    expect(counts('Most clients need 6 to 10 sessions. Smaller areas like the chin might need only 3 or 4.', 'en')).toEqual(['6-10', '3-4']);
    expect(counts('Most patients need four to six treatments. Stubborn Achilles problems might take eight.', 'en')).toEqual(['4-6', '8-8']);
    // (The number must close its phrase: "need 2 days" counts days.)
    expect(counts('Most patients need four to six treatments. Afterwards you may need 2 days off.', 'en')).toEqual(['4-6']);
  });
});

describe('another treatment inside a sentence about this one', () => {
  it('a clause between semicolons that names another treatment, and not this one, is about that one', () => {
    const text = 'Il filler riempie rughe e volumi e può lasciare un ematoma per qualche giorno; la mesoterapia lavora sulla qualità della pelle e può dare qualche ecchimosi.';
    expect(effectsOf(text, 'it')).toEqual(['bruising']);
    // (A clause that names both stays this treatment's.)
    expect(effectsOf('Rispetto al filler la mesoterapia dà meno ematomi; è comunque possibile qualche ecchimosi.', 'it')).toEqual(['hematoma', 'bruising']);
  });

  it('a count whose session word starts another treatment’s name counts that one’s sessions', () => {
    expect(counts('À côté de la mésothérapie, la rééducation reste essentielle : en général, 10 à 15 séances de kinésithérapie sont prescrites.', 'fr')).toEqual([]);
    expect(counts('La mesoterapia richiede 4 sedute, da integrare con 10 sedute di fisioterapia.', 'it')).toEqual(['4-4']);
  });
});

describe('page furniture', () => {
  it('a call to action keeps a promise made in a clause of its own, and a newsletter’s rate is the newsletter’s', () => {
    expect(assertions('👉 Prenota ora la tua consulenza gratuita con la nostra dottoressa: risultati visibili già dalla prima seduta!', 'it')).toEqual(['fast-onset']);
    expect(intervals('Ti è piaciuto questo caso? Iscriviti alla newsletter: un articolo ogni due settimane, niente spam.', 'it')).toEqual([]);
    expect(intervals('**Newsletter** – Trainingstipps von unseren Sportärzten, einmal im Monat.', 'de')).toEqual([]);
  });
});

describe('vocabulary from the batch', () => {
  it('reads depth verbs, relief within hours, and safety profiles', () => {
    expect(needles("Con la tecnica del nappage l'ago entra di pochissimo, 0,4-0,8 mm.", 'it')).toEqual(['depth 0.4-0.8']);
    expect(needles('Solo introducimos la punta: 0.3 a 0.5 mm en la cara.', 'es')).toEqual(['depth 0.3-0.5']);
    expect(assertions('Many patients notice relief within the first 24 to 48 hours.', 'en')).toEqual(['fast-onset']);
    expect(assertions('Es un procedimiento mínimamente invasivo y con un excelente perfil de seguridad.', 'es')).toEqual(['safe']);
    expect(assertions('Comme on injecte peu de produit, il y a très peu d’effets secondaires.', 'fr')).toEqual(['rare-side-effects']);
  });
});

describe('from the fresh101 to fresh105 sets', () => {
  it('a number that opens the answer to how many, a comma after it, is the count', () => {
    expect(counts('**Combien de séances faut-il ?**\nEn général trois, à une semaine d’intervalle (J1, J8, J15).', 'fr')).toEqual(['3-3']);
    expect(counts('## How many sessions will I need?\n\nThree, spaced three to four weeks apart, is what I recommend for most people.', 'en')).toEqual(['3-3']);
    // (Not one after a word of time: "Tras cuatro, una al mes".)
    expect(counts('## ¿Cuántas sesiones?\n\nTras cuatro, una al mes.', 'es')).toEqual([]);
  });

  it('what a page refuses to do, it does not promise; the condition it refuses stays refused', () => {
    expect(assertions('Mesotherapy at our clinic. We do not offer “fat-dissolving” mesotherapy.', 'en')).toEqual([]);
    expect(valuesOf('We do not offer mesotherapy during pregnancy.', 'en', 'contraindication').map((v) => (v as { condition: string }).condition)).toEqual(['pregnancy']);
  });

  it('reads intervals of one week written out in Italian', () => {
    expect(intervals('Il protocollo prevede 3–5 sedute a intervalli di una settimana.', 'it')).toEqual(['P1W']);
    expect(intervals('Servono 5 sedute, a una settimana l’una dall’altra.', 'it')).toEqual(['P1W']);
    // ("A distanza di 3 mesi" is a follow-up, not a rate.)
    expect(intervals('A distanza di 3 mesi dalla fine del ciclo la rivediamo.', 'it')).toEqual([]);
  });

  it('a bold line that names another treatment over the rest of its paragraph makes the paragraph that one’s, and no further', () => {
    const menu = [
      '**Botulinumtoxin**',
      'Behandlungsdauer: 15 Min. · Sitzungen: 1 · ab 250 €',
      'Nicht während Schwangerschaft und Stillzeit. Selten kleine Blutergüsse.',
      '',
      '**Mesotherapie (Gesicht)**',
      'Sitzungen: 4–6 · Abstand: 2–3 Wochen',
      '',
    ].join('\n');
    expect(counts(menu, 'de')).toEqual(['4-6']);
    expect(valuesOf(menu, 'de', 'contraindication')).toEqual([]);
    // A comment after a bold question about PRP is the commenter's own.
    expect(counts('**En PRP?**\nPRP is een alternatief. Daarvoor zijn meestal 3 behandelingen nodig.\n\n**Marieke** · 14 februari 2025\nIk heb er tien gehad, om de week.\n', 'nl')).toEqual(['10-10']);
  });

  it('a paragraph wholly in bold leads in the list under it, as a heading would, unless it is a quotation', () => {
    const list = '**Quando non la faccio.**\n1. Pazienti in doppia antiaggregazione (post-stent).\n2. Infezioni cutanee o dermatiti nella zona.\n3. Pregressa radioterapia sulla spalla.\n';
    expect(valuesOf(list, 'it', 'contraindication').map((v) => (v as { condition: string }).condition)).toEqual(['antiplatelet-therapy', 'skin-infection', 'prior-radiotherapy']);
    expect(effectsOf('**Affermazione 5: «Senza nessun effetto collaterale»**\n❌ FALSO. «Lividi e gonfiore sono frequentissimi», spiega la dottoressa.\n', 'it')).toEqual(['bruising', 'swelling']);
  });

  it('reads more other treatments, depths and bounds', () => {
    expect(valuesOf('- **Fanghi e bagni termali**: sconsigliati in caso di cardiopatie scompensate, gravidanza.\n- **Mesoterapia**: sconsigliata in gravidanza.\n', 'it', 'contraindication')).toHaveLength(1);
    expect(needles('Profondeur : IDS (1 à 2 mm) en règle générale ; IDP (entre 2 et 4 mm) sur les enthèses.', 'fr')).toEqual(['depth 1-2', 'depth 2-4']);
    expect(needles('Uso agujas de 32G, re finitas, y pincho a 1 o 2 mm nomás.', 'es')).toEqual(['gauge 32-32', 'depth 1-2']);
    expect(assertions('Controindicazioni vere e proprie non ce ne sono.', 'it')).toEqual(['no-contraindications']);
  });
});

describe('from the fresh106 to fresh110 sets: what a page withdrew', () => {
  it('struck-out text is withdrawn: Markdown "~~…~~", an inline or block-level <del>', () => {
    expect(needles('Usiamo aghi ~~da 6 mm~~ da 4 mm.', 'it')).toEqual(['length 4-4']);
    expect(needles('Nous utilisons des aiguilles de <del>13 mm</del> 4 mm pour la mésothérapie.', 'fr')).toEqual(['length 4-4']);
    expect(needles('<p>Aiguilles de <del>13 mm</del> 4 mm.</p>', 'fr')).toEqual(['length 4-4']);
    expect(assertions('La mesoterapia è ~~del tutto indolore~~ poco fastidiosa.', 'it')).toEqual([]);
  });

  it('what the page said or did before is no claim now (vocab context.historical); a patient’s history is still a condition', () => {
    expect(needles('In passato usavamo aghi da 6 mm; oggi usiamo aghi da 4 mm.', 'it')).toEqual(['length 4-4']);
    const correction = 'An earlier version of this article stated that the needles used for mesotherapy are 13mm long and that the drug is injected 10mm below the skin. The needles are 4mm long.';
    expect(needles(correction, 'en')).toEqual(['length 4-4']);
    expect(valuesOf('Mesotherapy is not suitable for patients who have previously received radiotherapy to the area.', 'en', 'contraindication').map((v) => (v as { condition: string }).condition)).toEqual(['prior-radiotherapy']);
  });

  it('reads the batch’s vocabulary', () => {
    expect(intervals('Daarna volstaat één sessie per drie maanden.', 'nl')).toEqual(['P3M']);
    expect(assertions('Mesotherapy has very few side effects.', 'en')).toEqual(['rare-side-effects']);
    expect(valuesOf('You should not have it if you have a known allergy to any ingredient in the solution.', 'en', 'contraindication').map((v) => (v as { condition: string }).condition)).toEqual(['drug-allergy']);
  });
});
