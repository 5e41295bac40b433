import { describe, expect, it } from 'vitest';
import { deepFreeze, PackedValues } from '../src/util/packed.js';
import { lazyArray, lazyRecord, plainKeyOrder } from '../src/util/lazy.js';
import { prng } from '../bench/generate.js';

/** A random JSON-like value: every kind the packing tells apart, nested. */
function randomValue(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * (depth > 3 ? 7 : 9));
  const strings = ['', 'needle.length', 'é “quoted” ≈ 4 mm', '😀 emoji', 'f-0123456789ab', 'x'.repeat(70_000), '__proto__', '12'];
  switch (pick) {
    case 0:
      return Math.floor(random() * 1000);
    case 1:
      return [-1, -0, 0.5, 2 ** 29, 2 ** 29 - 1, 2 ** 40, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER][Math.floor(random() * 10)];
    case 2:
    case 3:
      return strings[Math.floor(random() * strings.length)] + (random() < 0.3 ? String(Math.floor(random() * 1e6)) : '');
    case 4:
      return [true, false, null, undefined][Math.floor(random() * 4)];
    case 5:
      return `id-${Math.floor(random() * 1e9).toString(16)}`;
    case 6:
      return random() < 0.5 ? [] : {};
    case 7:
      return Array.from({ length: Math.floor(random() * 5) }, () => randomValue(random, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (const k of ['id', 'b', '7', 'claims', '2', 'text'].filter(() => random() < 0.6)) o[k] = randomValue(random, depth + 1);
      return o;
    }
  }
}

describe('packed values', () => {
  it('give back every value as it was: same keys in the same order, numbers, strings, undefined and null', () => {
    const random = prng(3);
    const values = Array.from({ length: 5000 }, () => randomValue(random));
    const packed = new PackedValues<unknown>({ unique: ['id', 'claims'], sharedStrings: 50 });
    for (const v of values) packed.push(v);
    expect(packed.length).toBe(values.length);
    for (const i of [0, 4999, 17, 2500, 3, 4998]) expect(packed.get(i)).toStrictEqual(values[i]);
    for (let i = 0; i < values.length; i++) {
      const got = packed.get(i);
      expect(got).toStrictEqual(values[i]);
      expect(JSON.stringify(got)).toBe(JSON.stringify(values[i]));
      if (typeof got === 'object' && got !== null) expect(Object.keys(got)).toEqual(Object.keys(values[i] as object));
    }
    expect(Object.is(packed.get(values.findIndex((v) => Object.is(v, -0))), -0)).toBe(true);
    expect(() => packed.get(5000)).toThrow(RangeError);
  });

  it('make each value anew, but keep a frozen value once, as it is', () => {
    const evidence = deepFreeze([{ id: 'e1', citation: 'A study', position: { start: { line: 1 } } }]);
    expect(Object.isFrozen(evidence[0].position.start)).toBe(true);
    const packed = new PackedValues<{ evidence: typeof evidence; at: { line: number } }>();
    packed.push({ evidence, at: { line: 3 } });
    packed.push({ evidence, at: { line: 4 } });
    const [a, b] = [packed.get(0), packed.get(1)];
    expect(a.evidence).toBe(evidence);
    expect(b.evidence).toBe(evidence);
    expect(packed.get(0).at).not.toBe(a.at);
    expect(a.at).toEqual({ line: 3 });
  });

  it('keep the objects `keep` names as they are (a judgement\'s fact), the rest packed', () => {
    const fact = { id: 'needle.length', evidence: ['e1'] };
    const packed = new PackedValues<{ judgement: { verdict: string; fact: typeof fact } }>({ keep: (o) => o === fact });
    packed.push({ judgement: { verdict: 'supported', fact } });
    const got = packed.get(0);
    expect(got.judgement.fact).toBe(fact);
    expect(got.judgement).toEqual({ verdict: 'supported', fact });
    expect(Object.isFrozen(fact)).toBe(false);
  });

  it('keep a "__proto__" key as a key, not as the prototype', () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "a": 2}') as Record<string, unknown>;
    const packed = new PackedValues<unknown>();
    packed.push(value);
    const got = packed.get(0) as Record<string, unknown>;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(JSON.stringify(got)).toBe('{"__proto__":{"x":1},"a":2}');
  });

  it('give back a lone surrogate as it was, under a unique key or past the shared strings', () => {
    const packed = new PackedValues<{ id: string; text: string }>({ unique: ['id'], sharedStrings: 0 });
    const value = { id: 'f-\uD800x', text: 'quote \uDC00 end' };
    packed.push(value);
    expect(packed.get(0)).toEqual(value);
  });

  it('refuse what is not plain data', () => {
    const packed = new PackedValues<unknown>();
    expect(() => packed.push({ when: new Date(0) })).toThrow(TypeError);
    expect(() => packed.push({ f: () => 1 })).toThrow(TypeError);
    expect(() => packed.push(new Map())).toThrow(TypeError);
  });

  it('let go of the values read: those before the index are gone, those after still read back, across chunks', () => {
    const packed = new PackedValues<{ id: string; n: number; text: string }>({ unique: ['id'] });
    // Enough values for several chunks of tokens and of bytes.
    const n = 250_000;
    const valueOf = (i: number) => ({ id: `f-${i.toString(16).padStart(12, '0')}`, n: i, text: `quote ${i % 50}` });
    for (let i = 0; i < n; i++) packed.push(valueOf(i));
    for (const until of [0, 10, 50_000, 50_000, 210_000, n - 1]) {
      packed.releaseBefore(until);
      if (until > 0) expect(() => packed.get(until - 1)).toThrow(RangeError);
      for (const i of [until, Math.min(n - 1, until + 1), n - 1]) expect(packed.get(i)).toEqual(valueOf(i));
    }
    packed.releaseBefore(n);
    expect(() => packed.get(n - 1)).toThrow(RangeError);
    // Values packed after everything was let go of read back too.
    const at = packed.push(valueOf(7));
    expect(packed.get(at)).toEqual(valueOf(7));
  });
});

