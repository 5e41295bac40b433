/**
 * Question-and-answer pages written as threads, and pages about treating a condition whose name is
 * also an adverse effect. Each rule came from a blind gold set (tests/gold-fresh45, fresh46) and is
 * general: the words it reads are vocabulary (vocab/*.yaml context.answerLabel, context.treats).
 */
import { describe, expect, it } from 'vitest';
import { claimsOf, conditionsOf, valuesOf } from './helpers/engine.js';

const assertions = (text: string, lang: string) => valuesOf(text, lang, 'safety').map((v) => (v as { assertion: string }).assertion);
const effects = (text: string, lang: string) => valuesOf(text, lang, 'adverse-effect').map((v) => (v as { effect: string }).effect);

describe('answers under a label, to a question in the paragraph above', () => {
  it('a label that names the answer is read past, whatever word opens the answer', () => {
    expect(assertions('Gibt es Nebenwirkungen?\n\n**Antwort:** Selten. Möglich sind kleine Quaddeln.\n', 'de')).toEqual(['rare-side-effects']);
    expect(assertions('Est-ce douloureux ?\n\nRéponse du propriétaire : très peu, rassurez-vous.\n', 'fr')).toEqual(['painless']);
  });

  it('the question paragraph may open with who asks; its question leads the answer’s list in', () => {
    const page = '**Frage von Uwe S. (47), 03.12.2024**\nGibt es sonst Gegenanzeigen?\n\n**Antwort:** Ja: Gerinnungsstörungen, akute Hautinfektionen im Behandlungsgebiet.\n';
    expect(conditionsOf(page, 'de')).toEqual(['coagulation-disorder', 'skin-infection']);
    expect(conditionsOf('**Who should not have it?**\n\nPregnant women and people on blood thinners.\n', 'en')).toEqual(['pregnancy', 'anticoagulant-therapy']);
  });

  it('under an answer label, the question may have more after it; without one, a question followed by more was answered in its paragraph', () => {
    expect(assertions('Ist das schmerzhaft? Ich habe richtig Angst vor Spritzen.\n\n**Antwort:** Kaum. Die Nadeln sind nur 4 mm lang.\n', 'de')).toEqual(['painless']);
    expect(assertions('**Any side effects?**\nSwelling and redness for a day or two are common.\n\nWe do not promise permanent results.\n', 'en')).toEqual([]);
  });
});

describe('a page about treating a condition that is also an adverse effect', () => {
  const page = (lang: string, title: string, body: string) => `# ${title}\n\n${body}\n`;

  it('the condition its title says the treatment is for is no adverse effect where it is treated', () => {
    expect(effects(page('es', 'Mesoterapia para cicatrices de acné', 'Tratamos las cicatrices con mesoterapia. Las cicatrices mejoran mucho.'), 'es')).toEqual([]);
    expect(effects(page('en', 'Mesotherapy for acne scars', 'Scars soften over a course of treatment.'), 'en')).toEqual([]);
  });

  it('it still is beside side effects, in the sentence or under their heading', () => {
    expect(effects(page('es', 'Mesoterapia para cicatrices de acné', '## Efectos secundarios\n\nHematomas y, rara vez, nuevas cicatrices.'), 'es')).toEqual(['hematoma', 'scarring']);
    expect(effects(page('en', 'Mesotherapy for acne scars', 'Side effects are bruising and, very rarely, scarring.'), 'en')).toEqual(['bruising', 'scarring']);
  });

  it('a title that names the effect otherwise is no such page', () => {
    expect(effects(page('en', 'Scarring after mesotherapy', 'Scarring is rare but can happen.'), 'en')).toContain('scarring');
    expect(claimsOf(page('en', 'Mesotherapy for cellulite', 'Scarring is rare but can happen.'), 'en').map((c) => c.kind)).toContain('adverse-effect');
  });
});

