/**
 * Gauges in lower case, sessions added to a course, rates given as alternatives, claims quoted
 * after a colon, what a colon says of another treatment, and conditions written as a pair. Each
 * rule came from a blind gold set (tests/gold-fresh111 to fresh115) and is general: the words it
 * reads are vocabulary (vocab/*.yaml quantity.additional, quantity.rangeJoin, context.reported,
 * context.hypothetical, contraindication.alsoNot) or reference terms.
 */
import { describe, expect, it } from 'vitest';
import { claimsOf, conditionsOf, countsOf as counts, effectsOf, assertionsOf as assertions, needlesOf as needles, intervalsOf as intervals, valuesOf } from './helpers/engine.js';

describe('needle gauges', () => {
  it('a gauge with a lower-case letter is read beside a needle word or a times sign', () => {
    expect(needles('We use a 32g needle for the face.', 'en')).toEqual(['gauge 32-32']);
    expect(needles('Needle: 30g x 4mm.', 'en')).toEqual(['gauge 30-30', 'length 4-4']);
    expect(needles('Usiamo un ago 30g da 4 mm.', 'it')).toEqual(['gauge 30-30', 'length 4-4']);
  });

  it('a lower-case "g" elsewhere is grams', () => {
    // (Grams of cream in a sentence that names the needle; a figure past the gauges of fine needles.)
    expect(needles('After the needle session we apply 30g of soothing cream.', 'en')).toEqual([]);
    expect(needles('A 50g tube is given with every needle course.', 'en')).toEqual([]);
  });

  it('a depth in centimetres or in half a unit is read in millimetres', () => {
    expect(needles('Se inyecta a 0,5-1 cm de profundidad.', 'es')).toEqual(['depth 5-10']);
    expect(needles('The needle goes no deeper than half a centimetre.', 'en')).toEqual(['depth -5']);
    expect(needles('Sul viso lavoro molto in superficie, a mezzo millimetro di profondità.', 'it')).toEqual(['depth 0.5-0.5']);
    expect(needles('Wir stechen höchstens einen halben Millimeter tief.', 'de')).toEqual(['depth -0.5']);
  });

  it('centimetres that measure something else are no needle figure', () => {
    // (A scar's length beside a needle word; a waist; the depth of a tendon is the one case left.)
    expect(needles('Nach der Injektion verblieb eine etwa 2 cm lange Narbe.', 'de')).toEqual([]);
    expect(needles('With a 4 mm needle, the waist went down by 1 cm on average.', 'en')).toEqual(['length 4-4']);
  });

  it('the spacing between injection points is no needle figure, in millimetres or centimetres', () => {
    expect(needles('Injections 5 mm apart, needle depth 2 mm.', 'en')).toEqual(['depth 2-2']);
    expect(needles('Iniettare a una profondità di 2-4 mm, distanza tra i punti 1,5-2 cm.', 'it')).toEqual(['depth 2-4']);
    expect(needles('Com agulhas 30G, a médica faz punturas a cada 1 cm, a uma profundidade entre 1 e 2 mm.', 'pt')).toEqual(['gauge 30-30', 'depth 1-2']);
    expect(needles('Wir injizieren mit feinen Kanülen (30 G, 13 mm) in einem Raster von ca. 1,5 cm.', 'de')).toEqual(['gauge 30-30', 'length 13-13']);
  });

  it('a vulgar fraction is a figure, alone or after a whole number', () => {
    expect(needles('Die Nadel dringt ½ bis 4 mm in die Haut ein.', 'de')).toEqual(['depth 0.5-4']);
    expect(needles('Injection depth: 1½ mm.', 'en')).toEqual(['depth 1.5-1.5']);
    // (The half-inch of a gauge stays the gauge's.)
    expect(needles('Kanüle 30G½, Tiefe 2 mm.', 'de')).toEqual(['gauge 30-30', 'depth 2-2']);
  });

  it('a figure the needles go "into the skin" is a depth (nl)', () => {
    expect(needles('Afhankelijk van de zone dringen de naaldjes 0,25 tot 0,5 mm in de huid.', 'nl')).toEqual(['depth 0.25-0.5']);
  });
});

/** Rates as "interval" or "interval..intervalMax", in page order. */
const rates = (text: string, language: string) =>
  valuesOf(text, language, 'sessions.frequency').map((v) => {
    const f = v as { interval: string; intervalMax?: string };
    return f.intervalMax ? `${f.interval}..${f.intervalMax}` : f.interval;
  });

