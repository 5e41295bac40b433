/** A list takes its context from the lead-in before it: a heading, "X:", or a sentence the list completes. */
import { describe, expect, it } from 'vitest';
import { claimsOf, conditionsOf } from './helpers/engine.js';


describe('list lead-ins', () => {
  it.each([
    ['de', 'Nicht geeignet ist die Mesotherapie\n\n- in der Schwangerschaft,\n- bei Einnahme von Gerinnungshemmern.\n'],
    ['it', 'La mesoterapia non va eseguita\n\n- in gravidanza\n- in caso di terapia anticoagulante\n'],
    ['en', 'Mesotherapy is not suitable for\n\n- pregnant women,\n- people taking anticoagulants.\n'],
  ])('%s: an unfinished sentence before a list', (lang, text) => {
    expect(conditionsOf(text, lang)).toEqual(['pregnancy', 'anticoagulant-therapy']);
  });

  it('a finished sentence before a list is not its lead-in', () => {
    expect(conditionsOf('La mesoterapia non va eseguita in alcuni casi.\n\n- gravidanza\n- terapia anticoagulante\n', 'it')).toEqual([]);
  });

  it('a sentence left open by an ellipsis leads in the emoji-marked lines after it (a social post)', () => {
    const post = 'Slide 7/8\nNOT FOR YOU IF…\n🤰 pregnant or breastfeeding\n💊 on anticoagulants\n🎗️ you’re in active cancer treatment\n';
    expect(conditionsOf(post, 'en')).toEqual(['pregnancy', 'breastfeeding', 'anticoagulant-therapy', 'cancer']);
    expect(conditionsOf(post.replace('IF…', 'IF.'), 'en')).toEqual([]);
  });
});

describe('lists a strength label opens', () => {
  it('lead in from the sentence before, as the next such list does', () => {
    const text = '09:00 Anamnesi e controindicazioni.\n  *Assolute:* gravidanza; allattamento.\n  *Relative:* terapia anticoagulante; coagulopatie; diabete scompensato.\n10:30 Complicanze: ecchimosi.';
    const claims = claimsOf(text, 'it').filter((c) => c.kind === 'contraindication');
    expect(claims.map((c) => [(c.value as { condition: string }).condition, (c.value as { strength: string }).strength])).toEqual([
      ['pregnancy', 'absolute'],
      ['breastfeeding', 'absolute'],
      ['anticoagulant-therapy', 'relative'],
      ['coagulation-disorder', 'relative'],
      ['diabetes', 'relative'],
    ]);
  });

  it('not without a strength label, nor after a sentence that names no contraindication', () => {
    expect(conditionsOf('09:00 Anamnesi e controindicazioni.\n  Casi: gravidanza; allattamento.', 'it')).toEqual([]);
    expect(conditionsOf('09:00 Accoglienza dei partecipanti.\n  *Relative:* gravidanza; allattamento.', 'it')).toEqual([]);
  });
});

describe('a question answered in the same paragraph (FAQ pages)', () => {
  it.each([
    ['en', '**Who should avoid it?** People with diabetes, those taking blood thinners, and anyone with an active skin infection.', ['diabetes', 'anticoagulant-therapy', 'skin-infection']],
    ['it', '**A chi è sconsigliata?** Donne in gravidanza e pazienti in terapia anticoagulante.', ['pregnancy', 'anticoagulant-therapy']],
    ['fr', '**Qui ne peut pas en bénéficier ?** Les femmes enceintes et les patients sous anticoagulants.', ['pregnancy', 'anticoagulant-therapy']],
  ])('%s: the question is the answer\'s lead-in', (lang, text, expected) => {
    expect(conditionsOf(text, lang)).toEqual(expected);
  });

  it('a question leads in only its own paragraph, and only a question does', () => {
    expect(conditionsOf('**Who should avoid it?**\n\nPeople with diabetes.', 'en')).toEqual([]);
    expect(conditionsOf('Many of our patients ask us. People with diabetes come too.', 'en')).toEqual([]);
    expect(conditionsOf('**Is it painful?** People with diabetes feel no more than others.', 'en')).toEqual([]);
  });
});