describe('short answers about conditions and effects', () => {
  it('a negation right before "during", "in", "pendant" and a condition is a refusal, not a denial', () => {
    expect(conditionsOf('Non, jamais pendant la grossesse. Ni pendant l’allaitement, d’ailleurs.', 'fr')).toEqual(['pregnancy', 'breastfeeding']);
    expect(conditionsOf('Wir behandeln nicht während der Schwangerschaft.', 'de')).toEqual(['pregnancy']);
    expect(conditionsOf('Never during pregnancy.', 'en')).toEqual(['pregnancy']);
  });

  it('not across a comma, nor with more words between', () => {
    expect(conditionsOf('No, in gravidanza si può fare.', 'it')).toEqual([]);
    expect(conditionsOf('Not only in pregnancy.', 'en')).toEqual([]);
  });

  it('"rarely", "exceptionnellement" answer a question about an effect as a yes of degree', () => {
    expect(effects('**Q : Peut-il y avoir une infection ?**\nR : Exceptionnellement. Nous travaillons avec du matériel stérile.', 'fr')).toEqual(['infection']);
    expect(effects('### Si possono formare ematomi?\n\nRaramente, soprattutto in chi assume cardioaspirina.', 'it')).toEqual(['hematoma']);
    expect(assertions('### Is it safe?\n\nRarely a problem.', 'en')).toEqual([]);
  });
});

describe('specific indications and ordinary pages (fresh46, fresh47)', () => {
  it('heart failure and rhythm problems are heart disease; an allergy to NSAIDs is a drug allergy', () => {
    expect(conditionsOf('Please do not have this treatment if you:\n\n- have a known heart rhythm problem (heart block)\n', 'en')).toEqual(['heart-disease']);
    expect(conditionsOf('Non la eseguo in chi ha uno scompenso cardiaco.', 'it')).toEqual(['heart-disease']);
    expect(conditionsOf('La mesoterapia è controindicata in caso di:\n\n1. allergia nota ai FANS o agli anestetici locali;\n', 'it')).toEqual(['drug-allergy']);
  });

  it('"no deberían hacérsela" in the question above leads its answer’s list in', () => {
    expect(conditionsOf('**¿Hay otras personas que no deberían hacérsela?**\n\nQuienes toman anticoagulantes y quienes tienen una infección en el cuero cabelludo.', 'es')).toEqual(['anticoagulant-therapy', 'skin-infection']);
  });

  it('"Zwischen zwei Sitzungen liegen sechs bis acht Wochen" is an interval', () => {
    expect(valuesOf('Zwischen zwei Sitzungen liegen sechs bis acht Wochen.', 'de', 'sessions.frequency')).toEqual([{ interval: 'P6W', intervalMax: 'P8W', phase: 'initial' }]);
  });

  it('a labelled value of zero, or with a leading zero, is no count: "Termine: 0000 000 00 00"', () => {
    expect(valuesOf('Termine: 0000 000 00 00 · Mo–Fr 8–12 Uhr', 'de', 'sessions.count')).toEqual([]);
    expect(valuesOf('Sitzungen: 6–8', 'de', 'sessions.count')).toEqual([{ min: 6, max: 8, approximate: false }]);
  });

  it('a sentence that refers back to the question it follows answers it, up to its first comma', () => {
    expect(assertions('**E os efeitos colaterais?**\nSão raros e leves, e os listados acima costumam desaparecer em até dois dias.', 'pt')).toEqual(['rare-side-effects']);
  });
});

describe('ordinary Italian and English pages (fresh44)', () => {
  it('a count in words answers the question above it, even with more after a comma', () => {
    expect(valuesOf('### Quante sedute servono?\nIn genere da cinque a otto, dipende dal problema e da quanto è vecchio.\n', 'it', 'sessions.count')).toEqual([{ min: 5, max: 8, approximate: false }]);
  });

  it('"two to four weeks between each one", "15 días entre sesiones" are intervals', () => {
    expect(valuesOf('Most people need a course of four treatments, with two to four weeks between each one.', 'en', 'sessions.frequency')).toEqual([{ interval: 'P2W', intervalMax: 'P4W', phase: 'initial' }]);
    expect(valuesOf('Dejamos 15 días entre sesiones.', 'es', 'sessions.frequency')).toEqual([{ interval: 'P15D', phase: 'initial' }]);
    expect(valuesOf('Il faut compter deux semaines entre deux séances.', 'fr', 'sessions.frequency')).toEqual([{ interval: 'P2W', phase: 'initial' }]);
  });

  it('"dolenzia", "un po’ dolente" are local pain', () => {
    expect(effects('Dopo la seduta può restare una modesta dolenzia.', 'it')).toEqual(['pain']);
  });
});

