/**
 * A question that asks whether one may have the treatment, answered with a bare no, states a
 * contraindication ("¿Puedo hacerla si estoy embarazada?" "No."); so do a deferral ("we wait until
 * after pregnancy") and a refusal with a pronoun ("No la realizamos en pacientes anticoagulados").
 */
import { describe, expect, it } from 'vitest';
import { claimsOf, conditionsOf } from './helpers/engine.js';


describe('a permission question answered no', () => {
  it.each([
    ['es', '### ¿Puedo hacerla si estoy embarazada?\nNo.', 'pregnancy'],
    ['en', '**Can I have it while breastfeeding?** No.', 'breastfeeding'],
    ['en', '**Is it safe for diabetics?**\n\nNo, not without your consultant’s agreement.', 'diabetes'],
    ['it', '### Posso farla in gravidanza?\n\nNo.', 'pregnancy'],
    ['fr', '**Puis-je en faire si je suis enceinte ?** Non.', 'pregnancy'],
    ['de', '### Kann ich die Behandlung in der Schwangerschaft machen?\nNein.', 'pregnancy'],
    ['pt', '**Posso fazer se estiver grávida?** Não.', 'pregnancy'],
    ['nl', '**Mag ik dit laten doen als ik zwanger ben?** Nee.', 'pregnancy'],
  ])('%s: %s', (lang, text, condition) => expect(conditionsOf(text, lang)).toEqual([condition]));

  it.each([
    // Answered yes, or not a bare answer.
    ['en', '**Can I have it while breastfeeding?** Yes.'],
    ['en', '**Can I have it while breastfeeding?** Not a problem, as long as you tell us.'],
    // Not a question about having the treatment: "no" denies the contraindication.
    ['en', '**Is diabetes a problem?** No.'],
    // No answer at all.
    ['es', '### ¿Puedo hacerla si estoy embarazada?'],
  ])('%s: %s', (lang, text) => expect(conditionsOf(text, lang)).toEqual([]));

  it('keeps only the contraindication a question states', () => {
    const kinds = claimsOf('**Is it safe and painless during pregnancy?** No.', 'en').map((c) => c.kind);
    expect(kinds).toEqual(['contraindication']);
  });
});

describe('deferrals and refusals', () => {
  it.each([
    ['es', 'No. Esperamos hasta después del embarazo y de la lactancia.', ['pregnancy', 'breastfeeding']],
    ['es', 'No la realizamos en pacientes anticoagulados.', ['anticoagulant-therapy']],
    ['fr', 'Nous la déconseillons en cas de maladie auto-immune évolutive.', ['autoimmune-disease']],
    ['en', 'We advise against it for anyone taking anticoagulants.', ['anticoagulant-therapy']],
    ['it', 'In gravidanza è meglio rimandare il trattamento.', ['pregnancy']],
    ['pt', 'Durante a gravidez, recomendamos adiar o tratamento.', ['pregnancy']],
    // A doctor speaking for herself, the refusal after the conditions.
    ['it', "In gravidanza e durante l'allattamento non la eseguo.", ['pregnancy', 'breastfeeding']],
    ['en', 'I do not treat patients on anticoagulants.', ['anticoagulant-therapy']],
  ])('%s: %s', (lang, text, expected) => expect(conditionsOf(text, lang)).toEqual(expected));
});

describe('items lettered in a paragraph', () => {
  it('are the list its lead-in introduces', () => {
    const text = 'Il trattamento è controindicato nei seguenti casi:\n\na) gravidanza accertata o presunta;\nb) terapia anticoagulante orale;\nc) neoplasie in fase attiva.';
    expect(conditionsOf(text, 'it')).toEqual(['pregnancy', 'anticoagulant-therapy', 'cancer']);
  });

  it('are not a list without lead-in, nor a paragraph whose lines are not all lettered', () => {
    expect(conditionsOf('Note:\n\na) gravidanza accertata;\nla terapia anticoagulante non è un problema.', 'it')).toEqual([]);
  });
});

describe('coordination and "no obstacle"', () => {
  it('a negation that coordinates after a cue continues its list', () => {
    expect(conditionsOf('A mesoterapia capilar não é indicada para grávidas nem durante a amamentação.', 'pt')).toEqual(['pregnancy', 'breastfeeding']);
  });

  it('a condition said to be no obstacle is no contraindication, nor is it refused', () => {
    expect(conditionsOf('Sconsigliata in gravidanza. Non ci sono problemi con il diabete.', 'it')).toEqual(['pregnancy']);
    expect(conditionsOf('Not recommended in pregnancy; it is not a problem for diabetics.', 'en')).toEqual(['pregnancy']);
  });
});

