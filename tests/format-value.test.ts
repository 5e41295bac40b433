/** The short readings of claim values that messages and tables show ("3–5 sessions", "every 10 days"). */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { attributeOf, formatInterval, formatValue, kindOfAttribute } from '../src/check/format-value.js';
import { processSource } from '../src/pipeline.js';
import { getEngine, ROOT } from './helpers/engine.js';
import type { Claim } from '../src/types.js';

const count = (min: number | null, max: number | null) => formatValue({ kind: 'sessions.count', value: { min, max } } as unknown as Claim);

describe('formatValue and formatInterval', () => {
  it.each([
    [3, 5, '3–5 sessions'],
    [6, 6, '6 sessions'],
    [1, 1, '1 session'],
    [1, null, '≥ 1 session'],
    [null, 1, '≤ 1 session'],
    [1, 2, '1–2 sessions'],
    [3, null, '≥ 3 sessions'],
  ])('count %s–%s reads "%s"', (min, max, text) => expect(count(min, max)).toBe(text));

  it.each([
    ['P1W', 'weekly'],
    ['P10D', 'every 10 days'],
    ['P1D', 'every day'],
    ['P3M', 'every 3 months'],
    ['P1Y', 'every year'],
    ['P0.5W', 'twice a week'],
    ['P0.5M', 'twice a month'],
    ['P0.33W', '3 times a week'],
    ['P0.5Y', 'twice a year'],
  ])('%s reads "%s"', (iso, text) => expect(formatInterval(iso)).toBe(text));
});

describe('kindOfAttribute', () => {
  // The gate fingerprints a corpus finding with the kind its attribute gives: it must be the kind
  // of every claim of that attribute, or a baseline's fingerprints would change.
  it("gives back the kind of every claim of the seed pages from the claim's attribute", () => {
    const dir = join(ROOT, 'sources');
    const claims = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) => processSource(join(dir, f), getEngine()).claims);
    expect(new Set(claims.map((c) => c.kind)).size).toBeGreaterThanOrEqual(8);
    for (const c of claims) expect(kindOfAttribute(attributeOf(c)), attributeOf(c)).toBe(c.kind);
  });

  it.each([
    ['needle.depth', 'needle'],
    ['sessions.count', 'sessions.count'],
    ['sessions.frequency.maintenance', 'sessions.frequency'],
    ['contraindication:pregnancy', 'contraindication'],
    ['adverse-effect:bruising', 'adverse-effect'],
  ])('%s is of %s claims', (attribute, kind) => expect(kindOfAttribute(attribute)).toBe(kind));
});
