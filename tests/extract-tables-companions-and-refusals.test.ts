/**
 * Table headers, price lists, companion treatments, questions about another treatment, refusals
 * and denials. Each rule came from a blind gold set (tests/gold-fresh76 to fresh80) and is
 * general: the words it reads are vocabulary (vocab/*.yaml context.combinedWith, context.hearsay,
 * contraindication cues, quantity bounds and frequencies) or reference terms.
 */
import { describe, expect, it } from 'vitest';
import { conditionsOf, countsOf as counts, intervalsOf as intervals, needlesOf as needles, effectsOf, assertionsOf as assertions } from './helpers/engine.js';


describe('tables and price lists', () => {
  it('a column header that names the needle or the depth outweighs the row’s label and the cell’s own words', () => {
    const table = [
      '| Technique | Aiguille | Profondeur | Cadence |',
      '|---|---|---|---|',
      '| Nappage | 4 mm – 32 G | 1 mm (derme superficiel) | 6–9 imp./s |',
      '| Injections profondes (mésothérapie antalgique) | 13 mm – 27 G | 4 à 6 mm | coup par coup |',
      '',
    ].join('\n');
    expect(needles(table, 'fr')).toEqual(['length 4-4', 'gauge 32-32', 'depth 1-1', 'length 13-13', 'gauge 27-27', 'depth 4-6']);
  });

  it('a header cell over prices is a package, not a course', () => {
    const prices = '## Prices\n\n| Treatment | Single session | Course |\n|---|---|---|\n| Face & Neck | €250 | 3 for €675 |\n| Scalp | €280 | 6 for €1,500 |\n';
    expect(counts(prices, 'en')).toEqual([]);
    // A header over counts keeps them.
    expect(counts('| | Cellulite | Adiposità |\n|---|---|---|\n| Numero di sedute | 10–12 | 6 ca. |\n', 'it')).toEqual(['10-12', '6-6']);
  });

  it('a dot leader joins an item to its price: no sentence ends there', () => {
    expect(counts('### Face Mesotherapy\n\nSingle session (40 mins) ........ £150\nCourse of 4 ........ £540\n', 'en')).toEqual([]);
  });

  it('minutes written with a prime are no count', () => {
    expect(counts("Durata della seduta: 30' · Ritorno alle attività: immediato", 'it')).toEqual([]);
    expect(counts('Sedute: 6 · Durata: 30′', 'it')).toEqual(['6-6']);
  });
});

describe('needles', () => {
  it('a gauge set off by a comma between a length and the needle word does not part them', () => {
    expect(needles('- Needle choice and depth: why a 4mm, 30G needle is enough for almost every indication.', 'en')).toEqual(['length 4-4', 'gauge 30-30']);
  });

  it('a first dimension under a millimetre times a length is the needle’s diameter', () => {
    expect(needles('We use single-use needles measuring 0.3 mm × 4 mm (30G).', 'en')).toEqual(['length 4-4', 'gauge 30-30']);
  });

  it('“max” before a figure is a bound; a product “deposited” at a figure is a depth', () => {
    expect(needles('Iniezioni a una profondità di max 4 mm.', 'it')).toEqual(['depth -4']);
    expect(needles('Sulla cellulite il prodotto viene depositato tra i 3 e i 5 mm.', 'it')).toEqual(['depth 3-5']);
  });
});

describe('courses and rates', () => {
  it('a count whose session word is left out, after a sentence about sessions', () => {
    expect(counts('Protocollo di base: da 5 a 8 sedute, settimanali. Nei quadri acuti ne bastano spesso 3-4.', 'it')).toEqual(['5-8', '3-4']);
    expect(counts('A typical programme is a course of three to five treatments. For hair I recommend a longer course of six, initially every week.', 'en')).toEqual(['3-5', '6-6']);
    // Not a package's.
    expect(counts('Face: €120 per session. Body: €95 per area, course of 8 for €690.', 'en')).toEqual([]);
  });

  it('“two sessions a month apart” is two sessions a month apart, not two a month', () => {
    expect(intervals('Mesotherapy is usually done as two sessions a month apart.', 'en')).toEqual(['P1M']);
    expect(intervals('Mesotherapy: two sessions a month.', 'en')).toEqual(['P0.5M']);
  });

  it('rates and intervals in vocabulary: abbreviated, alternate weeks, hyphenated, per quarter', () => {
    expect(intervals('Cellulite: 2 v./sett. per le prime 3 sett., poi 1 v./sett.', 'it')).toEqual(['P0.5W', 'P1W']);
    expect(intervals('Consigliamo un percorso di 8 sedute, a settimane alterne.', 'it')).toEqual(['P2W']);
    expect(intervals('A course usually consists of 4 to 8 treatments at 3-week intervals.', 'en')).toEqual(['P3W']);
    expect(intervals('Sessions are given at intervals of 1 to 2 weeks.', 'en')).toEqual(['P1W']);
    expect(intervals('Mesotherapie: zur Erhaltung genügt danach meist eine Behandlung pro Quartal.', 'de')).toEqual(['P3M']);
  });

  it('Spanish “u” joins a range as “o” does', () => {
    expect(counts('En la lumbalgia crónica solemos necesitar más: seis u ocho sesiones.', 'es')).toEqual(['6-8']);
  });

  it('a hyphenated interval pattern does not make every sentence a frequency candidate', () => {
    const page = 'Buy a course of 5 single sessions and get the 6th free. Interest-free finance over 3, 6 or 12 months.';
    expect(counts(page, 'en')).toEqual([]);
  });
});