describe('frequencies written out', () => {
  it('reads "im Abstand von zwei Wochen" and "einmal im Vierteljahr"', () => {
    const intervals = claimsOf('Behandlungen im Abstand von zwei Wochen und dann einmal im Vierteljahr zur Auffrischung.', 'de')
      .filter((c) => c.kind === 'sessions.frequency')
      .map((c) => (c.value as { interval: string }).interval);
    expect(intervals).toEqual(['P2W', 'P3M']);
  });
});

describe('a list continued in the next sentence, and a refusal in a conditional', () => {
  it.each([
    // "Tampoco…", "Ni…" open lines that go on with the contraindications of the line before.
    ['es', '⚠️ No apto para embarazadas\n⚠️ Tampoco durante la lactancia\n⚠️ Ni con enfermedades autoinmunes activas', ['pregnancy', 'breastfeeding', 'autoimmune-disease']],
    ['en', 'Mesotherapy is not suitable during pregnancy. Nor while breastfeeding.', ['pregnancy', 'breastfeeding']],
    ['it', 'Non è indicata in gravidanza.\nNemmeno durante l’allattamento.', ['pregnancy', 'breastfeeding']],
    // "If you take X, we cannot treat you."
    ['es', 'Si tomas Sintrom u otro anticoagulante, no podemos hacerte el tratamiento.', ['anticoagulant-therapy']],
    ['it', 'Se assume anticoagulanti non possiamo eseguire il trattamento.', ['anticoagulant-therapy']],
    // A coordinating "ni" continues a refusal made further back.
    ['es', 'No se aplica en embarazadas, personas alérgicas a los antiinflamatorios ni pacientes con problemas cardíacos graves.', ['pregnancy', 'drug-allergy', 'heart-disease']],
  ])('%s: %s', (lang, text, conditions) => expect(conditionsOf(text, lang)).toEqual(conditions));

  it.each([
    // The opening word continues nothing: no contraindication before it.
    ['es', 'Los hematomas son frecuentes. Tampoco durante la lactancia hay problema.'],
    ['en', 'Results show after three sessions. Nor while breastfeeding.'],
  ])('%s: %s', (lang, text) => expect(conditionsOf(text, lang)).toEqual([]));

  it('reads a "ni" that opens a sentence as a denial', () => {
    expect(claimsOf('Ni dolor ni hematomas.', 'es').filter((c) => c.kind === 'adverse-effect')).toEqual([]);
  });
});

describe('first-person avoidance', () => {
  it.each([
    ['it', 'Evito inoltre il trattamento nei pazienti con una neoplasia in fase attiva.', ['cancer']],
    ['es', 'Evito la mesoterapia en pacientes con cáncer activo.', ['cancer']],
  ])('%s: %s', (lang, text, conditions) => expect(conditionsOf(text, lang)).toEqual(conditions));
});

describe('more ways to say the treatment is not done', () => {
  it.each([
    ['it', "Con un'infezione della pelle nella zona da trattare la mesoterapia non si fa.", ['skin-infection']],
    ['it', 'È richiesta particolare cautela, e in genere si preferisce evitarla, nei pazienti con gravi cardiopatie.', ['heart-disease']],
    ['it', 'Se sei allergico ai FANS o alla lidocaina spesso non ha senso procedere.', ['drug-allergy']],
  ])('%s: %s', (lang, text, conditions) => expect(conditionsOf(text, lang)).toEqual(conditions));
});

describe('fresh13: taboo, a pronoun refusal and a depth bound in French', () => {
  it.each([
    ['de', 'Auch bei Hautinfektionen an der Einstichstelle und bei einer bekannten Allergie gegen Lokalanästhetika wie Procain ist Mesotherapie tabu.', ['skin-infection', 'drug-allergy']],
    ['it', 'Mi ha spiegato che se sei incinta o hai disturbi della coagulazione non te la fa, punto.', ['pregnancy', 'coagulation-disorder']],
  ])('%s: %s', (lang, text, conditions) => expect(conditionsOf(text, lang)).toEqual(conditions));
});
