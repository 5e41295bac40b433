/**
 * Pages that are not a clinic's own: product pages for another treatment, magazine pieces that
 * quote what "some" believe, sports-medicine pages that set mesotherapy beside other therapies.
 * Each rule came from a blind gold set (tests/gold-fresh56 to fresh65) and is general: the words it
 * reads are vocabulary (vocab/*.yaml context.tellDoctor, context.hearsay, noise) or reference terms
 * (other-treatments, diameter).
 */
import { describe, expect, it } from 'vitest';
import { claimsOf, conditionsOf, valuesOf } from './helpers/engine.js';

const kinds = (text: string, lang: string) => claimsOf(text, lang).map((c) => c.kind);
const effects = (text: string, lang: string) => valuesOf(text, lang, 'adverse-effect').map((v) => (v as { effect: string }).effect);
const lengths = (text: string, lang: string) =>
  valuesOf(text, lang, 'needle')
    .filter((v) => (v as { aspect: string }).aspect === 'length')
    .map((v) => (v as { min: number }).min);

describe('a page about another treatment', () => {
  const product = (body: string) => `---\ntitle: "GlowRoll 540 Derma Roller – At-Home Microneedling"\nlanguage: en\n---\n# GlowRoll 540 Derma Roller\n\n${body}\n`;

  it('a heading that names no treatment keeps the page on the one its title and first heading name', () => {
    const page = product("## Why GlowRoll?\n\nIt's 100% safe and painless, with no side effects.\n\n## How to use\n\nUse 2–3 times a week. Mild redness after rolling is normal.");
    expect(kinds(page, 'en')).toEqual([]);
  });

  it('a sentence, heading or table column that names this treatment is read on such a page', () => {
    const page = product(
      '## Compared\n\nClinic mesotherapy means injections with 4 mm needles.\n\n| | GlowRoll (home) | Mesotherapy (clinic) |\n|---|---|---|\n| Sessions | Ongoing | 6–10 |\n\n## Mesotherapy: the risks\n\nBruising is common.',
    );
    expect(claimsOf(page, 'en').map((c) => `${c.kind} ${c.text}`)).toEqual(['needle 4 mm', 'sessions.count 6–10', 'adverse-effect Bruising']);
  });

  it('a page whose title names this treatment too is not about another one', () => {
    const page = '---\ntitle: "Mesotherapy or microneedling?"\nlanguage: en\n---\n# Mesotherapy or microneedling?\n\n## Side effects\n\nBruising is common.\n';
    expect(effects(page, 'en')).toEqual(['bruising']);
  });

  it('a comparison table’s column about another treatment is that one’s: laser lipolysis', () => {
    const table = '| | Mesotherapy | Laser lipolysis |\n|---|---|---|\n| Side effects | Bruising | Swelling, burns |\n| Not suitable for | Pregnancy | Heart disease |\n';
    expect(claimsOf(table, 'en').map((c) => c.text)).toEqual(['Bruising', 'Pregnancy']);
  });

  it('another therapy in a sports-medicine page is another treatment: tecar, intra-articular hyaluronic acid', () => {
    expect(kinds('La tecar, per esempio, va eseguita 2-3 volte a settimana per 10 sedute.', 'it')).toEqual([]);
    expect(kinds('## Infiltrazioni di acido ialuronico\n\nSi usa un ago da 21G lungo 40 mm, 3 infiltrazioni a distanza di una settimana.', 'it')).toEqual([]);
  });
});

describe('conditions to mention, and conditions that are an allergy', () => {
  it('a condition after "tell your doctor" is one to mention, not refused; the refusal before it stands', () => {
    expect(conditionsOf('NON si può fare se si prendono anticoagulanti o se si è incinta, e bisogna dire al medico se si è allergici a qualche farmaco.', 'it')).toEqual([
      'anticoagulant-therapy',
      'pregnancy',
    ]);
    expect(conditionsOf('Not for pregnant women, and tell your doctor if you are allergic to any medicine.', 'en')).toEqual(['pregnancy']);
  });

  it('an allergic reaction in a past allergy that is a contraindication is no adverse effect', () => {
    const text = 'Non la eseguiamo in gravidanza, e va evitata in chi ha avuto reazioni allergiche agli anestetici locali.';
    expect(conditionsOf(text, 'it')).toEqual(['pregnancy', 'drug-allergy']);
    expect(effects(text, 'it')).toEqual([]);
  });

  it('a list is refused by the sentence that leads it in, not by what its paragraph said before', () => {
    const page = '## ¿Es segura?\n\nSí. No tiene efectos adversos graves. Lo que puede pasar:\n\n- un pequeño hematoma;\n- muy rara vez, una reacción alérgica a alguno de los medicamentos.\n';
    expect(conditionsOf(page, 'es')).toEqual([]);
    expect(effects(page, 'es')).toEqual(['hematoma', 'allergic-reaction']);
    expect(conditionsOf('No la aplicamos en estos casos:\n\n- embarazo;\n- alergia a la lidocaína.\n', 'es')).toEqual(['pregnancy', 'drug-allergy']);
  });
});