describe('other treatments', () => {
  it('a treatment named as the companion of this one does not turn the sentence to it', () => {
    const it1 = 'Per un risultato visibile consigliamo un percorso di 8 sedute, a settimane alterne, da abbinare a pressoterapia o linfodrenaggio manuale.';
    expect(counts(it1, 'it')).toEqual(['8-8']);
    // The companion on its own is still another treatment.
    expect(counts('La pressoterapia, da sola, prevede invece un ciclo di 10 sedute, due a settimana.', 'it')).toEqual([]);
  });

  it('a question about another treatment is answered about that one, in its paragraph or the next', () => {
    const sameParagraph = '▸ **E la carbossiterapia? È meglio?**\nÈ un’altra tecnica. Per la cellulite prevede di solito 10–12 sedute, due alla settimana. Spesso la proponiamo in associazione alla mesoterapia.\n\n▸ **Quante sedute servono?**\nDi solito 6.\n';
    expect(counts(sameParagraph, 'it')).toEqual(['6-6']);
    expect(intervals(sameParagraph, 'it')).toEqual([]);
    const nextParagraph = '**E la carbossiterapia?**\n\nPrevede di solito 10–12 sedute, due alla settimana.\n\nPer la mesoterapia bastano 6 sedute.\n';
    expect(counts(nextParagraph, 'it')).toEqual(['6-6']);
  });

  it('a diode laser and manual lymph drainage are other treatments', () => {
    const table = '| Trattamento | Sedute | Frequenza |\n|---|---|---|\n| Mesoterapia | 6–8 | ogni 10 giorni |\n| Laser diodo (epilazione) | 6–8 | ogni 4–6 settimane |\n';
    expect(intervals(table, 'it')).toEqual(['P10D']);
  });
});

describe('refusals, reports and denials', () => {
  it('“we do not accept” and its kin refuse the conditions after them', () => {
    expect(conditionsOf('No aceptamos embarazadas ni mujeres que estén amamantando.', 'es')).toEqual(['pregnancy', 'breastfeeding']);
    expect(conditionsOf('Les patients sous anticoagulants ne peuvent pas être traités par mésothérapie.', 'fr')).toEqual(['anticoagulant-therapy']);
    expect(conditionsOf('**Attenzione:** se dovesse iniziare una gravidanza, la seduta NON potrà essere eseguita.', 'it')).toEqual(['pregnancy']);
    expect(conditionsOf('Rimando il trattamento se c’è un herpes labiale in fase attiva.', 'it')).toEqual(['skin-infection']);
    expect(conditionsOf('Se avete il diabete scompensato preferisco aspettare.', 'it')).toEqual(['diabetes']);
    expect(conditionsOf('Si hay una infección en la piel de la zona, se espera a que cure.', 'es')).toEqual(['skin-infection']);
  });

  it('what patients are told, an assertion one doubts, the old line a book repeats: reported, not claimed', () => {
    expect(assertions('Patients are often told it is risk-free.', 'en')).toEqual([]);
    expect(assertions('I am less convinced by the assertion that the technique is “virtually painless”.', 'en')).toEqual([]);
    expect(assertions('The chapter still repeats the old line that mesotherapy “dissolves fat permanently”.', 'en')).toEqual([]);
    expect(assertions('Be suspicious of anything labelled “fat-dissolving”.', 'en')).toEqual([]);
    expect(assertions('Chi vi dice “via la cellulite per sempre” non vi sta dicendo la verità.', 'it')).toEqual([]);
  });

  it('a list of quoted slogans after “claims such as” in other words is reported whole', () => {
    expect(assertions('Il Collegio segnala affermazioni pubblicitarie come “elimina la cellulite”, “scioglie il grasso per sempre” o “zero effetti collaterali”.', 'it')).toEqual([]);
    expect(assertions('Les allégations « sans douleur », « résultats définitifs » et « effet détox » ne reposent sur aucune donnée.', 'fr')).toEqual([]);
  });

  it('what a page says it cannot say or claim', () => {
    expect(assertions('We can’t say it “detoxes” your skin or body, or that it boosts your immune system.', 'en')).toEqual([]);
    expect(assertions('We can\'t tell you that mesotherapy melts fat or gets rid of cellulite for good.', 'en')).toEqual([]);
    expect(assertions('We won’t describe the treatment as “painless”, “risk-free” or “with no side effects”.', 'en')).toEqual([]);
  });

  it('“does not mean that” asserts nothing after it', () => {
    expect(conditionsOf('La comparsa di pomfi non significa che lei sia allergica al prodotto.', 'it')).toEqual([]);
    expect(effectsOf('La comparsa di pomfi non significa che lei sia allergica al prodotto.', 'it')).toEqual(['wheal']);
  });
});

