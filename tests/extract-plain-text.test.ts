/**
 * Pages copied as plain text or posted on social media: glued units ("3-5sedute", "2x/week"),
 * abbreviations ("4-5 sess."), bullets that are not Markdown's ("·", "✓", "✔️"), a label line
 * before a list, and lines that are items of their own.
 */
import { describe, expect, it } from 'vitest';
import { claimsOf } from './helpers/engine.js';

const claims = (text: string, lang: string) => claimsOf(text, lang).map((c) => [c.kind, c.value, c.text]);
const kindsOf = (text: string, lang: string, kind: string) => claimsOf(text, lang).filter((c) => c.kind === kind).map((c) => c.value);

describe('glued units and abbreviations', () => {
  it.each([
    ['it', 'Ciclo 3-5sedute.', { min: 3, max: 5 }],
    ['pt', 'Fiz 10sessões.', { min: 10, max: 10 }],
    ['it', '4-5 sess. in media', { min: 4, max: 5 }],
    ['es', 'Protocolo: 4-6 ses. cada 15 días.', { min: 4, max: 6 }],
  ])('%s: %s', (lang, text, value) => expect(kindsOf(text, lang, 'sessions.count')).toEqual([expect.objectContaining(value)]));

  it.each([
    ['it', 'Poi 1volta/settimana.', 'P1W'],
    ['en', 'Sessions 2x/week for three weeks.', 'P0.5W'],
    ['es', 'Mantenimiento: 1 ses./mes', 'P1M'],
    ['de', 'Anfangs 1x pro Woche.', 'P1W'],
  ])('%s: %s', (lang, text, interval) => expect(kindsOf(text, lang, 'sessions.frequency')).toEqual([expect.objectContaining({ interval })]));

  it('counts no thousands or fractions of sessions', () => {
    expect(kindsOf('Dati interni 2021–2024, 1.312 sedute.', 'it', 'sessions.count')).toEqual([]);
  });
});

describe('lists without Markdown', () => {
  it('reads "·" and check-mark lines as items, led in by a label line', () => {
    const text = 'Também é normal a região ficar dolorida por 1 ou 2 dias.\nContraindicações\n· Gestantes e lactantes\n· Pacientes em uso de anticoagulantes\n✔️ Diabetes descompensada';
    expect(kindsOf(text, 'pt', 'contraindication').map((v) => (v as { condition: string }).condition)).toEqual(['pregnancy', 'breastfeeding', 'anticoagulant-therapy', 'diabetes']);
  });

  it('a question line is no label: the lines after it answer it, each read for itself', () => {
    const text = '- Il numero di sedute varia.\nESISTONO CONTROINDICAZIONI?\nLa tecnica è sconsigliata in gravidanza.\nPossono esserci reazioni allergiche ai farmaci e alle sostanze utilizzate.';
    expect(claims(text, 'it').map(([kind, value]) => [kind, Object.values(value as object)[0]])).toEqual([
      ['contraindication', 'pregnancy'],
      ['adverse-effect', 'allergic-reaction'],
    ]);
  });

  it('a line naming another treatment leaves the next line of the paragraph alone', () => {
    const text = '✅ Si abbina bene a fisioterapia e tecarterapia\n❌ Non indicata in gravidanza';
    expect(claims(text, 'it')).toEqual([['contraindication', { condition: 'pregnancy', strength: 'unspecified' }, 'gravidanza']]);
    // A sentence after it on the same line is still about the other treatment.
    expect(claims('La carbossiterapia si fa in 10 sedute. Sconsigliata in gravidanza.', 'it')).toEqual([]);
  });
});

describe('a table flattened into a line', () => {
  it('reads a label and its value across a run of spaces, and minutes as minutes', () => {
    const text = 'Procedure time  30 mins  Sessions  4-6  Downtime  None  Back to work  Same day';
    expect(kindsOf(text, 'en', 'sessions.count')).toEqual([expect.objectContaining({ min: 4, max: 6 })]);
  });
});

describe('bounds', () => {
  it('a bound word bounds the number right after it (an article between at most), not one further on', () => {
    expect(kindsOf('Een kuur van 4 tot 6 behandelingen, om de 2 weken.', 'nl', 'sessions.frequency')).toEqual([expect.objectContaining({ interval: 'P2W' })]);
    expect(kindsOf('Si arriva fino ai 4 mm di profondità.', 'it', 'needle')).toEqual([expect.objectContaining({ aspect: 'depth', min: null, max: 4 })]);
  });

  it('a bound that is a depth word makes the figure a depth', () => {
    expect(kindsOf('Delivered with an ultra-fine 32G needle no deeper than 2mm.', 'en', 'needle')).toEqual([
      expect.objectContaining({ aspect: 'gauge', min: 32 }),
      expect.objectContaining({ aspect: 'depth', min: null, max: 2 }),
    ]);
  });

  it('"hardly to be expected" denies', () => {
    expect(claimsOf('Schwerwiegende Nebenwirkungen sind kaum zu erwarten.', 'de').map((c) => (c.value as { assertion?: string }).assertion)).toEqual(['no-serious-side-effects']);
  });
});