describe('a condition said to be uncontrolled is not denied', () => {
  it.each([
    ['en', 'Who should avoid it? People with diabetes that is not under control, those taking blood thinners.', ['diabetes', 'anticoagulant-therapy']],
    ['it', 'Controindicazioni: diabete non compensato, gravidanza.', ['diabetes', 'pregnancy']],
    ['fr', 'Contre-indications : diabète non équilibré, grossesse.', ['diabetes', 'pregnancy']],
    ['es', 'Contraindicaciones: diabetes no controlada y embarazo.', ['diabetes', 'pregnancy']],
  ])('%s: "not controlled" neither denies the condition nor the next one', (lang, text, expected) => {
    expect(conditionsOf(text, lang)).toEqual(expected);
  });

  it.each([
    ['en', 'It is not contraindicated in diabetes.'],
    ['it', 'La mesoterapia non è controindicata in caso di diabete.'],
    ['fr', "La mésothérapie n'est pas contre-indiquée en cas de diabète."],
    ['es', 'No está contraindicada en personas con diabetes.'],
  ])('%s: a denied contraindication is still denied', (lang, text) => {
    expect(conditionsOf(text, lang)).toEqual([]);
  });
});

describe('the paragraph right under a contraindications heading', () => {
  it.each([
    ['pt', '## Contraindicações\n\nGestantes, lactantes, pessoas com diabetes descompensada ou alergia aos componentes da fórmula.\n', ['pregnancy', 'breastfeeding', 'diabetes', 'drug-allergy']],
    ['en', '## Who should not have mesotherapy?\n\nPregnant women, people with diabetes and anyone taking blood thinners.\n', ['pregnancy', 'diabetes', 'anticoagulant-therapy']],
  ])('%s: a first sentence naming two conditions or more is the heading\'s list', (lang, text, expected) => {
    expect(conditionsOf(text, lang)).toEqual(expected);
  });

  it('leads in neither a later sentence, nor a paragraph under another heading, nor one condition alone', () => {
    expect(conditionsOf('## Contraindications\n\nWe treat most adults. If you have diabetes or take anticoagulants, tell us first.\n', 'en')).toEqual([]);
    expect(conditionsOf('## Aftercare\n\nPeople with diabetes and pregnant women heal more slowly.\n', 'en')).toEqual([]);
    expect(conditionsOf('## Contraindications\n\nPeople with diabetes heal more slowly.\n', 'en')).toEqual([]);
  });
});

describe('a denial about one condition', () => {
  const assertions = (text: string, lang: string) =>
    claimsOf(text, lang)
      .filter((c) => c.kind === 'safety')
      .map((c) => (c.value as { assertion: string }).assertion);

  it.each([
    ['en', 'A history of heart disease is not in itself a contraindication.'],
    ['fr', "La mésothérapie n'est pas contre-indiquée chez le patient diabétique."],
    ['it', 'La mesoterapia non è controindicata nei pazienti con diabete.'],
    // The one thing is named before, in another clause: "ce", "it" stand for it.
    ['fr', "Si vous êtes diabétique, signalez-le : ce n'est pas une contre-indication."],
    ['en', 'If you have diabetes, tell us: it is not a contraindication.'],
    ['de', 'Wenn Sie Diabetiker sind, sagen Sie es uns: das ist keine Kontraindikation.'],
  ])('%s: is not "no contraindications"', (lang, text) => {
    expect(assertions(text, lang)).toEqual([]);
  });

  it.each([
    ['en', 'There are no contraindications for healthy adults.'],
    ['fr', "Aucune contre-indication chez l'adulte en bonne santé, sauf la grossesse."],
    ['it', 'Non ci sono controindicazioni, tranne la gravidanza.'],
  ])('%s: a blanket one is, an exception after it included', (lang, text) => {
    expect(assertions(text, lang)).toEqual(['no-contraindications']);
  });
});

describe('a question the list answers', () => {
  it('leads the list in, as a colon does', () => {
    const text = "**Qui ne peut pas en bénéficier ?**\n- les femmes enceintes ;\n- les patients sous anticoagulants ;\n- en cas d'allergie aux anesthésiques locaux.\n";
    expect(conditionsOf(text, 'fr')).toEqual(['pregnancy', 'anticoagulant-therapy', 'drug-allergy']);
  });
});

