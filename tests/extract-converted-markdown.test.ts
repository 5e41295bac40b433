/**
 * Markdown as converters write it (html2text, markdownify, pandoc): escaped list numbers, backslash
 * escapes inside figures, pandoc's "--" and "\ ", and tables whose rows open with a label.
 */
import { describe, expect, it } from 'vitest';
import { claimsOf, conditionsOf, valuesOf } from './helpers/engine.js';

describe('escaped and converted marks', () => {
  it('reads a numbered list a converter escaped into a paragraph as the list its lead-in introduces', () => {
    const text = '**Gegenanzeigen**\n\nWir behandeln nicht bei:\n\n1\\. Schwangerschaft und Stillzeit  \n2\\. Einnahme von [Blutverdünnern](https://example.org/b) (z. B. Marcumar)  \n3\\. Blutgerinnungsstörungen  \n4\\. Hautinfektionen im Behandlungsgebiet\n';
    expect(conditionsOf(text, 'de')).toEqual(['pregnancy', 'breastfeeding', 'anticoagulant-therapy', 'coagulation-disorder', 'skin-infection']);
  });

  it.each([
    ['it', 'Servono 3\\-5 sedute.', { min: 3, max: 5 }],
    ['en', 'A course is 3--5 sessions.', { min: 3, max: 5 }],
    ['en', '**Sessions:** 3 \\- 5', { min: 3, max: 5 }],
  ])('%s: %s', (lang, text, count) => expect(valuesOf(text, lang, 'sessions.count')).toEqual([{ ...count, approximate: false }]));

  it('reads pandoc\'s "\\ " as a space and keeps the file\'s characters in the claim', () => {
    const needle = claimsOf('The needles are 4\\ mm long.', 'en').find((c) => c.kind === 'needle');
    expect(needle?.value).toMatchObject({ aspect: 'length', min: 4, max: 4 });
    expect(needle?.text).toBe('4\\ mm');
  });

  it('counts no sessions in a figure grouped in thousands', () => {
    expect(valuesOf('We have done more than 2,000 treatments. A course is 4 sessions.', 'en', 'sessions.count')).toEqual([{ min: 4, max: 4, approximate: false }]);
  });
});

describe('tables whose rows open with a label', () => {
  it('reads each value of a three-column row after its label', () => {
    const text = '| | Rosto | Papada |\n| --- | --- | --- |\n| N.º de sessões | 4 | 6 a 8 |\n| Intervalo | 15 dias | semanal |\n';
    expect(valuesOf(text, 'pt', 'sessions.count')).toEqual([
      { min: 4, max: 4, approximate: false },
      { min: 6, max: 8, approximate: false },
    ]);
    expect(valuesOf(text, 'pt', 'sessions.frequency').map((v) => (v as { interval: string }).interval)).toEqual(['P15D', 'P1W']);
  });

  it('does not read a row opened by a figure as labelled', () => {
    expect(valuesOf('| Pacchetto | Prezzo | Note |\n|---|---|---|\n| 3 | 240 € | in 6 mesi |\n', 'it', 'sessions.count')).toEqual([]);
  });

  it.each([
    ['it', 'Frequenza: 2 a settimana, poi ogni 10 giorni.', ['P0.5W', 'P10D']],
    ['en', 'Time between sessions: 2 weeks.', ['P2W']],
    ['fr', 'Intervalle entre les séances : 15 jours.', ['P15D']],
  ])('%s: %s', (lang, text, intervals) => expect(valuesOf(text, lang, 'sessions.frequency').map((v) => (v as { interval: string }).interval)).toEqual(intervals));
});
