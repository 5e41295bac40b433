/**
 * Consent forms and aftercare sheets, treatments given after another, myths set out as quoted
 * headings with their verdict, and answers that deny a label. Each rule came from a blind gold set
 * (tests/gold-fresh131 to fresh135) and is general: the words it reads are vocabulary
 * (vocab/*.yaml context.declaration, context.givenAfter, context.seekCare, context.advice,
 * context.negation.value, context.refutation) or reference terms.
 */
import { describe, expect, it } from 'vitest';
import { assertionsOf as assertions, conditionsOf as conditions, countsOf as counts, effectsOf as effects, intervalsOf as intervals } from './helpers/engine.js';

describe('consent forms and aftercare sheets', () => {
  it('what the patient declares about herself refuses no treatment', () => {
    expect(conditions('☐ Je ne suis pas sous traitement anticoagulant ni antiagrégant plaquettaire.', 'fr')).toEqual([]);
    expect(conditions('☐ I am not taking any blood thinners such as warfarin.', 'en')).toEqual([]);
    // (A practice that does not treat still refuses.)
    expect(conditions('Nous ne traitons pas les patients sous traitement anticoagulant.', 'fr')).toEqual(['anticoagulant-therapy']);
  });

  it('an effect in a warning sign that sends the patient to a doctor is no side effect claimed', () => {
    expect(effects('If the treated area became hot, swollen and increasingly painful, contact the clinic or, out of hours, NHS 111.', 'en')).toEqual([]);
    expect(effects('Chiamaci se notassi orticaria o difficoltà a respirare (in questo caso chiama subito il 112).', 'it')).toEqual([]);
    expect(effects('Sollte es zu Fieber oder einer zunehmenden Schwellung kommen, stellen Sie sich bitte umgehend in der Praxis vor.', 'de')).toEqual([]);
  });

  it('a drug to avoid for some days before the session is advice, not a contraindication', () => {
    expect(conditions('☐ Avoid aspirin, ibuprofen and fish oil for 7 days, unless they were prescribed by your doctor.', 'en')).toEqual([]);
    // (Nor is one that is no reason to cancel.)
    expect(conditions('If you take low-dose aspirin or clopidogrel, keep taking it: this is not usually a reason to cancel.', 'en')).toEqual([]);
    expect(conditions('Die Einnahme von ASS 100 oder Clopidogrel ist in der Regel kein Hinderungsgrund.', 'de')).toEqual([]);
  });
});

describe('another treatment beside this one', () => {
  it('the treatment this one is given after does not turn the sentence to it', () => {
    expect(counts('Nach Haartransplantation wir empfehlen 3 Sitzungen, jeden Monat eine.', 'de')).toEqual(['3-3']);
    expect(intervals('**Dopo il trapianto di capelli** – un ciclo di 4 sedute ogni 3 settimane.', 'it')).toEqual(['P3W']);
    // (Named as the subject, it still does.)
    expect(counts('Un trapianto di capelli richiede 1 seduta di 6 ore.', 'it')).toEqual([]);
  });
});

describe('myths, questions and answers', () => {
  it('a quoted heading its verdict closes as false is a myth, not a claim', () => {
    expect(assertions('## 1. «La mesoterapia elimina la cellulite per sempre» – FALSO', 'it')).toEqual([]);
    expect(counts('## 5. «Bastano una o due sedute» – FALSO', 'it')).toEqual([]);
    // (One it closes as true is the page's.)
    expect(assertions('## 2. «La mesoterapia non è dolorosa» – VERO', 'it')).toEqual(['painless']);
  });

  it('a question in quotation marks asks, whatever closes it', () => {
    expect(assertions('**“Intradermoterapia dá resultado já na primeira sessão?”**', 'pt')).toEqual([]);
  });

  it('a label and a denial after a comma deny it', () => {
    expect(effects('Cicatrices, ninguna.', 'es')).toEqual([]);
    expect(effects('Bruising, rare.', 'en')).toEqual(['bruising']);
  });

  it('a negation the phrase itself spells is its own, not a denial', () => {
    expect(assertions('Casi ni se siente.', 'es')).toEqual(['painless']);
    // (One a gap took in still denies: "i risultati non sono definitivi".)
    expect(assertions('I risultati non sono definitivi.', 'it')).toEqual([]);
  });
});