describe('terms', () => {
  it('conditions and effects in more words', () => {
    expect(conditionsOf('Contraindications: pregnancy and a history of allergy to any of the drugs used.', 'en')).toEqual(['pregnancy', 'drug-allergy']);
    expect(conditionsOf('Do not have mesotherapy if you have a bleeding or clotting disorder.', 'en')).toEqual(['coagulation-disorder']);
    expect(effectsOf('Do not have mesotherapy if you have a bleeding or clotting disorder.', 'en')).toEqual([]);
    expect(conditionsOf('Non trattiamo pazienti con infezioni sistemiche o del sangue in atto.', 'it')).toEqual(['blood-infection']);
    expect(effectsOf('Afterwards you may notice small raised lumps (weals) where the product was placed.', 'en')).toEqual(['wheal']);
    expect(effectsOf('Con buena técnica es casi indolora, aunque en cuero cabelludo algunos pacientes sienten algo de dolor.', 'es')).toEqual(['pain']);
    expect(effectsOf('The book is candid about adverse effects: bruising and transient burning with some mixtures.', 'en')).toEqual(['bruising', 'burning']);
  });
});

describe('prices in any currency and look-alike treatments (fresh91 to fresh95)', () => {
  it('a currency sign or code makes a package, whatever the currency', () => {
    expect(counts('| Package | Price |\n|---|---|\n| Single session | AED 899 |\n| 3 sessions | AED 2,399 |\n', 'en')).toEqual([]);
    expect(counts('| Area | 1 session | 10 sessions |\n|---|---|---|\n| Abdomen | ₹ 6,000 | ₹ 50,000 |\n', 'en')).toEqual([]);
    expect(counts('Mesotherapie: 6 Sitzungen für 1.500 CHF.', 'de')).toEqual([]);
    // A course with no price stays a course.
    expect(counts('We usually recommend 6 sessions.', 'en')).toEqual(['6-6']);
  });

  it('electroporation and the lipotropic shots sold beside mesotherapy are other treatments', () => {
    expect(intervals('L’elettroporatore si usa due volte a settimana per un mese.', 'it')).toEqual([]);
    expect(intervals('Our MIC/B12 lipotropic injections are given weekly.', 'en')).toEqual([]);
    expect(intervals('Lipo shots are given weekly. Mesotherapy is given every two weeks.', 'en')).toEqual(['P2W']);
  });

  it('Dutch rates “eenmaal per twee weken”, “1 keer per 2 weken”', () => {
    expect(intervals('Daarna volstaat eenmaal per twee weken een behandeling.', 'nl')).toEqual(['P2W']);
    expect(intervals('Mesotherapie: 1 keer per 2 weken.', 'nl')).toEqual(['P2W']);
  });
});

describe('a lower bound a rarity word governs', () => {
  it('states no course: “rarely more than 8” is not “at least 8”', () => {
    expect(counts('Il ciclo che propongo più spesso è di 5 sedute. Raramente ne servono più di 8.', 'it')).toEqual(['5-5']);
    expect(counts('Rarely are more than eight sessions needed.', 'en')).toEqual([]);
    expect(counts('You will need at least 6 sessions.', 'en')).toEqual(['6-']);
  });
});