describe('lazy records', () => {
  it('read like the plain object they stand for: keys in its order, entries, values; read-only', () => {
    const plain: Record<string, { v: number }> = { b: { v: 1 }, 10: { v: 2 }, a: { v: 3 }, 2: { v: 4 } };
    // Given in insertion order: a plain object still lists integer keys first.
    const inserted = ['b', '10', 'a', '2'];
    const values: Record<string, { v: number }> = { b: { v: 1 }, 10: { v: 2 }, a: { v: 3 }, 2: { v: 4 } };
    const record = lazyRecord(
      () => plainKeyOrder(inserted),
      (k) => (Object.hasOwn(values, k) ? { ...values[k] } : undefined),
    );
    expect(Object.keys(record)).toEqual(Object.keys(plain));
    expect(Object.entries(record)).toEqual(Object.entries(plain));
    expect(Object.values(record)).toEqual(Object.values(plain));
    expect(record.a).toEqual({ v: 3 });
    expect(record.constructor).toBeUndefined();
    expect(record.missing?.v).toBeUndefined();
    expect('a' in record).toBe(true);
    expect('missing' in record).toBe(false);
    expect(JSON.stringify(record)).toBe(JSON.stringify(plain));
    expect(() => {
      record.c = { v: 5 };
    }).toThrow(TypeError);
    expect(plainKeyOrder(['x', '4294967295', '7', '01', '3'])).toEqual(['3', '7', 'x', '4294967295', '01']);
    expect(lazyArray(3, (i) => i * 2).map((x) => x + 1)).toEqual([1, 3, 5]);
  });
});

describe('the consensus table, held packed', () => {
  it('gives each page one cell per attribute even when its claims do not come together', async () => {
    const { runCheck } = await import('../src/pipeline.js');
    const { consensusRows } = await import('../src/report/consensus.js');
    const { REFERENCE, ROOT } = await import('./helpers/engine.js');
    const { report, engine } = runCheck({ paths: [`${ROOT}sources`], referencePath: REFERENCE });
    const rows = consensusRows(report, engine.reference);
    // The same claims, each page's split in two halves far apart.
    const claims = [...report.claims];
    const half = claims.filter((_, i) => i % 2 === 0);
    const shuffled = { ...report, claims: [...half, ...claims.filter((_, i) => i % 2 === 1)] };
    const again = consensusRows(shuffled, engine.reference);
    expect(again.map((r) => r.attribute)).toEqual(rows.map((r) => r.attribute));
    for (const [i, row] of rows.entries()) {
      expect(Object.keys(again[i].cells).sort()).toEqual(Object.keys(row.cells).sort());
      for (const id of Object.keys(row.cells)) expect(new Set(again[i].cells[id].values.map((v) => v.value))).toEqual(new Set(row.cells[id].values.map((v) => v.value)));
      expect(again[i].disagreement).toBe(row.disagreement);
    }
    expect(rows.some((r) => Object.keys(r.cells).length > 1)).toBe(true);
  });
});