describe('a short answer to a question', () => {
  const assertions = (text: string, lang: string) =>
    claimsOf(text, lang)
      .filter((c) => c.kind === 'safety')
      .map((c) => [(c.value as { assertion: string }).assertion, c.text]);

  it.each([
    ['es', '**¿Tiene efectos secundarios?**\nSon poco frecuentes. Puede aparecer un hematoma.', [['rare-side-effects', 'Son poco frecuentes']]],
    ['es', '## ¿Tiene efectos secundarios?\n\nNinguno importante. Puede presentarse un ligero enrojecimiento.', [['no-serious-side-effects', 'Ninguno importante']]],
    ['fr', '**Y a-t-il des effets secondaires ?** Ils sont rares : quelques papules, parfois un bleu.', [['rare-side-effects', 'Ils sont rares']]],
    ['it', '**Ci sono effetti collaterali?** Sono rari.', [['rare-side-effects', 'Sono rari']]],
    ['en', '**Are there any side effects?** None at all.', [['no-side-effects', 'None at all']]],
  ])('%s: stands for the question\'s topic', (lang, text, expected) => {
    expect(assertions(text, lang)).toEqual(expected);
  });

  it('says nothing when it is long, affirms nothing, or answers another question', () => {
    expect(assertions('**Are there any side effects?** Yes, some.', 'en')).toEqual([]);
    expect(assertions('**How long does a session take?** None at all.', 'en')).toEqual([]);
    expect(assertions('**Are there any side effects?** Most patients notice nothing more than a little redness.', 'en')).toEqual([]);
    expect(assertions('**Are there any side effects?** Yes: they are rare but they do happen, and none is serious.', 'en')).toEqual([]);
  });
});

describe('an answer particle', () => {
  it('denies the question, not what follows it', () => {
    expect(conditionsOf('**Can I have mesotherapy while pregnant?**\n\nNo – we do not offer mesotherapy during pregnancy.', 'en')).toEqual(['pregnancy']);
    expect(conditionsOf('There are no contraindications for healthy adults. The only exceptions are if you’re pregnant or breastfeeding.', 'en')).toEqual(['pregnancy', 'breastfeeding']);
  });
});

describe('a table column and a run-in label', () => {
  it('a column header leads its cells in', () => {
    const table = '| Indications | Contre-indications | Effets indésirables |\n|---|---|---|\n| Tendinites | Grossesse et allaitement | Douleur brève |\n| Cellulite | Traitement anticoagulant | Petits bleus |\n';
    expect(conditionsOf(table, 'fr')).toEqual(['pregnancy', 'breastfeeding', 'anticoagulant-therapy']);
    // The same cells under another header list no contraindication.
    expect(conditionsOf('| Patients we have treated |\n|---|\n| Grossesse et allaitement |\n', 'fr')).toEqual([]);
  });

  it('a run-in label leads in the rest of its paragraph, a short answer does not', () => {
    const text = '**Contraindications.** Hypersensitivity to any of the ingredients. Pregnancy and lactation. Patients receiving anticoagulant therapy.';
    expect(conditionsOf(text, 'en')).toEqual(['drug-allergy', 'pregnancy', 'breastfeeding', 'anticoagulant-therapy']);
    expect(conditionsOf('Usually not. If you take warfarin, we will check your INR.', 'en')).toEqual([]);
  });
});

describe('a table row opened by a label: the label and its values', () => {
  const claims = (text: string, lang: string) => claimsOf(text, lang).map((c) => [c.kind, c.text]);

  it('reads the value after its label, and places the claim on the value', () => {
    const table = '| | |\n|---|---|\n| Duração | 30 minutos |\n| Agulha | 32 G, 4 mm |\n| Profundidade de injeção | 1 a 1,5 mm |\n| N.º de sessões recomendado | 4 a 6 |\n| Intervalo entre sessões | 2 semanas |\n';
    expect(claims(table, 'pt')).toEqual([
      ['needle', '32 G'],
      ['needle', '4 mm'],
      ['needle', '1 a 1,5 mm'],
      ['sessions.count', '4 a 6'],
      ['sessions.frequency', '2 semanas'],
    ]);
    for (const c of claimsOf(table, 'pt')) expect(table.slice(c.position.start.offset, c.position.end.offset)).toBe(c.text);
  });

  it('in a table of three columns or more, each value after the label, unless its column is another treatment', () => {
    expect(claims('| | Mesoterapia | Carboxiterapia |\n|---|---|---|\n| N.º de sessões | 4 a 6 | 1 |\n', 'pt')).toEqual([['sessions.count', '4 a 6']]);
    expect(claims('| | Rosto | Papada |\n|---|---|---|\n| N.º de sessões | 4 | 6 a 8 |\n', 'pt').filter(([k]) => k === 'sessions.count')).toEqual([
      ['sessions.count', '4'],
      ['sessions.count', '6 a 8'],
    ]);
  });
});

