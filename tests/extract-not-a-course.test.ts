/** Numbers next to the session word that do not state how many sessions a course has. */
import { describe, expect, it } from 'vitest';
import { claimsOf } from './helpers/engine.js';

const counts = (text: string, lang: string) => claimsOf(text, lang).filter((c) => c.kind === 'sessions.count').map((c) => c.value as { min: number | null; max: number | null });

describe('a number per session counts something else', () => {
  it.each([
    ['it', 'Sono previsti 30 minuti per seduta.'],
    ['it', 'Si fanno 20 iniezioni a seduta.'],
    ['en', 'It takes 30 minutes per session.'],
    ['en', 'We give 20 injections in each session.'],
    ['fr', 'Compter 30 minutes par séance.'],
    ['es', 'Son 30 minutos por sesión.'],
    ['de', 'Rechnen Sie mit 30 Minuten pro Sitzung.'],
    ['pt', 'São 20 picadas por sessão.'],
  ])('%s: %s', (lang, text) => expect(counts(text, lang)).toEqual([]));
});

describe('"between two sessions" is the gap between them', () => {
  it.each([
    ['it', 'Tra due sedute passa una settimana.'],
    ['en', 'Wait a week between two sessions.'],
    ['fr', 'Une semaine entre deux séances.'],
    ['es', 'Una semana entre dos sesiones.'],
    ['de', 'Eine Woche zwischen zwei Sitzungen.'],
    ['pt', 'Uma semana entre duas sessões.'],
  ])('%s: %s', (lang, text) => expect(counts(text, lang)).toEqual([]));
});

describe('a count followed by a colon is not a label', () => {
  it('reads "10 sedute: 2 sedute a settimana" as 10 sessions at two a week, not 2 sessions', () => {
    expect(counts('Il protocollo completo prevede 10 sedute: 2 sedute a settimana per le prime tre settimane.', 'it')).toEqual([{ min: 10, max: 10, approximate: false }]);
  });
});

describe('a course is still read', () => {
  it.each([
    ['it', 'Sedute: 6–8', [{ min: 6, max: 8 }]],
    ['fr', 'Séances : 3 à 5', [{ min: 3, max: 5 }]],
    ['it', 'Servono 20 minuti a seduta e 6 sedute in totale.', [{ min: 6, max: 6 }]],
    ['it', 'Di solito tra 4 e 6 sedute.', [{ min: 4, max: 6 }]],
    ['it', 'Un ciclo da 8 sedute.', [{ min: 8, max: 8 }]],
    ['en', 'Between 4 and 6 sessions are usually needed.', [{ min: 4, max: 6 }]],
    ['fr', 'Une cure de 6 séances.', [{ min: 6, max: 6 }]],
    ['de', 'Zwischen 4 und 6 Sitzungen sind nötig.', [{ min: 4, max: 6 }]],
    ['pt', 'São necessárias entre 4 e 6 sessões.', [{ min: 4, max: 6 }]],
  ])('%s: %s', (lang, text, expected) => expect(counts(text as string, lang as string)).toMatchObject(expected as object[]));
});

describe('a price table sells packages', () => {
  it.each([
    ['en', '| Package | Price |\n|---|---|\n| Single area – 1 session | £95 |\n| Course of 6 sessions | £480 |\n'],
    ['es', '| Paquete | Precio |\n|---|---|\n| 1 sesión | $1,150 |\n| Paquete 5 sesiones | $4,990 |\n'],
    ['it', '| Trattamento | |\n|---|---|\n| Singola seduta di mesoterapia | 55 € |\n| Ciclo di 6 sedute | 300 € |\n'],
  ])('%s: a row with a price in another cell states no course', (lang, text) => expect(counts(text, lang)).toEqual([]));

  it('a protocol table without prices still does', () => {
    expect(counts('| Indication | Sessions |\n|---|---|\n| Tendinitis | 4 sessions |\n', 'en')).toEqual([{ min: 4, max: 4, approximate: false }]);
  });
});

describe('sessions counted from the start of a course are a point in it', () => {
  it.each([
    ['en', 'We review every patient after the first two or three sessions and adjust.'],
    ['en', 'An anti-inflammatory only in the first two sessions.'],
    ['it', 'Il medico rivaluterà l’indicazione dopo le prime 3 sedute.'],
  ])('%s: %s', (lang, text) => expect(counts(text, lang)).toEqual([]));
});