describe('what a page reports, and what is not about the treatment', () => {
  it('what "some" consider it is reported, not claimed', () => {
    expect(kinds('Girano molte convinzioni sbagliate: c’è chi la teme e chi la considera una cura miracolosa che «rinforza il sistema immunitario».', 'it')).toEqual([]);
    expect(kinds('C’è chi dice che rinforza il sistema immunitario.', 'it')).toEqual([]);
  });

  it('a newsletter line is page furniture: its interval is no session frequency', () => {
    expect(kinds('La mesoterapia si fa ogni due settimane.\n\nIscriviti alla newsletter: un articolo ogni due settimane, niente spam.', 'it')).toEqual(['sessions.frequency']);
  });

  it('a figure after a diameter sign is the needle’s thickness', () => {
    expect(lengths('| Aghi | 4 mm, 30 G (Ø 0,3 mm) |', 'it')).toEqual([4]);
  });
});

describe('counts, rates and captions', () => {
  const counts = (text: string, lang: string) => valuesOf(text, lang, 'sessions.count').map((v) => `${(v as { min: number }).min}-${(v as { max: number }).max}`);
  const frequencies = (text: string, lang: string) => valuesOf(text, lang, 'sessions.frequency').map((v) => (v as { interval: string }).interval);

  it('a frequency right after an amount of money is a price’s rate', () => {
    expect(frequencies('Abonnez-vous dès CHF 19.– par mois. Une séance par mois suffit.', 'fr')).toEqual(['P1M']);
    expect(frequencies('Membership is £25 per month, sessions are monthly.', 'en')).toEqual(['P1M']);
    expect(frequencies('Il forfait costa 90 euro al mese.', 'it')).toEqual([]);
  });

  it('a caption’s label ending in a figure is not joined to a line that opens with one', () => {
    expect(counts('**2. Crepey neck — female, 56**\n3 sessions, three weeks apart.\n', 'en')).toEqual(['3-3']);
    expect(counts('On fait de 3 à 6\nséances.\n', 'fr')).toEqual(['3-6']);
  });

  it('a figure with another between it and the session word is not the count', () => {
    expect(counts('Day 7 after 1 session. Swelling settled within 48 hours.', 'en')).toEqual([]);
  });

  it('a result reached "in just" so many sessions is no course', () => {
    expect(counts('“Bajé 6 cm de cintura en solo 4 sesiones, no lo podía creer”', 'es')).toEqual([]);
    expect(counts('Results in just 3 sessions!', 'en')).toEqual([]);
  });

  it('Québec counts treatments; Spanish states the gap as "semanas de separación"', () => {
    expect(counts('Il faut prévoir une série de 4 à 6 traitements.', 'fr')).toEqual(['4-6']);
    expect(frequencies('Las sesiones van con dos semanas de separación, o con un intervalo de una semana.', 'es')).toEqual(['P2W', 'P1W']);
  });
});

describe('French quotations, refusals and postponements', () => {
  it('a closing guillemet set off by a space ends the quoted sentence, so the verdict after it answers it', () => {
    expect(kinds('**« La mésothérapie détoxifie les tendons. »** Faux. Il n’y a aucune toxine à éliminer.', 'fr')).toEqual([]);
  });

  it('abstaining, postponing and waiting for healing refuse the treatment; "jamais sur" a condition too', () => {
    expect(conditionsOf('En cas de diabète mal équilibré, je préfère m’abstenir. Et bien sûr jamais sur une peau infectée.', 'fr')).toEqual(['diabetes', 'skin-infection']);
    expect(conditionsOf('Je reporte le rendez-vous si vous avez un feu sauvage.', 'fr')).toEqual(['skin-infection']);
    expect(conditionsOf('Enfin, on attend qu’une infection du cuir chevelu soit guérie avant de commencer.', 'fr')).toEqual(['skin-infection']);
  });

  it('a phrase that points back at the conditions named before it, then a negation, refuses them', () => {
    expect(conditionsOf('Me preguntó si estaba embarazada o dando el pecho, porque en esos casos no la hacen.', 'es')).toEqual(['pregnancy', 'breastfeeding']);
    expect(conditionsOf('She asked whether I was pregnant, because in those cases they do not treat.', 'en')).toEqual(['pregnancy']);
    expect(conditionsOf('Se siete in gravidanza, in questo caso non è un problema.', 'it')).toEqual([]);
  });

  it('what an inquiry was told is reported, not claimed', () => {
    expect(kinds('On nous a affirmé que la mésothérapie « élimine définitivement la cellulite ». Neuf nous ont parlé d’un effet « détox ».', 'fr')).toEqual([]);
  });

  it('"no worry" is no obstacle', () => {
    expect(conditionsOf('**Et si je suis diabétique ?**\nPas de souci si votre diabète est bien équilibré.\n', 'fr')).toEqual([]);
  });
});