describe('session counts and rates', () => {
  it('sessions added to a course are not a course', () => {
    expect(counts('Nous conseillons 3 à 5 séances. Le docteur peut proposer une ou deux séances de plus.', 'fr')).toEqual(['3-5']);
    expect(counts('We recommend 3 to 5 sessions; some people need two extra sessions.', 'en')).toEqual(['3-5']);
    expect(counts('Consigliamo 3-5 sedute; a volte servono altre 2 sedute.', 'it')).toEqual(['3-5']);
    expect(counts('Meist sind 4 Sitzungen nötig, selten zwei weitere Sitzungen.', 'de')).toEqual(['4-4']);
  });

  it('two rates joined by "or" alone are one range, the shorter interval first', () => {
    expect(rates('We recommend a course of 8–10 treatments, weekly or fortnightly.', 'en')).toEqual(['P1W..P2W']);
    expect(rates('Le sedute sono settimanali o quindicinali.', 'it')).toEqual(['P1W..P15D']);
    // (A sequence stays two rates.)
    expect(rates('Sessions are weekly at first, then monthly.', 'en')).toEqual(['P1W', 'P1M']);
  });

  it('a rate the words before it give to something else is no rate of sessions', () => {
    expect(rates('Three sessions, three weeks apart. Photos taken 8 weeks apart.', 'en')).toEqual(['P3W']);
    expect(rates('Foto scattate a distanza di 4 settimane.', 'it')).toEqual([]);
  });

  it('so many times a year is a rate in months, as "twice a year" is', () => {
    expect(rates('Maintenance treatments are usually recommended 2–4 times a year.', 'en')).toEqual(['P3M..P6M']);
    expect(rates('Poi si fa un richiamo 3 volte l’anno.', 'it')).toEqual(['P4M']);
    expect(rates('Zur Erhaltung 3-4 mal im Jahr eine Auffrischung.', 'de')).toEqual(['P3M..P4M']);
    // (A clinic's yearly count is no rate: more than one a week, all year.)
    expect(rates('Our doctors perform 300 treatments a year.', 'en')).toEqual([]);
  });
});

describe('what is said of something else', () => {
  it('claims quoted after a colon that follows a reporting word are reported', () => {
    expect(assertions('Sui social si legge di tutto: che “disintossica”, che “rinforza il sistema immunitario”.', 'it')).toEqual([]);
    // (A reporting word right before the quote still reports it, after a colon of its own.)
    expect(assertions('Wer Mesotherapie anbietet, sollte die Website prüfen: Versprechen wie „ohne Risiko“ werden beanstandet.', 'de')).toEqual([]);
  });

  it('a relative clause right after another treatment is said of it, to its comma', () => {
    expect(rates('A diferencia de las infiltraciones de corticoides, que se repiten cada tres meses, la mesoterapia se hace cada semana.', 'es')).toEqual(['P1W']);
    expect(rates('Unlike cortisone injections, which are given every 3 months, mesotherapy can be repeated every month.', 'en')).toEqual(['P1M']);
    // (A relative clause after this treatment's name stays its own.)
    expect(rates('La mesoterapia, che si ripete 3 volte l’anno, non sostituisce la fisioterapia.', 'it')).toEqual(['P4M']);
  });

  it('a bracketed aside that is a whole sentence is about what it names', () => {
    expect(rates('- Esistono alternative? (ad esempio le infiltrazioni di corticosteroidi, che in genere si ripetono ogni 3 mesi)', 'it')).toEqual([]);
  });

  it('a colon right after another treatment opens what is said of it', () => {
    const text = 'Abbina alla mesoterapia la nostra pressoterapia di ultima generazione: un ciclo di 10 sedute da 30 minuti, 2 volte a settimana.';
    expect(claimsOf(text, 'it').filter((c) => c.kind.startsWith('sessions.'))).toEqual([]);
    // (Not a clock's colon, nor one after this treatment.)
    expect(counts('La mesoterapia: 4 sedute, una a settimana.', 'it')).toEqual(['4-4']);
  });

  it('a bold item that names another treatment is about that one', () => {
    expect(effectsOf('Neben der Mesotherapie biete ich an:\n\n- **Schröpfen** – danach bleiben oft für einige Tage kreisrunde Blutergüsse sichtbar.\n', 'de')).toEqual([]);
  });
});

describe('conditions and effects', () => {
  it('an effect joined by "or" to a condition the page rules out is part of that condition', () => {
    const text = 'Nicht geeignet ist die Mesotherapie bei Infektionen oder Entzündungen der Haut im Behandlungsgebiet.';
    expect(conditionsOf(text, 'de')).toEqual(['skin-infection']);
    expect(effectsOf(text, 'de')).toEqual([]);
  });

  it('"and of course" carries a list of contraindications on into the next sentence', () => {
    const text = 'La mesoterapia non è adatta alle donne in gravidanza e a chi prende anticoagulanti. E naturalmente a chi ha un’infezione della pelle nella zona da trattare.';
    expect(conditionsOf(text, 'it')).toContain('skin-infection');
  });

  it('a warning sign written as "Sollte sich …" is no effect of the treatment', () => {
    expect(effectsOf('Sollte sich eine Einstichstelle in den Tagen danach röten und anschwellen, melden Sie sich bitte umgehend.', 'de')).toEqual([]);
    expect(effectsOf('Die Haut kann sich für ein bis zwei Tage röten.', 'de')).toEqual(['erythema']);
  });

  it('vocabulary: a refusal in the first person (nl), a generalised infection, an itchy reaction', () => {
    expect(conditionsOf('Ik behandel geen zwangere vrouwen.', 'nl')).toEqual(['pregnancy']);
    expect(conditionsOf('A intradermoterapia é contraindicada em:\n\n- pacientes com infecção generalizada;\n', 'pt')).toEqual(['blood-infection']);
    expect(effectsOf('Più spesso si osservano piccoli ematomi e una reazione cutanea pruriginosa.', 'it')).toEqual(['hematoma', 'itching']);
  });
});

