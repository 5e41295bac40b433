import { describe, expect, it } from 'vitest';
import { claimsOf, valuesOf } from './helpers/engine.js';
import { detectLanguage } from '../src/vocab/load.js';
import { getEngine } from './helpers/engine.js';

/** French and Spanish are read through data alone (vocab/fr.yaml, vocab/es.yaml, the reference's terms). */
describe('French', () => {
  it('reads needles, depth and sessions', () => {
    expect(valuesOf('Nous utilisons des aiguilles de 4 mm.', 'fr', 'needle')).toEqual([{ aspect: 'length', min: 4, max: 4, unit: 'mm', approximate: false }]);
    expect(valuesOf("L'injection est réalisée à 2-4 mm de profondeur.", 'fr', 'needle')).toEqual([{ aspect: 'depth', min: 2, max: 4, unit: 'mm', approximate: false }]);
    expect(valuesOf('Un protocole de quatre à six séances est conseillé.', 'fr', 'sessions.count')).toEqual([{ min: 4, max: 6, approximate: false }]);
    expect(valuesOf('Les séances sont espacées de 15 jours.', 'fr', 'sessions.frequency')).toEqual([{ interval: 'P15D', phase: 'initial' }]);
    expect(valuesOf('Une séance par semaine, puis une séance d’entretien par mois.', 'fr', 'sessions.frequency')).toEqual([
      { interval: 'P1W', phase: 'initial' },
      { interval: 'P1M', phase: 'maintenance' },
    ]);
  });

  it('reads contraindications, negation and assertions', () => {
    expect(valuesOf('La mésothérapie est contre-indiquée en cas de grossesse.', 'fr', 'contraindication')).toEqual([{ condition: 'pregnancy', strength: 'unspecified' }]);
    const claims = claimsOf('Le traitement est sans douleur et sans effets secondaires.', 'fr');
    expect(claims.filter((c) => c.kind === 'safety').map((c) => c.value)).toEqual([{ assertion: 'painless' }, { assertion: 'no-side-effects' }]);
    expect(claims.filter((c) => c.kind === 'adverse-effect')).toEqual([]);
  });
});

describe('Spanish', () => {
  it('reads number words, ranges and frequencies', () => {
    expect(valuesOf('Se recomiendan entre cuatro y seis sesiones.', 'es', 'sessions.count')).toEqual([{ min: 4, max: 6, approximate: false }]);
    expect(valuesOf('Habitualmente se realiza una vez por semana.', 'es', 'sessions.frequency')).toEqual([{ interval: 'P1W', phase: 'initial' }]);
    expect(valuesOf('Usamos agujas de 4 a 6 mm.', 'es', 'needle')).toEqual([{ aspect: 'length', min: 4, max: 6, unit: 'mm', approximate: false }]);
  });

  it('reads contraindications and denials of side effects', () => {
    expect(valuesOf('Está contraindicada en el embarazo y la lactancia.', 'es', 'contraindication')).toEqual([
      { condition: 'pregnancy', strength: 'unspecified' },
      { condition: 'breastfeeding', strength: 'unspecified' },
    ]);
    expect(valuesOf('Es un tratamiento sin efectos secundarios.', 'es', 'safety')).toEqual([{ assertion: 'no-side-effects' }]);
  });
});

describe('language detection', () => {
  it('detects the language of a page without front matter', () => {
    const packs = getEngine().languages;
    expect(detectLanguage('La mesoterapia è una tecnica che consiste nella somministrazione di farmaci con aghi sottili.', packs)).toBe('it');
    expect(detectLanguage('Mesotherapy is a technique in which small doses of drugs are injected into the skin with fine needles.', packs)).toBe('en');
    expect(detectLanguage('La mésothérapie est une technique qui consiste à injecter des médicaments dans la peau avec des aiguilles fines.', packs)).toBe('fr');
    expect(detectLanguage('La mesoterapia es una técnica que consiste en inyectar medicamentos en la piel con agujas finas para el dolor.', packs)).toBe('es');
  });
});

