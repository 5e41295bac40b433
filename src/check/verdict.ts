import type { Claim, CountValue, FrequencyValue, NeedleValue, Verdict } from '../types.js';
import { factKey, type Fact, type Reference } from '../reference/load.js';
import { attributeOf, conceptOf } from './format-value.js';

export interface Judgement {
  verdict: Verdict;
  fact?: Fact;
}

const NUMERIC = new Set(['needle', 'sessions.count']);

/** What the reference says of one claim: supported, contradicted, or nothing (unverified). */
export function judge(claim: Claim, ref: Reference): Judgement {
  if (NUMERIC.has(claim.kind)) {
    const fact = ref.facts.get(attributeOf(claim));
    if (!fact) return { verdict: 'unverified' };
    const v = claim.value as NeedleValue | CountValue;
    const ends = [v.min, v.max].filter((n): n is number => n !== null);
    const tol = fact.tolerance ?? 0;
    const accepted = (n: number) =>
      (fact.values ?? []).some((x) => typeof x === 'number' && Math.abs(x - n) <= tol) ||
      (fact.range !== undefined && n >= fact.range.min - tol && n <= fact.range.max + tol);
    return { verdict: ends.length > 0 && ends.every(accepted) ? 'supported' : (fact.outside ?? 'unverified'), fact };
  }
  if (claim.kind === 'sessions.frequency') {
    const fact = ref.facts.get('sessions.frequency');
    if (!fact) return { verdict: 'unverified' };
    const v = claim.value as FrequencyValue;
    const ok = (fact.values ?? []).includes(v.interval) && (v.intervalMax === undefined || (fact.values ?? []).includes(v.intervalMax));
    return { verdict: ok ? 'supported' : (fact.outside ?? 'unverified'), fact };
  }
  const fact = ref.facts.get(factKey(claim.kind, conceptOf(claim)));
  if (!fact) return { verdict: 'unverified' };
  return { verdict: fact.verdict ?? 'unverified', fact };
}
