/**
 * Consent forms and aftercare sheets, treatments given after another, myths set out as quoted
 * headings with their verdict, and answers that deny a label. Each rule came from a blind gold set
 * (tests/gold-fresh131 to fresh135) and is general: the words it reads are vocabulary
 * (vocab/*.yaml context.declaration, context.givenAfter, context.seekCare, context.advice,
 * context.negation.value, context.refutation) or reference terms.
 */
import { describe, expect, it } from 'vitest';
import { assertionsOf as assertions, conditionsOf as conditions, countsOf as counts, effectsOf as effects, intervalsOf as intervals, needlesOf as needles } from './helpers/engine.js';

describe('pages typed in haste', () => {
  it('a word typed without its accents, an apostrophe or a dash still matches', () => {
    expect(counts('Il faut 3 a 5 seances espacees d une semaine.', 'fr')).toEqual(['3-5']);
    expect(intervals('Il faut 3 a 5 seances espacees d une semaine.', 'fr')).toEqual(['P1W']);
    expect(assertions('RESULTAT DES LA 1ERE SEANCE !!', 'fr')).toEqual(['fast-onset']);
    expect(conditions('Contre indications : grossesse, allergie aux produits injectes.', 'fr')).toEqual(['pregnancy', 'drug-allergy']);
  });

  it('an accent that tells words apart is kept', () => {
    // (A stem's last accented letter: "évité*" is no "évitez"; a short stem: "sûr*" is no "surtout".)
    expect(conditions('Et évitez l’aspirine la semaine précédente.', 'fr')).toEqual([]);
    expect(assertions('Relatives : traitement antiagrégant plaquettaire (bithérapie surtout).', 'fr')).toEqual([]);
  });

  it('the slides of a carousel copied from a social post are items', () => {
    const text = 'QUEM PODE FAZER? 👇\n\n1/5 A maioria das pessoas pode!\n2/5 🚫 Gestantes e lactantes não podem\n3/5 🚫 Quem usa anticoagulante também não\n4/5 Na dúvida, agende sua avaliação';
    expect(conditions(text, 'pt')).toEqual(['pregnancy', 'breastfeeding', 'anticoagulant-therapy']);
    // (Not fractions that open lines: "1/2 mm", "3/4 mm".)
    expect(needles('Profondità:\n1/2 mm nel viso\n3/4 mm nel corpo', 'it')).toEqual(['depth 1-2', 'depth 3-4']);
  });
});


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

describe('what a page refuses', () => {
  it('a short title line that opens a paragraph leads in the unpunctuated lines under it', () => {
    expect(conditions('Who we don’t treat\n Pregnancy\n Anticoagulants (warfarin, DOACs)\n', 'en')).toEqual(['pregnancy', 'anticoagulant-therapy']);
    // (Not a line with a label and a value of its own.)
    expect(conditions('**CONTRAINDICACIONES**\n  Diabetes: no es contraindicación\n', 'es')).toEqual([]);
  });

  it('a negation in two parts governs the verb between them', () => {
    expect(conditions('Je ne la propose pas aux femmes enceintes, ni aux patientes qui ont des troubles de la coagulation.', 'fr')).toEqual(['pregnancy', 'coagulation-disorder']);
    expect(conditions('Je ne suis pas enceinte.', 'fr')).toEqual([]);
  });
});

describe('another treatment beside this one', () => {
  it('this treatment named as the measure of another does not turn the paragraph back to it', () => {
    expect(counts('PRP is another option. It takes 3 sessions a month apart and is more painful than mesotherapy.', 'en')).toEqual([]);
    expect(counts('O PRP é outra opção. Faz-se em 3 sessões e tende a ser mais doloroso do que a mesoterapia.', 'pt')).toEqual([]);
    // (Named as the subject, it is what the sentence is about.)
    expect(counts('Mesotherapy is less painful than PRP and needs 4 sessions.', 'en')).toEqual(['4-4']);
  });

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

  it('what a reporter says someone was told or promised is reported', () => {
    expect(assertions('She says she was told that mesotherapy would “melt away” the fat for good.', 'en')).toEqual([]);
    expect(assertions('The clinic’s website described the injections as “100% safe” and “totally pain-free”.', 'en')).toEqual([]);
  });

  it('promises quoted after "promises of the kind" are reported', () => {
    expect(assertions('Je me méfie des promesses du type “élimine les toxines”.', 'fr')).toEqual([]);
  });

  it('a maintenance session with its rate is no course of one', () => {
    expect(counts('Protocole : 3 séances espacées de 15 jours, puis 1 séance d’entretien tous les 3 mois.', 'fr')).toEqual(['3-3']);
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