describe('an allergy to the injected products, in five languages', () => {
  it('is a contraindication where the page rules the treatment out, not where it lists side effects', () => {
    const cases: Array<[string, string, string]> = [
      ["La mésothérapie est contre-indiquée en cas d'allergie aux produits utilisés.", 'fr', 'Les effets secondaires sont rares : hématomes, allergie aux produits injectés.'],
      ['Do not have mesotherapy if you are allergic to any of the products used.', 'en', 'Side effects include bruising and an allergy to the products used.'],
      ['È controindicata in caso di allergia ai prodotti utilizzati.', 'it', 'Gli effetti collaterali sono lividi e allergia ai prodotti iniettati.'],
      ['Está contraindicada en caso de alergia a los productos utilizados.', 'es', 'Los efectos secundarios son hematomas y alergia a los productos inyectados.'],
      ['É contraindicada em caso de alergia aos produtos utilizados.', 'pt', 'Os efeitos colaterais são hematomas e alergia aos produtos injetados.'],
    ];
    for (const [contraindication, language, sideEffects] of cases) {
      expect(valuesOf(contraindication, language, 'contraindication'), contraindication).toEqual([{ condition: 'drug-allergy', strength: 'unspecified' }]);
      expect(valuesOf(sideEffects, language, 'contraindication'), sideEffects).toEqual([]);
    }
  });
});

describe('a denial of serious side effects', () => {
  it('is that one assertion, not also "no side effects", where the qualifier follows the noun', () => {
    const cases: Array<[string, string]> = [
      ['È un trattamento sicuro e privo di effetti collaterali rilevanti.', 'it'],
      ['È un trattamento senza effetti collaterali gravi.', 'it'],
      ['La mésothérapie est sans effets secondaires graves.', 'fr'],
      ['Es un tratamiento sin efectos secundarios graves.', 'es'],
      ['É um tratamento sem efeitos colaterais graves.', 'pt'],
      ['It is free of serious side effects.', 'en'],
    ];
    for (const [text, language] of cases) {
      const assertions = claimsOf(text, language)
        .filter((c) => c.kind === 'safety')
        .map((c) => (c.value as { assertion: string }).assertion)
        .filter((a) => a !== 'safe');
      expect(assertions, text).toEqual(['no-serious-side-effects']);
    }
    // A plain denial is still what it says.
    expect(claimsOf('È un trattamento privo di effetti collaterali.', 'it').map((c) => c.value)).toEqual([{ assertion: 'no-side-effects' }]);
  });
});

describe('how often and how bad an adverse effect is', () => {
  const effects = (text: string, language: string) =>
    claimsOf(text, language)
      .filter((c) => c.kind === 'adverse-effect')
      .map((c) => [c.text, (c.value as { frequency?: string }).frequency, (c.value as { severity?: string }).severity]);

  it('takes the nearest word of either list, not the first list that has one in reach', () => {
    expect(effects('Swelling is common, infection is rare.', 'en')).toEqual([
      ['Swelling', 'common', undefined],
      ['infection', 'rare', undefined],
    ]);
    expect(effects('Side effects may include mild swelling and severe bruising.', 'en')).toEqual([
      ['swelling', undefined, 'mild'],
      ['bruising', undefined, 'severe'],
    ]);
  });

  it('reads "not uncommon" and "not rare" as common, in five languages', () => {
    expect(effects('Bruising is not uncommon. Infection is very uncommon.', 'en')).toEqual([
      ['Bruising', 'common', undefined],
      ['Infection', 'rare', undefined],
    ]);
    expect(effects('Gli ematomi non sono rari dopo la seduta. Le infezioni sono rare.', 'it')).toEqual([
      ['ematomi', 'common', undefined],
      ['infezioni', 'rare', undefined],
    ]);
    expect(effects('Les ecchymoses ne sont pas rares. Les infections sont rares.', 'fr').map((e) => e[1])).toEqual(['common', 'rare']);
    expect(effects('Los hematomas no son raros. Las infecciones son raras.', 'es').map((e) => e[1])).toEqual(['common', 'rare']);
    expect(effects('Hämatome sind nicht selten. Infektionen sind selten.', 'de').map((e) => e[1])).toEqual(['common', 'rare']);
  });

  it('does not derive "side effects are rare" from "not uncommon"', () => {
    const safety = claimsOf('Side effects: bruising is not uncommon after treatment.', 'en').filter((c) => c.kind === 'safety');
    expect(safety).toEqual([]);
    expect(claimsOf('Side effects are uncommon.', 'en').map((c) => (c.value as { assertion?: string }).assertion)).toEqual(['rare-side-effects']);
  });
});

