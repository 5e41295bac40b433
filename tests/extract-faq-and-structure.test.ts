/**
 * FAQ sections, structured pages (price tables with a protocol column, definition lists, strength
 * labels over lists) and a few negations. Each rule came from a blind gold set (tests/gold-fresh66
 * to fresh70) and is general: the words it reads are vocabulary (vocab/*.yaml negation.privative,
 * context.alternativeTo, negation.answer, quantity bounds) or reference terms.
 */
import { describe, expect, it } from 'vitest';
import { claimsOf, conditionsOf, valuesOf, countsOf as counts, needlesOf as needles, effectsOf, assertionsOf as assertions } from './helpers/engine.js';

const read = (text: string, lang: string) => claimsOf(text, lang).map((c) => `${c.kind} ${c.text}`);

describe('a FAQ heading answered by the paragraph under it', () => {
  it('a question that names the needle makes the figures in mm after it lengths (the reference’s askedAs.figures)', () => {
    const page = '# FAQ Mesotherapie\n\n### Wie lang sind die Nadeln?\nMeistens 4 mm, im Gesicht auch nur 2,5 mm.\n';
    expect(needles(page, 'de')).toEqual(['length 4-4', 'length 2.5-2.5']);
    expect(needles('# FAQ\n\n### What size needles do you use?\n\nUsually 4 mm long (and 0.23 mm across).\n', 'en')).toEqual(['length 4-4']);
  });

  it('a question that asks how long, not about the needle, asks no length', () => {
    expect(needles('# FAQ Mesotherapie\n\n### Wie lange dauert es?\nAuf der Kopfhaut werden bis zu 3 mm Haare gekürzt.\n', 'de')).toEqual([]);
  });

  it('a question about how many sessions is answered by every sentence of the paragraph, a lone number too', () => {
    const page = '# FAQ Mesotherapie\n\n### Wie viele Sitzungen brauche ich?\nDas hängt von der Indikation ab. Bei Schmerzen meist 3–5, bei Haarausfall 6 bis 8, für die Haut vier.\n';
    expect(counts(page, 'de')).toEqual(['3-5', '6-8', '4-4']);
    expect(counts('# FAQ\n\n### How many sessions will I need?\nUsually four.\n', 'en')).toEqual(['4-4']);
  });

  it('a byline’s figures, a figure after a comma and a result’s “after three” are no count', () => {
    const forum = '# Mesotherapy: how many sessions?\n\n## How many sessions do you really need?\n\nAsked by **bella_r_92** · Mar 2, 2024 · 12.3K views · Follow (38)\n';
    expect(counts(forum, 'en')).toEqual([]);
    const result = '# Mesotherapy\n\n## How many sessions?\n\nMost people need three to five sessions, one a week. If there is no meaningful change after three, we stop.\n';
    expect(counts(result, 'en')).toEqual(['3-5']);
    const particle = '## Wie viele Sitzungen sind nötig?\n\n**Mesotherapie:** meist 4 bis 6 Behandlungen. Die Wirkung setzt häufig sofort nach der Behandlung ein.\n';
    expect(counts(particle, 'de')).toEqual(['4-6']);
  });

  it('“absolutely not” answers a question whether one may have it: the condition it names is refused', () => {
    expect(conditionsOf('# FAQ mesoterapia\n\n### Posso farla in gravidanza?\n\nAssolutamente no.\n', 'it')).toEqual(['pregnancy']);
  });
});

describe('negations', () => {
  it('“lacking” denied is having: no safety claim', () => {
    expect(assertions('La mesoterapia non è del tutto priva di rischi.', 'it')).toEqual([]);
    expect(assertions('Sulla mesoterapia: nessun trattamento medico è del tutto privo di rischi.', 'it')).toEqual([]);
    expect(assertions('La mésothérapie n’est pas sans risque.', 'fr')).toEqual([]);
  });

  it('a “lacking” before it, or a negation before any other negated phrase, is concord', () => {
    expect(assertions('Mesoterapia: il trattamento anti-age senza bisturi e senza dolore.', 'it')).toEqual(['painless']);
    expect(assertions('La mesoterapia? Non c’è nessun rischio.', 'it')).toEqual(['safe']);
    expect(assertions('La mesoterapia è priva di rischi.', 'it')).toEqual(['safe']);
  });

  it('German: an effect a practice has never seen, and a claim “once gladly made”', () => {
    expect(read('Die Mesotherapie ist gut verträglich. Infektionen haben wir in unserer Praxis bislang nicht beobachtet.', 'de')).toEqual(['safety gut verträglich']);
    expect(assertions('Früher wurde gerne behauptet, die Mesotherapie könne einen Tinnitus dauerhaft heilen.', 'de')).toEqual([]);
  });

  it('“we never go beyond 8 sessions” is a maximum, not a denied count', () => {
    expect(counts('Per la mesoterapia antalgica non superiamo mai le 8 sedute per ciclo.', 'it')).toEqual(['-8']);
  });

  it('a claim a page says someone advertises is reported', () => {
    expect(assertions('La mesoterapia? Un centro della mia città la pubblicizza come “cura definitiva per l’ernia del disco, risultati garantiti”.', 'it')).toEqual([]);
  });
});

