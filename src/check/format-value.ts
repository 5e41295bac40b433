import type { Fact } from '../reference/load.js';
import type { Claim, NeedleValue, CountValue, FrequencyValue, ContraindicationValue, AdverseEffectValue, AssertionValue, ConceptValue } from '../types.js';

/** The attribute a claim speaks about: what cross-source comparison groups by. */
export function attributeOf(claim: Claim): string {
  const v = claim.value as unknown as Record<string, unknown>;
  switch (claim.kind) {
    case 'needle':
      return `needle.${(v as unknown as NeedleValue).aspect}`;
    case 'sessions.count':
      return 'sessions.count';
    case 'sessions.frequency':
      return (v as unknown as FrequencyValue).phase === 'maintenance' ? 'sessions.frequency.maintenance' : 'sessions.frequency';
    default:
      return `${claim.kind}:${conceptOf(claim)}`;
  }
}

/**
 * The kind of the claims an attribute is of: attributeOf's inverse for the kind ("needle.depth" →
 * needle, "sessions.frequency.maintenance" → sessions.frequency, "contraindication:pregnancy" →
 * contraindication). A corpus finding is about one attribute, so this is its claims' kind without
 * keeping every claim's (what its fingerprint reads).
 */
export function kindOfAttribute(attribute: string): string {
  if (attribute.startsWith('needle.')) return 'needle';
  if (attribute.startsWith('sessions.frequency')) return 'sessions.frequency';
  if (attribute === 'sessions.count') return attribute;
  const colon = attribute.indexOf(':');
  return colon < 0 ? attribute : attribute.slice(0, colon);
}

/** The concept id a concept-valued claim names. */
export function conceptOf(claim: Claim): string {
  const v = claim.value as ContraindicationValue & AdverseEffectValue & AssertionValue & ConceptValue;
  return v.condition ?? v.effect ?? v.assertion ?? v.concept;
}

function range(min: number | null, max: number | null, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  if (min === null && max === null) return '?';
  if (min === null) return `≤ ${max}${u}`;
  if (max === null) return `≥ ${min}${u}`;
  return min === max ? `${min}${u}` : `${min}–${max}${u}`;
}

const UNIT = { D: 'day', W: 'week', M: 'month', Y: 'year' } as const;
const INTERVAL_WORDS: Record<string, string> = { P1W: 'weekly', P2W: 'every 2 weeks', P1M: 'monthly' };

export function formatInterval(iso: string): string {
  // 'every 1 days' reads as a slip: one of a unit is the unit alone ('every day'); a fraction of
  // one is a rate ('P0.5M': 'twice a month', 'P0.33W': '3 times a week').
  return (
    INTERVAL_WORDS[iso] ??
    iso.replace(/^P(\d+(?:\.\d+)?)([DWMY])$/, (_, n: string, u: 'D' | 'W' | 'M' | 'Y') => {
      const times = Number(n) < 1 ? Math.round(1 / Number(n)) : 0;
      if (times >= 2) return `${times === 2 ? 'twice' : `${times} times`} a ${UNIT[u]}`;
      return n === '1' ? `every ${UNIT[u]}` : `every ${n} ${UNIT[u]}s`;
    })
  );
}

/** A short, human reading of a claim's value ("6 mm", "3–5 sessions", "weekly"). */
export function formatValue(claim: Claim): string {
  switch (claim.kind) {
    case 'needle': {
      const v = claim.value as NeedleValue;
      return `${v.approximate ? '≈' : ''}${range(v.min, v.max, v.unit)}`;
    }
    case 'sessions.count': {
      const v = claim.value as CountValue;
      // '≥ 1 session', '1 session', but '1–2 sessions'.
      return `${range(v.min, v.max)} ${(v.min ?? v.max) === 1 && (v.max ?? v.min) === 1 ? 'session' : 'sessions'}`;
    }
    case 'sessions.frequency': {
      const v = claim.value as FrequencyValue;
      return v.intervalMax ? `${formatInterval(v.interval)} to ${formatInterval(v.intervalMax)}` : formatInterval(v.interval);
    }
    case 'contraindication': {
      const v = claim.value as ContraindicationValue;
      return v.strength === 'unspecified' ? v.condition : `${v.condition} (${v.strength})`;
    }
    default:
      return conceptOf(claim);
  }
}

export const ATTRIBUTE_LABELS: Record<string, string> = {
  'needle.length': 'Needle length',
  'needle.depth': 'Injection depth',
  'needle.gauge': 'Needle gauge',
  'sessions.count': 'Number of sessions',
  'sessions.frequency': 'Session frequency',
  'sessions.frequency.maintenance': 'Maintenance frequency',
};

/** What the reference holds, in a few words ("4 mm or 13 mm", "not supported"). */
export function referenceCell(fact: Fact | undefined, unit = ''): string {
  if (!fact) return '—';
  if (fact.position) return fact.position;
  if (fact.values || fact.range) {
    const parts: string[] = [];
    if (fact.values) parts.push(fact.values.map((v) => (typeof v === 'string' ? formatInterval(v) : `${v}${unit ? ` ${unit}` : ''}`)).join(' or '));
    if (fact.range) parts.push(`${fact.range.min}–${fact.range.max}${unit ? ` ${unit}` : ''}`);
    return parts.join('; ');
  }
  return { supported: 'documented', contradicted: 'not supported', unverified: 'unverified' }[fact.verdict ?? 'unverified'];
}