describe('a maintenance schedule', () => {
  const phases = (text: string, lang: string) =>
    claimsOf(text, lang)
      .filter((c) => c.kind === 'sessions.frequency')
      .map((c) => [c.text, (c.value as { phase: string }).phase]);

  it('is not the schedule before a comma and a "then"', () => {
    expect(phases('Recomendamos entre 4 y 6 sesiones, una cada 15 días, y después una sesión de mantenimiento cada 2 meses.', 'es')).toEqual([
      ['cada 15 días', 'initial'],
      ['cada 2 meses', 'maintenance'],
    ]);
    expect(phases('A course of 8 treatments followed by monthly top-ups.', 'en')).toEqual([['monthly', 'maintenance']]);
  });

  it('reads French intervals of one week and one month', () => {
    expect(phases("Comptez 3 séances à une semaine d'intervalle. Les rappels sont espacés d'un mois.", 'fr')).toEqual([
      ["à une semaine d'intervalle", 'initial'],
      ["espacés d'un mois", 'maintenance'],
    ]);
  });
});

describe('lexicon entries found on new pages', () => {
  const values = (text: string, lang: string) => claimsOf(text, lang).map((c) => [c.kind, c.text]);

  it.each([
    ['fr', 'Les effets indésirables sont peu fréquents et bénins.', [['safety', 'effets indésirables sont peu fréquents']]],
    ['es', 'Es prácticamente indolora.', [['safety', 'prácticamente indolora']]],
    ['es', 'Resultados naturales y 100% garantizados.', [['efficacy', 'Resultados naturales y 100% garantizados']]],
    ['es', 'Se recomienda hacer 10 sesiones, realizando dos veces por la semana.', [['sessions.count', '10 sesiones'], ['sessions.frequency', 'dos veces por la semana']]],
    ['en', 'The medication is placed 2 to 4 mm under the surface.', [['needle', '2 to 4 mm']]],
    ['it', 'Un ciclo completo comprende una dozzina di sedute.', [['sessions.count', 'una dozzina di sedute']]],
  ])('%s: %s', (lang, text, expected) => {
    expect(values(text, lang)).toEqual(expected);
  });

  it('a quoted idea is reported, not asserted', () => {
    expect(values('Anche l’idea che “depuri l’organismo dalle tossine” non ha basi scientifiche.', 'it')).toEqual([]);
    expect(values('La mesoterapia depura l’organismo dalle tossine.', 'it')).toEqual([['efficacy', 'depura l’organismo dalle tossine']]);
  });
});

describe('a bound whose noun the course before it gave', () => {
  const counts = (text: string, lang: string) =>
    claimsOf(text, lang)
      .filter((c) => c.kind === 'sessions.count')
      .map((c) => [c.text, (c.value as { min: number | null }).min, (c.value as { max: number | null }).max]);

  it.each([
    ['en', 'A course usually runs to three or four sessions. Long-standing tendon problems may need up to eight.', [['three or four sessions', 3, 4], ['up to eight', null, 8]]],
    ['en', 'Most patients need four sessions for knee pain, some up to eight.', [['four sessions', 4, 4], ['up to eight', null, 8]]],
    ['it', 'Il ciclo prevede quattro sedute. Per il dolore cronico si può arrivare fino a otto.', [['quattro sedute', 4, 4], ['fino a otto', null, 8]]],
    ['fr', 'Trois séances suffisent en général. Pour les tendinites anciennes, on peut aller jusqu’à cinq.', [['Trois séances', 3, 3], ['jusqu’à cinq', null, 5]]],
  ])('%s: %s', (lang, text, expected) => {
    expect(counts(text, lang)).toEqual(expected);
  });

  it.each([
    ['es', '**¿Cuántas sesiones hacen falta?**\nEn general de 3 a 5.', [['de 3 a 5', 3, 5]]],
    ['es', 'Suelen bastar de dos a cuatro sesiones; en procesos crónicos solemos plantear entre 6 y 8.', [['de dos a cuatro sesiones', 2, 4], ['entre 6 y 8', 6, 8]]],
    ['en', '### How many sessions will I need?\n\nUsually 4 to 6.', [['4 to 6', 4, 6]]],
  ])('%s: a bare range after a course or a question about sessions: %s', (lang, text, expected) => {
    expect(counts(text, lang)).toEqual(expected);
  });

  it('needs the course first, and a number that ends its clause', () => {
    expect(counts('Knee pain may need up to eight. A course usually runs to four sessions.', 'en')).toEqual([['four sessions', 4, 4]]);
    expect(counts('A course runs to four sessions. Knee pain may need up to eight weeks of rest.', 'en')).toEqual([['four sessions', 4, 4]]);
    expect(counts('A course runs to four sessions.\n\nKnee pain may need up to eight.', 'en')).toEqual([['four sessions', 4, 4]]);
    expect(counts('### How long does a session last?\n\nUsually 20 to 30.', 'en')).toEqual([]);
  });
});