describe('another treatment named as what this one replaces', () => {
  it('“an alternative to liposuction” does not turn the sentence to liposuction', () => {
    const page = '# Lipo-Dissolve Mesotherapy\n\nIn the hands of our licensed providers, lipo-dissolve is a safe, minimally invasive alternative to liposuction with no serious side effects.\n';
    expect(assertions(page, 'en')).toEqual(['safe', 'no-serious-side-effects']);
  });

  it('a treatment named otherwise still turns it', () => {
    const page = '# Mesotherapy\n\nWe also offer cryolipolysis, with no serious side effects.\n';
    expect(assertions(page, 'en')).toEqual([]);
    // (French: "lipolyse injectable" is another treatment, and "présentent comme" reports.)
    const fr = '# Mésothérapie\n\nLa lipolyse injectable utilise de la phosphatidylcholine. Ses promoteurs la présentent comme une alternative à la liposuccion qui « détruit définitivement les cellules graisseuses ».\n';
    expect(assertions(fr, 'fr')).toEqual([]);
  });
});

describe('structured pages', () => {
  it('a strength label set as a paragraph over a list, under a contraindications heading, leads the list in', () => {
    const page = '# Mesoterapia\n\n## 5. Contraindicaciones\n\n**Absolutas:**\n\n- Infección de la piel en la zona de punción.\n\n**Relativas** (se valorarán de forma individual):\n\n- Embarazo.\n- Cardiopatía grave descompensada.\n';
    const ci = claimsOf(page, 'es').filter((c) => c.kind === 'contraindication').map((c) => { const v = c.value as { condition: string; strength: string }; return `${v.condition} ${v.strength}`; });
    expect(ci).toEqual(['skin-infection absolute', 'pregnancy relative', 'heart-disease relative']);
  });

  it('a gauge times a figure is the needle’s length, whatever depth word follows', () => {
    expect(needles('Mesotherapie mit feinen Kanülen (30G × 4 mm bzw. 27G × 13 mm für tiefer liegende Sehnenansätze).', 'de')).toEqual(['gauge 30-30', 'length 4-4', 'gauge 27-27', 'length 13-13']);
  });

  it('a price table’s protocol column, with a rate, states the course; a promotion sells sessions', () => {
    const table = '| Mesotherapy | Single session | Course price | Our recommended protocol |\n|---|---|---|---|\n| Face | £180 | 3 sessions: £480 | 3–5 sessions, every 2 weeks |\n| Scalp | £160 | 6 sessions: £840 | 6 to 8 sessions: weekly |\n';
    expect(counts(table, 'en')).toEqual(['3-5', '6-8']);
    expect(counts('Mesotherapy offer: buy a course of 5 single sessions and get the 6th free.', 'en')).toEqual([]);
  });

  it('a table cell: a count with an aside, a depth under “≤”', () => {
    const table = '| Mesotherapy for | Sessions | Injection depth |\n|---|---|---|\n| Knee osteoarthritis | 6 (fixed course) | ≤ 6 mm |\n';
    expect(counts(table, 'en')).toEqual(['6-6']);
    expect(needles(table, 'en')).toEqual(['depth -6']);
  });

  it('a definition list’s “::” is a label’s colon', () => {
    expect(counts('## Mesoterapia antalgica\n\nSedute:: 8–10\n', 'it')).toEqual(['8-10']);
  });
});

describe('vocabulary', () => {
  it('Italian: a safety profile, oedema of the treated area, a little painful', () => {
    expect(assertions('La mesoterapia ha un ottimo profilo di sicurezza.', 'it')).toEqual(['safe']);
    const effects = valuesOf('Dopo la mesoterapia: edema della zona trattata; la seduta può risultare un po’ dolorosa.', 'it', 'adverse-effect').map((v) => (v as { effect: string }).effect);
    expect(effects).toEqual(['swelling', 'pain']);
  });

  it('English: advice before the appointment is no contraindication', () => {
    expect(conditionsOf('## Mesotherapy: good to know\n\n- Avoid alcohol and aspirin for 24 hours before your appointment.\n', 'en')).toEqual([]);
  });
});