describe('second batch (fresh116 to fresh120)', () => {
  it('a length times a diameter, the unit given once, is the length', () => {
    expect(needles('Os ativos são aplicados com agulha 13 x 0,30 mm (30G).', 'pt')).toEqual(['length 13-13', 'gauge 30-30']);
  });

  it('a clause after a colon that names another treatment and not this one is about that one', () => {
    expect(counts('A mesoterapia não substitui a reabilitação: associamos um programa de fisioterapia, geralmente 10 sessões, 3 vezes por semana.', 'pt')).toEqual([]);
  });

  it('an effect listed beside a ruled-out condition, commas between, is part of it', () => {
    const text = 'A mesoterapia está contraindicada em:\n\n- pacientes com infecções, feridas ou dermatite intensa no couro cabeludo;\n';
    expect(conditionsOf(text, 'pt')).toEqual(['skin-infection']);
    expect(effectsOf(text, 'pt')).toEqual([]);
  });

  it('what someone else told the asker is hearsay, not the page\'s claim', () => {
    expect(claimsOf('They told me I need 12 sessions, one every week, then maintenance forever.', 'en').filter((c) => c.kind.startsWith('sessions.'))).toEqual([]);
    expect(assertions('Ma blonde s’est fait dire dans un spa que ça fait fondre la graisse du double menton.', 'fr')).toEqual([]);
    expect(assertions('En un spa me ofrecieron “mesoterapia desintoxicante” que saca las toxinas.', 'es')).toEqual([]);
  });

  it('refusals in answers: "sí lo son", "la evitamos cuando", "is not for", "on le reporte"', () => {
    expect(conditionsOf('El hipotiroidismo no es una contraindicación. Sí lo son el embarazo y la lactancia.', 'es')).toEqual(['pregnancy', 'breastfeeding']);
    expect(conditionsOf('Solo la evitamos cuando la glucosa está descontrolada.', 'es')).toEqual(['diabetes']);
    expect(conditionsOf('Dutasteride mesotherapy is not for women who are or may become pregnant.', 'en')).toEqual(['pregnancy']);
    expect(conditionsOf('On le reporte aussi si vous avez un feu sauvage actif dans la zone à traiter.', 'fr')).toEqual(['skin-infection']);
  });
});

describe('third batch (fresh121 to fresh125)', () => {
  it('English written by non-native writers: rates, bounds and diameters as they phrase them', () => {
    expect(intervals('For patients from abroad we can make 2 sessions in one week.', 'en')).toEqual(['P0.5W']);
    expect(intervals('The treatment is repeated in the distance of one week, later with interval 2 weeks.', 'en')).toEqual(['P1W', 'P2W']);
    expect(needles('We use extremely thin needles with a thickness of 0,3 mm; the medicament is injected maximal 4 mm deep in the skin.', 'en')).toEqual(['depth -4']);
    expect(effectsOf('Should the injection place become hot, red and swollen in the following days, please contact immediately the practice.', 'en')).toEqual([]);
  });

  it('a menu item in bold with a dot leader and its price titles the lines under it', () => {
    const menu = '## Injectables\n\n**Dermal Fillers (lips, cheeks)** ........ from $650/syringe\nRestores volume. Swelling and bruising may occur for up to a week.\n\n**Mesotherapy** ........ from $300\nA course of 4 sessions, two weeks apart.\n\n**Laser Hair Removal** ........ from $99\n6–8 sessions, 4–8 weeks apart.\n';
    expect(counts(menu, 'en')).toEqual(['4-4']);
    expect(effectsOf(menu, 'en')).toEqual([]);
  });
});

describe('fourth batch (fresh126 to fresh130)', () => {
  it('"must heal first", "must wait" and "c’est non" refuse; "né controindicazioni" denies them all', () => {
    expect(conditionsOf("Chi ha un'infezione del cuoio capelluto deve prima guarire. E chi ha appena finito la chemioterapia deve aspettare almeno sei mesi.", 'it')).toEqual(['skin-infection', 'prior-chemotherapy']);
    expect(conditionsOf("Par contre si tu es sous anticoagulants, la méso c'est non.", 'fr')).toEqual(['anticoagulant-therapy']);
    expect(assertions('La mesoterapia omotossicologica non ha effetti collaterali né controindicazioni.', 'it')).toEqual(['no-side-effects', 'no-contraindications']);
  });
});