describe('a checklist of questions the lead-in says rule the treatment out', () => {
  const checklist = '**Il trattamento NON può essere eseguito** se il paziente risponde SÌ a una delle seguenti domande. Barrare la casella.\n\n| | SÌ | NO |\n|---|---|---|\n| È in gravidanza? | ☐ | ☐ |\n| Sta allattando? | ☐ | ☐ |\n| Ha avuto reazioni allergiche a farmaci antinfiammatori? | ☐ | ☐ |\n| Ha la febbre o un’infezione in corso? | ☐ | ☐ |\n';

  it('reads a column of questions under a blank header as the contraindications, and nothing else', () => {
    expect(claimsOf(checklist, 'it').map((c) => [c.kind, (c.value as { condition?: string }).condition])).toEqual([
      ['contraindication', 'pregnancy'],
      ['contraindication', 'breastfeeding'],
      ['contraindication', 'drug-allergy'],
    ]);
  });

  it('not under a lead-in that only asks to tell the doctor', () => {
    const tell = '**Da segnalare al medico**, che valuterà caso per caso (non sono di per sé motivo di esclusione):\n\n| | SÌ | NO |\n|---|---|---|\n| È diabetico/a? | ☐ | ☐ |\n| Assume aspirina? | ☐ | ☐ |\n';
    expect(claimsOf(tell, 'it')).toEqual([]);
  });

  it('in a list too', () => {
    expect(conditionsOf('Mesotherapy cannot be performed if you answer yes to any of these:\n\n- Are you pregnant?\n- Do you take warfarin?\n', 'en')).toEqual(['pregnancy', 'anticoagulant-therapy']);
  });
});

describe('exceptions and their lists', () => {
  it.each([
    ['it', 'Trattiamo tutti i pazienti adulti, eccetto:\n\n- donne in gravidanza;\n- persone in terapia anticoagulante;\n- pazienti con neoplasie in fase attiva.\n', ['pregnancy', 'anticoagulant-therapy', 'cancer']],
    ['en', 'We treat most adults, except those who are pregnant or breastfeeding, people with a clotting disorder and anyone currently being treated for cancer.', ['pregnancy', 'breastfeeding', 'coagulation-disorder', 'cancer']],
    ['nl', 'Mesotherapie is tegenaangewezen bij:\n\n- zwangerschap;\n- gebruik van bloedverdunners;\n', ['pregnancy', 'anticoagulant-therapy']],
    ['it', 'Chi assume anticoagulanti orali come il Coumadin non dovrebbe sottoporsi a mesoterapia.', ['anticoagulant-therapy']],
  ])('%s: %s', (lang, text, conditions) => expect(conditionsOf(text, lang)).toEqual(conditions));
});

describe('numbered documents as plain text', () => {
  it('reads the lines after a run-in label in the sentence before, and the sub-labelled lines it heads', () => {
    const text = '2. THE PROCEDURE\n2.1 NEEDLES. 32G x 4 mm for the face; 27G x 13 mm for the body.\n2.2 DEPTH. Face: 1–2 mm. Body: up to 6 mm.\n2.4 Each session lasts 20–30 minutes.';
    const needles = claimsOf(text, 'en')
      .filter((c) => c.kind === 'needle')
      .map((c) => [(c.value as { aspect: string }).aspect, (c.value as { min: number | null }).min, (c.value as { max: number | null }).max]);
    expect(needles).toEqual([
      ['gauge', 32, 32],
      ['length', 4, 4],
      ['gauge', 27, 27],
      ['length', 13, 13],
      ['depth', 1, 2],
      ['depth', null, 6],
    ]);
  });

  it('reads lines of tab-separated cells as a table whose first line heads the columns', () => {
    const text = 'The values below are a guide only.\nIndication\tDepth\tSessions\tInterval\nFace – skin quality\t0.5–1 mm\t4–6\tevery 2 weeks\nSpine (pain)\tmax. 4 mm\t3–5\tweekly\nSee the notes after the table.';
    const claims = claimsOf(text, 'en').map((c) => [c.kind, c.text]);
    expect(claims).toEqual([
      ['needle', '0.5–1 mm'],
      ['sessions.count', '4–6'],
      ['sessions.frequency', 'every 2 weeks'],
      ['needle', 'max. 4 mm'],
      ['sessions.count', '3–5'],
      ['sessions.frequency', 'weekly'],
    ]);
    expect(claimsOf(text, 'en').filter((c) => c.kind === 'needle').map((c) => c.value)).toEqual([
      { aspect: 'depth', min: 0.5, max: 1, unit: 'mm', approximate: false },
      { aspect: 'depth', min: null, max: 4, unit: 'mm', approximate: false },
    ]);
  });

  it('reads lines opened by ballot boxes as the items of the sentence before', () => {
    const form = '5. CONTRAINDICATIONS\nMesotherapy is NOT suitable if you:\n  ☐ are pregnant or breastfeeding\n  ☐ take warfarin, or have a clotting disorder\n';
    expect(conditionsOf(form, 'en')).toEqual(['pregnancy', 'breastfeeding', 'anticoagulant-therapy', 'coagulation-disorder']);
  });
});