describe('ordinary French and Spanish pages (fresh48)', () => {
  it('a figure inside a claim quoted as someone else’s is no claim of the page', () => {
    expect(valuesOf('On lit sur Internet que la mésothérapie « élimine la cellulite en trois séances » ou qu’elle « détoxifie l’organisme ».', 'fr', 'sessions.count')).toEqual([]);
  });

  it('a package priced in francs or soles is no course', () => {
    expect(valuesOf('| Cure 3 séances visage | CHF 950.– |', 'fr', 'sessions.count')).toEqual([]);
    expect(valuesOf('- Paquete 4 sesiones faciales: S/ 850', 'es', 'sessions.count')).toEqual([]);
    expect(valuesOf('Le recomendamos 4 sesiones.', 'es', 'sessions.count')).toEqual([{ min: 4, max: 4, approximate: false }]);
  });

  it('physiotherapy sessions beside it are not its sessions', () => {
    expect(valuesOf('On l’associe presque toujours à deux séances de kiné par semaine.', 'fr', 'sessions.count')).toEqual([]);
  });

  it('"Qui ne peut pas en faire ?" heads a list of contraindications; "on s’abstient" is a cue', () => {
    expect(conditionsOf('### 7. Qui ne peut pas en faire ?\n\nLes femmes enceintes ou qui allaitent, les personnes atteintes d’un cancer en cours de traitement.', 'fr')).toEqual(['pregnancy', 'breastfeeding', 'cancer']);
    expect(conditionsOf('On s’abstient quand même si tu es enceinte ou si tu allaites.', 'fr')).toEqual(['pregnancy', 'breastfeeding']);
  });
});

describe('patient voices (fresh49)', () => {
  const counts = (text: string, lang: string) => valuesOf(text, lang, 'sessions.count');

  it('a count whose session word is left out is read where a rate or the context names the sessions', () => {
    expect(counts('Io ne ho fatte 6 l’anno scorso, ogni due settimane, e mi sono trovata benissimo.', 'it')).toEqual([{ min: 6, max: 6, approximate: false }]);
    expect(counts('Hair mesotherapy for a thinning crown. Did a course of about 8, every 3 weeks.', 'en')).toEqual([{ min: 8, max: 8, approximate: true }]);
  });

  it('not a number that counts something named after it, nor a rate of one, nor without a context', () => {
    expect(counts('I had 3 bruises after a weekly session.', 'en')).toEqual([]);
    expect(counts('Ora ne faccio una ogni 15 gg.', 'it')).toEqual([]);
    expect(counts('Io ne ho fatte 6 l’anno scorso.', 'it')).toEqual([]);
  });
});

describe('long guides (fresh50)', () => {
  it('a table whose columns strength words head lists its section’s contraindications', () => {
    const page = '## Controindicazioni [modifica]\n\nLe linee guida distinguono:\n\n| Assolute | Relative |\n|---|---|\n| gravidanza | allattamento |\n| leucemie | |\n';
    expect(valuesOf(page, 'it', 'contraindication')).toEqual([
      { condition: 'pregnancy', strength: 'absolute' },
      { condition: 'breastfeeding', strength: 'relative' },
      { condition: 'leukemia', strength: 'absolute' },
    ]);
    expect(conditionsOf('## Risultati\n\n| Assolute | Relative |\n|---|---|\n| gravidanza | allattamento |\n', 'it')).toEqual([]);
  });

  it('a gauge in a column headed "Calibro" is a gauge', () => {
    const page = '| Zona | Lunghezza ago | Calibro | Profondità |\n|---|---|---|---|\n| Viso, collo | 4 mm | 32 G | 1–2 mm |\n';
    expect(valuesOf(page, 'it', 'needle').map((v) => (v as { aspect: string }).aspect)).toEqual(['length', 'gauge', 'depth']);
  });

  it('"sans gravité" is no serious side effects; "I’d give it a miss", "not advisable" are cues', () => {
    expect(assertions('## Effets secondaires\n\nIls sont rares et sans gravité.', 'fr')).toEqual(['no-serious-side-effects']);
    expect(conditionsOf('- **Anticoagulants** (warfarin): honestly, I’d give mesotherapy a miss.\n- **Antiplatelets** (clopidogrel): same, not advisable.\n', 'en')).toEqual(['anticoagulant-therapy', 'antiplatelet-therapy']);
  });
});