describe('documents and second-batch rules (fresh71 to fresh75)', () => {
  it('exclusion criteria in a clinic’s protocol are its contraindications', () => {
    const page = '# Protocollo di mesoterapia tricologica\n\n### 2.2 Criteri di esclusione\na) gravidanza accertata o presunta, allattamento;\nb) anticoagulanti orali.\n';
    expect(conditionsOf(page, 'it')).toEqual(['pregnancy', 'breastfeeding', 'anticoagulant-therapy']);
  });

  it('a symbol font’s bullet a converter left in the private use area opens a list item', () => {
    const page = 'Mesotherapy.\n\nWe will not carry out the treatment if you:\n\uf0b7 are pregnant\n\uf0b7 take anticoagulant medicines such as warfarin\n';
    expect(conditionsOf(page, 'en')).toEqual(['pregnancy', 'anticoagulant-therapy']);
  });

  it('a line closed by a colon leads in the lines after it, a list whose marks were dropped', () => {
    const page = 'Mesotherapy.\n\nWe will not carry out the treatment if you:\n are pregnant, trying to conceive or breastfeeding\n have an active infection of the scalp\n';
    expect(conditionsOf(page, 'en')).toEqual(['pregnancy', 'breastfeeding', 'skin-infection']);
    // (Not a label's colon inside a line: "Price: 150 €" leads nothing in.)
    expect(conditionsOf('Mesotherapy.\n\nPrice:\n 150 € per session, pregnant women welcome to ask.\n', 'en')).toEqual([]);
  });

  it('“Myth:” then a statement sets out a myth; a bare “Myth.” after a statement is a verdict', () => {
    expect(assertions('# Mesotherapy\n\nMyth: mesotherapy flushes toxins out of the fat.\n', 'en')).toEqual([]);
    expect(assertions('# Mesotherapy\n\nMyth #2: mesotherapy flushes toxins out of the fat.\n', 'en')).toEqual([]);
  });

  it('a figure with a thousands separator is a thousand, and more than once a day is no rate of sessions', () => {
    const text = 'La mesoterapia cellulite è cercata oltre 9.900 volte al mese. Si fa 2 volte a settimana con aghi da 0,4 mm.';
    expect(valuesOf(text, 'it', 'sessions.frequency').map((v) => (v as { interval: string }).interval)).toEqual(['P0.5W']);
    expect(needles(text, 'it')).toEqual(['length 0.4-0.4']);
  });

  it('a figure that goes on from a length, a technique’s depth word further after it, is a length', () => {
    expect(needles('La mésothérapie, avec des aiguilles de 4 mm pour le visage et de 13 mm pour la mésothérapie antalgique profonde.', 'fr')).toEqual(['length 4-4', 'length 13-13']);
    expect(needles('Mesoterapia con agujas de 4 mm (o de 13 mm para la técnica profunda) y calibre 27 G.', 'es')).toEqual(['length 4-4', 'length 13-13', 'gauge 27-27']);
    // A depth word right after the figure still makes it a depth.
    expect(needles('Mesoterapia con aghi da 4 mm, inseriti a 2 mm di profondità.', 'it')).toEqual(['length 4-4', 'depth 2-2']);
  });

  it('French: bounds with an elided article, a weekly rate with a slash, “sans gravité”, a deferral, a sports certificate', () => {
    expect(needles('La mésothérapie se fait à moins d’1 mm de profondeur. Sur le corps, au minimum à 4 mm de profondeur.', 'fr')).toEqual(['depth -1', 'depth 4-']);
    expect(valuesOf('Mésothérapie : 6 à 10 séances, à raison d’1 séance/semaine.', 'fr', 'sessions.frequency').map((v) => (v as { interval: string }).interval)).toEqual(['P1W']);
    expect(assertions('La mésothérapie peut provoquer des rougeurs. Ces désagréments sont sans gravité.', 'fr')).toEqual(['no-serious-side-effects']);
    expect(conditionsOf('La mésothérapie du visage : je la reporte en cas de toute infection cutanée sur la zone à traiter.', 'fr')).toEqual(['skin-infection']);
    expect(assertions('Mésothérapie : 35 € · Certificat de non contre-indication au sport : 25 €', 'fr')).toEqual([]);
    expect(counts('Mésothérapie antalgique : 40 EUR la séance.', 'fr')).toEqual([]);
  });

  it('Dutch: a refusal with “niet” before the conditions, a depth “into the skin”', () => {
    expect(conditionsOf('Mesotherapie. Ik behandel je niet als je zwanger bent of borstvoeding geeft.', 'nl')).toEqual(['pregnancy', 'breastfeeding']);
    expect(conditionsOf('Mesotherapie kan helaas niet als je zwanger bent.', 'nl')).toEqual(['pregnancy']);
    expect(needles('Mesotherapie: de naald gaat 1 tot 4 millimeter de huid in.', 'nl')).toEqual(['depth 1-4']);
  });

  it('other treatments: steroid injections, cavitation, fillers, palper-rouler', () => {
    expect(counts('# Mesoterapia\n\nPer l’alopecia areata: infiltrazioni di triamcinolone ogni 4–6 settimane, 3 sedute.\n', 'it')).toEqual([]);
    expect(assertions('# Mesoterapia capilar\n\n🔹 Cavitación: elimina la grasa localizada en solo 5 sesiones\n', 'es')).toEqual([]);
    expect(effectsOf('# Mésothérapie\n\nLe comblement par acide hyaluronique réticulé donne plus souvent des hématomes.\n', 'fr')).toEqual([]);
  });

  it('Italian: a maximum depth, French and Portuguese “goodbye to fat”', () => {
    expect(needles('Il medico inietta la mesoterapia a una profondità massima di 6 mm.', 'it')).toEqual(['depth -6']);
    expect(assertions('Mésothérapie : dites adieu à la graisse localisée !', 'fr')).toEqual(['fat-removal']);
    expect(assertions('Mesoterapia corporal: adeus à gordura localizada!', 'pt')).toEqual(['fat-removal']);
  });
});