describe('lexicon entries found on the fresh set', () => {
  const values = (text: string, lang: string) => claimsOf(text, lang).map((c) => [c.kind, c.text]);

  it.each([
    ['es', '100% seguro y sin dolor.', [['safety', '100% seguro'], ['safety', 'sin dolor']]],
    ['it', 'È una metodica sicura.', [['safety', 'metodica sicura']]],
    ['it', 'La mesoterapia è sicura al 100%.', [['safety', 'mesoterapia è sicura']]],
    ['it', 'Con il tempo la cellulite viene eliminata.', [['efficacy', 'cellulite viene eliminata']]],
    ['fr', 'Une rougeur et, parfois, un bleu peuvent apparaître.', [['adverse-effect', 'rougeur'], ['adverse-effect', 'un bleu']]],
    ['fr', 'Les résultats sont durables, voire définitifs.', [['efficacy', 'résultats sont durables, voire définitifs']]],
  ])('%s: %s', (lang, text, expected) => {
    expect(values(text, lang)).toEqual(expected);
  });

  it('a skin infection and an allergy to the medicines, as contraindications', () => {
    expect(values('La mésothérapie est contre-indiquée sur une peau infectée.', 'fr')).toEqual([['contraindication', 'peau infectée']]);
    expect(values("Elle est déconseillée sur une peau qui présente une infection.", 'fr')).toEqual([['contraindication', 'peau qui présente une infection']]);
    expect(values('It is not suitable if you are allergic to any of the medicines used.', 'en').map((v) => v[0])).toEqual(['contraindication']);
  });
});

describe('a depth bound', () => {
  const needles = (text: string, lang: string) =>
    claimsOf(text, lang)
      .filter((c) => c.kind === 'needle')
      .map((c) => [c.text, (c.value as { aspect: string }).aspect, (c.value as { min: number | null }).min, (c.value as { max: number | null }).max]);

  it('reads "al massimo a" and a depth said as staying near the surface', () => {
    expect(needles("L'ago penetra al massimo a 4 mm di profondità.", 'it')).toEqual([['al massimo a 4 mm', 'depth', null, 4]]);
    expect(needles("Pour le visage, on reste très en surface : jusqu'à 1,5 mm, pas plus.", 'fr')).toEqual([["jusqu'à 1,5 mm", 'depth', null, 1.5]]);
  });
});

describe('lexicon entries found on the fresh2 set (forums, brochures)', () => {
  const values = (text: string, lang: string) => claimsOf(text, lang).map((c) => [c.kind, c.text]);

  it.each([
    ['fr', 'Une séance aux deux semaines.', [['sessions.frequency', 'aux deux semaines']]],
    ['fr', 'Pratiquée par un médecin, c’est une technique sécuritaire.', [['safety', 'sécuritaire']]],
    ['it', 'io la faccio una ogni 15 gg', [['sessions.frequency', 'ogni 15 gg']]],
    ['es', 'Duele un poco y la zona queda enrojecida.', [['adverse-effect', 'Duele un poco'], ['adverse-effect', 'enrojecida']]],
    ['en', 'You will see visible results after the very first session.', [['efficacy', 'after the very first session']]],
  ])('%s: %s', (lang, text, expected) => {
    expect(values(text, lang)).toEqual(expected);
  });

  it('a whole parenthetical does not stop a refusal', () => {
    const text = 'No indico mesoterapia en embarazadas ni en quienes toman anticoagulantes (acenocumarol, warfarina o los nuevos), ni en quien tuvo alergia a alguno de los fármacos.';
    expect(values(text, 'es').filter((v) => v[0] === 'contraindication').map((v) => v[1])).toContain('alergia a alguno de los fármacos');
  });

  it('a line that breaks inside a sentence does not end it', () => {
    expect(values('Un traitement comprend de 3 à 6\nséances, avec une aiguille de\n13 mm.', 'fr')).toEqual([
      ['sessions.count', 'de 3 à 6\nséances'],
      ['needle', 'de\n13 mm'],
    ]);
  });
});

