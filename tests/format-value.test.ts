/** The short readings of claim values that messages and tables show ("3–5 sessions", "every 10 days"). */
import { describe, expect, it } from 'vitest';
import { formatInterval, formatValue } from '../src/check/format-value.js';
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
  ])('%s reads "%s"', (iso, text) => expect(formatInterval(iso)).toBe(text));
});
