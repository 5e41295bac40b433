import { describe, expect, it } from 'vitest';
import { JsonMemo, jsonChunks, LazyList, stringifyWith } from '../src/report/json-chunks.js';
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
      for (const depth of [0, 1, 3, 6]) expect([...jsonChunks(v, { depth })].join('')).toBe(JSON.stringify(v, null, 2));
    }
  });

  it('yields array items separately, so no chunk holds the whole document', () => {
    const big = { items: Array.from({ length: 1000 }, (_, i) => ({ i, text: 'x'.repeat(100) })) };
    const chunks = [...jsonChunks(big)];
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(300);
  });

  it('with compact, writes each value below the indented levels on one line, and still parses to the same value', () => {
    const v = { a: { b: [{ c: 1, d: [2, 3] }, { e: 'x\ny' }] }, f: [] };
    const text = [...jsonChunks(v, { depth: 2, compact: true })].join('');
    expect(JSON.parse(text)).toEqual(v);
    expect(text).toBe('{\n  "a": {\n    "b": [{"c":1,"d":[2,3]},{"e":"x\\ny"}]\n  },\n  "f": []\n}');
  });

  it('writes a LazyList as the array it stands for, making each item only when it is written', () => {
    const made: number[] = [];
    const list = new LazyList(3, (i) => (made.push(i), { i }));
    const chunks = jsonChunks({ list }, { depth: 2, compact: true });
    expect(chunks.next().value).toBe('{\n');
    expect(made).toEqual([]);
    const text = ['{\n', ...chunks].join('');
    expect(made).toEqual([0, 1, 2]);
    expect(text).toBe(JSON.stringify({ list: [{ i: 0 }, { i: 1 }, { i: 2 }] }, null, 2).replace(/\{\n\s+"i": (\d)\n\s+\}/g, '{"i":$1}'));
    expect(JSON.stringify({ list })).toBe('{"list":[{"i":0},{"i":1},{"i":2}]}');
  });
});

describe('stringifyWith', () => {
  it('is JSON.stringify of the object, with the JSON of one value given', () => {
    const shared = { a: [1, 'x\n"y"'], b: null };
    const objects: Array<Record<string, unknown>> = [
      { k: shared },
      { k: shared, z: 1 },
      { a: 1, k: shared },
      { a: 'é', b: undefined, k: shared, c: [undefined], d: () => 1 },
      { a: undefined, k: shared, b: undefined },
      { 2: 'two', a: 1, k: shared, 1: 'one' },
    ];
    for (const o of objects) expect(stringifyWith(o, 'k', JSON.stringify(shared))).toBe(JSON.stringify(o));
  });
});

describe('JsonMemo', () => {
  it('makes the JSON of a value once, and past its limit still gives the JSON of each', () => {
    let made = 0;
    const memo = new JsonMemo<{ n: number }>(2);
    const values = [{ n: 1 }, { n: 2 }, { n: 3 }];
    const make = (v: { n: number }) => (made++, { twice: v.n * 2 });
    for (let round = 0; round < 3; round++) for (const v of values) expect(memo.json(v, make)).toBe(JSON.stringify({ twice: v.n * 2 }));
    // The first two made once each; the third, past the limit, at each of the three rounds.
    expect(made).toBe(5);
    expect(new JsonMemo().json(values[0])).toBe('{"n":1}');
  });
});