describe('English contractions', () => {
  it('negate as their full forms do', () => {
    expect(claimsOf('I haven’t seen scarring from it.', 'en').filter((c) => c.kind === 'adverse-effect')).toEqual([]);
    expect(claimsOf('There wasn’t any bruising afterwards.', 'en').filter((c) => c.kind === 'adverse-effect')).toEqual([]);
  });
});

describe('lexicon entries found on the fresh15 set (fr, es, de, pt, nl)', () => {
  const conditions = (text: string, lang: string) => claimsOf(text, lang).filter((c) => c.kind === 'contraindication').map((c) => [(c.value as { condition: string }).condition, (c.value as { strength: string }).strength]);
  const intervals = (text: string, lang: string) => valuesOf(text, lang, 'sessions.frequency').map((v) => (v as { interval: string }).interval);

  it('reads "quincenal", "quinzenal" and "quindicinale" as every fifteen days, as written', () => {
    expect(intervals('El tratamiento consta de 6 a 10 sesiones, con una periodicidad quincenal.', 'es')).toEqual(['P15D']);
    expect(intervals('As sessões são quinzenais.', 'pt')).toEqual(['P15D']);
    expect(intervals('Le sedute sono quindicinali.', 'it')).toEqual(['P15D']);
  });

  it('does not end a sentence at "p. ej." or "p. ex." inside a list', () => {
    expect(conditions('Contraindicaciones relativas: tratamiento antiagregante (p. ej., ácido acetilsalicílico), cardiopatía grave.', 'es')).toEqual([
      ['antiplatelet-therapy', 'relative'],
      ['heart-disease', 'relative'],
    ]);
    expect(conditions('Contre-indications relatives : traitement antiagrégant (p. ex. aspirine), cardiopathie grave.', 'fr')).toEqual([
      ['antiplatelet-therapy', 'relative'],
      ['heart-disease', 'relative'],
    ]);
  });

  it('reads caution ("terughoudendheid is geboden", "sehr zurückhaltend") as a relative contraindication', () => {
    expect(conditions('Terughoudendheid is geboden bij actieve kanker en bij auto-immuunziekten.', 'nl')).toEqual([
      ['cancer', 'relative'],
      ['autoimmune-disease', 'relative'],
    ]);
    expect(conditions('Wer eine Krebserkrankung hat, da bin ich sehr zurückhaltend.', 'de')).toEqual([['cancer', 'relative']]);
  });

  it('continues a contraindication with "the same applies to" and reads "não se faz", "não indicamos"', () => {
    expect(conditions('Com anticoagulantes orais a mesoterapia está contraindicada. O mesmo se aplica a quem tem doenças da coagulação.', 'pt').map(([c]) => c)).toEqual(['anticoagulant-therapy', 'coagulation-disorder']);
    expect(conditions('Mesotherapy is not advised with warfarin. The same applies to people with a bleeding disorder.', 'en').map(([c]) => c)).toEqual(['anticoagulant-therapy', 'coagulation-disorder']);
    expect(conditions('Durante a gravidez e a amamentação, a mesoterapia não se faz.', 'pt').map(([c]) => c)).toEqual(['pregnancy', 'breastfeeding']);
    expect(conditions('Só não indicamos para gestantes e lactantes.', 'pt').map(([c]) => c)).toEqual(['pregnancy', 'breastfeeding']);
  });

  it('reads "met een tussenpoos van een week" as weekly', () => {
    expect(intervals('Meestal 3 à 5 behandelingen, met een tussenpoos van een week.', 'nl')).toEqual(['P1W']);
  });
});