describe('social posts, forums and passing mentions', () => {
  const counts = (text: string, lang: string) => valuesOf(text, lang, 'sessions.count').map((v) => `${(v as { min: number }).min}-${(v as { max: number }).max}`);

  it('an emoji after a question does not stop it leading in the list it asks about', () => {
    expect(conditionsOf('QUEM NÃO PODE FAZER? 🚫\n❌ Gestantes e lactantes\n❌ Herpes ativo na região\n', 'pt')).toEqual(['pregnancy', 'breastfeeding', 'skin-infection']);
  });

  it('labelled figures further on in a paragraph that answers a question answer it too; other labels do not', () => {
    expect(counts('▸ Quantas aplicações são necessárias?\nVaria conforme a área. Face: 3 a 5. Couro cabeludo: 6–10.\n', 'pt')).toEqual(['3-5', '6-10']);
    expect(counts('Quanto costa e quante sedute servono?\n\n60 € a seduta. Per prenotare: tel. 0000 000000 (lun–ven 9–13).\n', 'it')).toEqual([]);
  });

  it('a condition in a bracketed aside is refused as the word before the aside is', () => {
    expect(conditionsOf('Não realizo mesoterapia em gestantes, em pacientes com imunossupressão (HIV, leucemia, quimioterapia recente).', 'pt')).toEqual([
      'pregnancy',
      'hiv-aids',
      'leukemia',
      'prior-chemotherapy',
    ]);
    // An aside that says something is no contraindication still stands apart from the list.
    expect(conditionsOf('Contre-indications :\n\n- en cas de trouble de la coagulation (un traitement par aspirine n’est pas une contre-indication, mais signalez-le) ;\n', 'fr')).toEqual(['coagulation-disorder']);
  });

  it('a refusal after the condition, in its clause, refuses it', () => {
    expect(conditionsOf('In gravidanza la meso nn si fa assolutamente.', 'it')).toEqual(['pregnancy']);
    expect(conditionsOf('Se prendi anticoagulanti tipo Coumadin o Eliquis non la puoi fare.', 'it')).toEqual(['anticoagulant-therapy']);
  });

  it('advice reaches over the sentence’s commas, not past a dash', () => {
    expect(conditionsOf('Schwangere und Stillende behandeln wir nicht mit Mesotherapie – diese Ausschlusskriterien prüfen Sie vor jeder Sitzung.', 'de')).toEqual(['pregnancy', 'breastfeeding']);
    expect(conditionsOf('Se assume antiaggreganti, lo comunichi al medico prima della seduta.', 'it')).toEqual([]);
  });

  it('figures in an aside after another treatment’s name are that one’s; another treatment in an aside closing the sentence is an aside', () => {
    expect(counts('Dr Wren offers shockwave therapy (usually 3–5 sessions, weekly) and mesotherapy for tendinopathy.', 'en')).toEqual([]);
    expect(counts('Mesotherapy (usually 3–5 sessions, weekly) helps.', 'en')).toEqual(['3-5']);
    expect(lengths('La mesoterapia per il tendine: gli aghi sono da 4 mm, mai dentro il tendine (quello è il rischio delle infiltrazioni di cortisone).', 'it')).toEqual([4]);
  });

  it('laser hair removal is another treatment; "di rilievo" qualifies side effects as serious', () => {
    expect(counts('Laser hair removal: most people need 6–8 sessions.', 'en')).toEqual([]);
    expect(valuesOf('La mesoterapia è senza effetti collaterali di rilievo.', 'it', 'safety')).toEqual([{ assertion: 'no-serious-side-effects' }]);
  });
});

describe('a passage in another language', () => {
  it('is read with that language’s vocabulary, and its claims say so', () => {
    const page = '# Mesotherapie in Biel\n\nWir behandeln Sehnenschmerzen mit Mesotherapie.\n\nLa mésothérapie est contre-indiquée pendant la grossesse et chez les patients sous anticoagulants. Il faut compter 8 séances.\n';
    const claims = claimsOf(page, 'de');
    expect(claims.map((c) => `${c.kind} ${c.language}`)).toEqual(['contraindication fr', 'contraindication fr', 'sessions.count fr']);
  });

  it('needs the other language’s own function words, and none of the page’s: Portuguese is not read as Spanish', () => {
    const page = '## Quantas sessões?\n\nO protocolo completo tem 10 sessões, realizadas duas vezes por semana. Para manutenção, indicamos 1 sessão a cada 21 dias.\n';
    expect(claimsOf(page, 'pt').map((c) => c.language)).toEqual(['pt', 'pt', 'pt']);
  });
});

