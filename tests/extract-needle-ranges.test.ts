/** Needle figures joined by a range word are one range, whichever side carries the unit. */
import { describe, expect, it } from 'vitest';
import { claimsOf } from './helpers/engine.js';
import type { NeedleValue } from '../src/types.js';

const needles = (text: string, lang: string) => claimsOf(text, lang).filter((c) => c.kind === 'needle').map((c) => ({ ...(c.value as NeedleValue), text: c.text }));

describe('needle ranges', () => {
  it.each([
    ['it', 'Usiamo aghi da 4 mm o 6 mm.', 'length', 4, 6],
    ['en', 'We use 4 mm or 6 mm needles.', 'length', 4, 6],
    ['en', 'Needles of 30G or 32G.', 'gauge', 30, 32],
    ['en', 'Needles of 27 to 32 G.', 'gauge', 27, 32],
    ['pt', 'Utilizamos agulhas 30G ou 32G.', 'gauge', 30, 32],
    ['pt', 'Agulhas de 27 a 32 G.', 'gauge', 27, 32],
    ['de', 'Nadeln von 27 bis 32 G.', 'gauge', 27, 32],
    ['fr', 'Aiguilles 27–32G.', 'gauge', 27, 32],
    ['pt', 'Usamos agulhas de calibre 30G ou 32G.', 'gauge', 30, 32],
  ])('%s: %s', (lang, text, aspect, min, max) => {
    expect(needles(text as string, lang as string)).toEqual([expect.objectContaining({ aspect, min, max })]);
  });

  it('keeps figures apart when anything but a range word stands between them', () => {
    expect(needles('Aghi da 4 mm (27G) e da 13 mm (30G).', 'it').map((n) => [n.aspect, n.min, n.max])).toEqual([
      ['length', 4, 4],
      ['gauge', 27, 27],
      ['length', 13, 13],
      ['gauge', 30, 30],
    ]);
    expect(needles('Needles of 6 mm or 4 mm.', 'en').map((n) => [n.min, n.max])).toEqual([
      [6, 6],
      [4, 4],
    ]);
  });
});