describe('lexicon entries found on the fresh14 set (it, en)', () => {
  it('reads a gauge written out before its word ("trenta gauge")', () => {
    expect(valuesOf('Io uso aghi da quattro millimetri, trenta gauge, quindi veramente sottili.', 'it', 'needle')).toEqual([
      { aspect: 'length', min: 4, max: 4, unit: 'mm', approximate: false },
      { aspect: 'gauge', min: 30, max: 30, unit: 'G', approximate: false },
    ]);
  });

  it('reads "1/sett." and "1/mese" in a schedule table', () => {
    const table = '| Fase | Settimane | Frequenza |\n|---|---|---|\n| Attacco | 1–3 | 1/sett. |\n| Mantenimento | dall’8ª | 1/mese |';
    expect(valuesOf(table, 'it', 'sessions.frequency').map((v) => (v as { interval: string }).interval)).toEqual(['P1W', 'P1M']);
  });

  it("reads a no to a question about serious side effects as no serious side effects (the question's qualifier)", () => {
    const safety = (text: string, lang: string) => valuesOf(text, lang, 'safety').map((v) => (v as { assertion: string }).assertion);
    expect(safety('**Ci sono effetti collaterali gravi?**\nPraticamente no: in dieci anni di attività non ne abbiamo registrato nessuno.', 'it')).toEqual(['no-serious-side-effects']);
    expect(safety('### Are there serious side effects?\n\nNo.', 'en')).toEqual(['no-serious-side-effects']);
    // The question's qualifier is the answer's: not also "no side effects".
    expect(safety('### Are there side effects?\n\nNo.', 'en')).toEqual(['no-side-effects']);
    expect(safety('### Are there serious side effects?\n\nYes, sometimes.', 'en')).toEqual([]);
  });
});

describe('contexts found on the fresh17 set (es, fr, de, pt, nl)', () => {
  const conditions = (text: string, lang: string) => claimsOf(text, lang).filter((c) => c.kind === 'contraindication').map((c) => (c.value as { condition: string }).condition);

  it('reads a condition answered by a bare no as refused', () => {
    expect(conditions('Pendant un traitement anticancéreux, non. Après la rémission, nous en discutons.', 'fr')).toEqual(['cancer']);
    expect(conditions('Com varfarina, não, Marcos. O risco de sangramento é alto.', 'pt')).toEqual(['anticoagulant-therapy']);
    expect(conditions('Als je zwanger bent: nee, dat doet geen arts.', 'nl')).toEqual(['pregnancy']);
    // The no before the condition denies it is one.
    expect(conditions('No, la gravidanza non è un problema.', 'it')).toEqual([]);
  });

  it('does not end a sentence at a stop closed in brackets before a small letter', () => {
    expect(conditions('Com anticoagulantes (varfarina, rivaroxabano, apixabano…) desaconselhamos ambos os tratamentos.', 'pt')).toEqual(['anticoagulant-therapy']);
  });

  it('reads refusals written with separable verbs and first persons', () => {
    expect(conditions('Aigner rät außerdem Schwangeren, stillenden Müttern und Menschen, die Blutverdünner nehmen, generell von einer Mesotherapie ab.', 'de')).toEqual(['pregnancy', 'breastfeeding', 'anticoagulant-therapy']);
    expect(conditions('Me preguntó si tomaba aspirina o algún anticoagulante, porque en ese caso no me la podía hacer.', 'es')).toEqual(['antiplatelet-therapy', 'anticoagulant-therapy']);
    expect(conditions('Com o diabetes descompensado eu não faço, porque a cicatrização fica mais lenta.', 'pt')).toEqual(['diabetes']);
    expect(conditions('Alleen bij een slecht geregelde diabetes stellen we de behandeling uit tot uw waarden beter zijn.', 'nl')).toEqual(['diabetes']);
    expect(conditions('Une infection de la peau dans la zone à traiter impose d’attendre.', 'fr')).toEqual(['skin-infection']);
  });
});

describe('wordings found on the fresh16 set (it, en: documents as text)', () => {
  const conditions = (text: string, lang: string) => claimsOf(text, lang).filter((c) => c.kind === 'contraindication').map((c) => (c.value as { condition: string }).condition);
  const safety = (text: string, lang: string) => valuesOf(text, lang, 'safety').map((v) => (v as { assertion: string }).assertion);

  it('reads a figure spelt out after it ("n. 6 (sei) sedute")', () => {
    expect(valuesOf('Si prescrivono n. 6 (sei) sedute di mesoterapia antalgica.', 'it', 'sessions.count')).toEqual([{ min: 6, max: 6, approximate: false }]);
    expect(valuesOf('Aghi da 4 (quattro) mm.', 'it', 'needle')).toEqual([{ aspect: 'length', min: 4, max: 4, unit: 'mm', approximate: false }]);
  });

  it('reads a short sentence a bare no closes as a refusal of the condition it names', () => {
    expect(conditions('Anche in gravidanza ovviamente no.', 'it')).toEqual(['pregnancy']);
    // Not a long sentence, where the no may be about anything.
    expect(conditions('Durante la gravidanza molte pazienti chiedono se possono fare sport, e la risposta è no.', 'it')).toEqual([]);
  });

  it('reads a leaflet\'s "do not use" and a contracted "isn\'t suitable"', () => {
    expect(conditions('Non utilizzare in gravidanza.', 'it')).toEqual(['pregnancy']);
    expect(conditions('It isn’t suitable during pregnancy.', 'en')).toEqual(['pregnancy']);
  });

  it('reads the qualifier inside the mention ("effetti gravi") and "zero" after it', () => {
    expect(safety('EFFETTI GRAVI IN 12 ANNI NON NE ABBIAMO MAI VISTI.', 'it')).toEqual(['no-serious-side-effects']);
    expect(safety('Effetti gravi zero.', 'it')).toEqual(['no-serious-side-effects']);
  });
});