describe('patient voices, more (fresh49)', () => {
  it('a sentence that names the treatment again turns its paragraph back to it', () => {
    expect(assertions('Avevo già provato tecarterapia e onde d’urto senza grandi risultati. Con la mesoterapia 5 sedute in tutto. Nessun effetto collaterale, neanche un rossore.', 'it')).toEqual(['no-side-effects']);
  });

  it('"Dolore? Praticamente nessuno", "Male? Quasi niente" are painless', () => {
    expect(assertions('Ho fatto dieci sedute. Dolore? Praticamente nessuno, l’ago è cortissimo.', 'it')).toEqual(['painless']);
  });

  it('"un’amica mi aveva detto che …" is hearsay', () => {
    expect(valuesOf('Un’amica mi aveva detto che la mesoterapia “scioglie il grasso”.', 'it', 'efficacy')).toEqual([]);
  });
});

describe('numbers of about ten (fresh48)', () => {
  it('"une dizaine", "una decena", "una decina" are ten', () => {
    expect(valuesOf('Au total, cela fait une dizaine de séances.', 'fr', 'sessions.count')).toEqual([{ min: 10, max: 10, approximate: false }]);
    expect(valuesOf('Serve una decina di sedute.', 'it', 'sessions.count')).toEqual([{ min: 10, max: 10, approximate: false }]);
  });
});

describe('Portuguese pages (fresh53)', () => {
  it('in a line of labelled facts, a price sells only the item it labels', () => {
    expect(valuesOf('> Duração: 30–45 min · N.º de sessões: 3 a 4 · Intervalo: 2–3 semanas · Preço: desde 150 €', 'pt', 'sessions.count')).toEqual([{ min: 3, max: 4, approximate: false }]);
    expect(valuesOf('**PLUS** · 4 sedute · 219 € (invece di 360 €) · il più scelto', 'it', 'sessions.count')).toEqual([]);
    expect(valuesOf('- Bundle: 3 mesotherapy sessions + 1 LED facial · £399', 'en', 'sessions.count')).toEqual([]);
  });

  it('a quotation that someone is said to guarantee or promise right after it is not the page’s claim', () => {
    expect(valuesOf('"Os nossos produtos são naturais, a mesoterapia elimina a gordura e não tem contraindicações nenhumas", garante.', 'pt', 'efficacy')).toEqual([]);
    expect(assertions('« Avec la technique au pistolet injecteur, c’est quasiment indolore », assure le Dr Martin-Roux.', 'fr')).toEqual(['painless']);
  });
});

describe('Dutch and Flemish pages (fresh52)', () => {
  it('"behandel ik niet" is a cue; a condition question refused by a sentence a cue opens within five words', () => {
    expect(conditionsOf('## Wie behandel ik niet?\n\nTijdens de zwangerschap en zolang u borstvoeding geeft, behandel ik niet.', 'nl')).toEqual(['pregnancy', 'breastfeeding']);
    expect(conditionsOf('Heb je diabetes, een hartaandoening of gebruik je bloedverdunners? Dan is deze behandeling helaas niet geschikt voor jou.', 'nl')).toEqual(['diabetes', 'heart-disease', 'anticoagulant-therapy']);
  });

  it('"eens per 14 dagen" and "1× per 2 weken" are intervals; Flemish "nie" negates', () => {
    expect(valuesOf('Eens per 14 dagen komen.', 'nl', 'sessions.frequency')).toEqual([{ interval: 'P2W', phase: 'initial' }]);
    expect(assertions('**Doet het pijn?**\n“Bijna nie. Ge voelt een prikske.”', 'nl')).toEqual(['painless']);
  });
});

describe('German pages and English pages from around the world (fresh54, fresh55)', () => {
  it('"every couple of months", "an interval of 15 days" are intervals', () => {
    expect(valuesOf('Then a maintenance session every couple of months.', 'en', 'sessions.frequency')).toEqual([{ interval: 'P2M', phase: 'maintenance' }]);
    expect(valuesOf('Sittings are given at an interval of 15 days.', 'en', 'sessions.frequency')).toEqual([{ interval: 'P15D', phase: 'initial' }]);
  });

  it('"Tut das weh?" "Ein bisschen." is pain; "Unverträglichkeit eines der verwendeten Präparate" a drug allergy', () => {
    expect(effects('**Tut das weh?**\nEin bisschen.', 'de')).toEqual(['pain']);
    expect(conditionsOf('Nicht behandelt wird bei einer Unverträglichkeit eines der verwendeten Präparate.', 'de')).toEqual(['drug-allergy']);
  });
});

