/**
 * FAQ sections, structured pages (price tables with a protocol column, definition lists, strength
 * labels over lists) and a few negations. Each rule came from a blind gold set (tests/gold-fresh66
 * to fresh70) and is general: the words it reads are vocabulary (vocab/*.yaml negation.privative,
 * context.alternativeTo, negation.answer, quantity bounds) or reference terms.
 */
import { describe, expect, it } from 'vitest';
import { claimsOf, conditionsOf, valuesOf } from './helpers/engine.js';

const read = (text: string, lang: string) => claimsOf(text, lang).map((c) => `${c.kind} ${c.text}`);
const counts = (text: string, lang: string) => valuesOf(text, lang, 'sessions.count').map((v) => { const c = v as { min: number | null; max: number | null }; return `${c.min ?? ''}-${c.max ?? ''}`; });
const assertions = (text: string, lang: string) => claimsOf(text, lang).filter((c) => c.kind === 'safety' || c.kind === 'efficacy').map((c) => (c.value as { assertion: string }).assertion);
const needles = (text: string, lang: string) => valuesOf(text, lang, 'needle').map((v) => { const n = v as { aspect: string; min: number | null; max: number | null }; return `${n.aspect} ${n.min ?? ''}-${n.max ?? ''}`; });

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