describe('items on one line between check marks', () => {
  it('are clauses of their own: a negation does not reach into the next item', () => {
    expect(valuesOf('✔ Indolor ✔ Sem efeitos colaterais ✔ Sem contraindicações ✔ 100% seguro', 'pt', 'safety').map((v) => (v as { assertion: string }).assertion)).toEqual([
      'painless',
      'no-side-effects',
      'no-contraindications',
      'safe',
    ]);
  });
});

describe('wordings found on the fresh18 set (en, it from other places)', () => {
  const counts = (text: string, lang: string) => valuesOf(text, lang, 'sessions.count').map((v) => [(v as { min: number }).min, (v as { max: number }).max]);

  it('reads sittings, appointments, visits and applicazioni as sessions', () => {
    expect(counts('Usually 6 to 8 sittings, once in 15 days.', 'en')).toEqual([[6, 8]]);
    expect(valuesOf('Usually 6 to 8 sittings, once in 15 days.', 'en', 'sessions.frequency')).toEqual([{ interval: 'P15D', phase: 'initial' }]);
    expect(counts('A typical course is three appointments.', 'en')).toEqual([[3, 3]]);
    expect(counts('Most patients need four to six visits.', 'en')).toEqual([[4, 6]]);
    expect(counts('Il protocollo prevede 8 applicazioni.', 'it')).toEqual([[8, 8]]);
  });

  it('does not count the days, weeks or months between sessions', () => {
    expect(counts('We leave ten days between sessions.', 'en')).toEqual([]);
    expect(counts('Lasciamo 2 settimane tra le sedute.', 'it')).toEqual([]);
    // "weekly" is no unit between the number and the word.
    expect(counts('Plan 3–5 weekly sessions.', 'en')).toEqual([[3, 5]]);
  });
});

describe('wordings found on the fresh19 set (CMS exports)', () => {
  it('reads a gauge under a lead-in that names the needle', () => {
    const text = '- Le microiniezioni si eseguono con aghi sottilissimi:\n    * lunghezza **4**&nbsp;mm\n    * calibro __30G__ o *32*G\n';
    expect(valuesOf(text, 'it', 'needle')).toEqual([
      { aspect: 'length', min: 4, max: 4, unit: 'mm', approximate: false },
      { aspect: 'gauge', min: 30, max: 32, unit: 'G', approximate: false },
    ]);
  });

  it('does not count a session’s duration, however the dash was written', () => {
    expect(valuesOf('- Durata della seduta: 15&#8211;20 minuti, dopodiché si torna subito alle proprie attività', 'it', 'sessions.count')).toEqual([]);
    expect(valuesOf('Sessions  4-6  Downtime  None', 'en', 'sessions.count')).toEqual([{ min: 4, max: 6, approximate: false }]);
  });

  it('reads a deferral ("we ask you to wait") and "Niente di grave!" after a list of effects', () => {
    expect(valuesOf('If you’ve had chemotherapy or radiotherapy, we ask you to wait at least six months.', 'en', 'contraindication').map((v) => (v as { condition: string }).condition)).toEqual(['prior-chemotherapy', 'prior-radiotherapy']);
    expect(valuesOf('Qualche livido, un po’ di rossore. Niente di grave!', 'it', 'safety')).toEqual([{ assertion: 'no-serious-side-effects' }]);
  });

  it('leaves the course of another treatment named in the sentence alone', () => {
    expect(valuesOf('L’ossigeno-ozonoterapia paravertebrale richiede in genere 8–10 sedute due volte a settimana.', 'it', 'sessions.count')).toEqual([]);
  });
});
