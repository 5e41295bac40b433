import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../src/report/json-chunks.js';
import { claimsOf } from './helpers/engine.js';

describe('jsonChunks', () => {
  it('is JSON.stringify(value, null, 2), byte for byte, in pieces', () => {
    const values: unknown[] = [
      { a: [], b: {}, c: [1, undefined, () => 1], d: undefined, e: 'x\ny', f: [[{ g: [1, [2, { h: 3 }]] }]], n: null, u: '\u2028é' },
      [],
      {},
      0,
      'text',
      [{}, [], [[[]]]],
      { claims: claimsOf('Usiamo aghi da 4 mm; 3-5 sedute settimanali. Non ha effetti collaterali.') },
    ];
    for (const v of values) {
      for (const depth of [0, 1, 3, 6]) expect([...jsonChunks(v, depth)].join('')).toBe(JSON.stringify(v, null, 2));
    }
  });

  it('yields array items separately, so no chunk holds the whole document', () => {
    const big = { items: Array.from({ length: 1000 }, (_, i) => ({ i, text: 'x'.repeat(100) })) };
    const chunks = [...jsonChunks(big)];
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(300);
  });
});
