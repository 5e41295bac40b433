import type { Finding, Severity } from '../types.js';
import type { Reference } from '../reference/load.js';
import type { JudgedClaim, RuleContext } from './rule.js';
import type { Claim } from '../types.js';
import { RULES } from './rules/index.js';
import { LazyList } from '../report/json-chunks.js';
import { judge, type Judgement } from './verdict.js';

export type SeverityConfig = Record<string, Severity | 'off'>;

/**
 * Every claim with its verdict. With `eager`, only the claims it accepts are judged now; the
 * others (read by corpus rules for their values, rarely for their verdict) when first asked.
 */
export function judgeAll(claims: Claim[], ref: Reference, eager?: (claim: Claim) => boolean): JudgedClaim[] {
  if (!eager) return claims.map((claim) => ({ claim, judgement: judge(claim, ref) }));
  return claims.map((claim) => {
    if (eager(claim)) return { claim, judgement: judge(claim, ref) };
    let judgement: Judgement | undefined;
    return {
      claim,
      get judgement() {
        return (judgement ??= judge(claim, ref));
      },
    };
  });
}

/**
 * Runs every rule over the judged claims of all sources. With `inScope`, only findings about
 * those sources are made (each the same as in a run without it: corpus rules still compare every
 * source) — re-checking a changed page of a large corpus does not build the corpus's findings.
 */
export function runRules(items: JudgedClaim[], ref: Reference, severities: SeverityConfig = {}, inScope?: (source: string) => boolean): Finding[] {
  const findings = runClaimRules(items, ref, severities, inScope);
  for (const f of runCorpusRules(items, ref, severities, inScope)) findings.push(f);
  return findings;
}

function contextOf(ref: Reference, severities: SeverityConfig, inScope?: (source: string) => boolean): RuleContext {
  return {
    ref,
    inScope,
    severity(rule, fact) {
      const configured = severities[rule.id];
      if (configured === 'off') return undefined;
      return configured ?? fact?.severity ?? rule.defaultSeverity;
    },
  };
}

/** The rules that look at one claim at a time (a source's claims can go through them as soon as it is read). */
export function runClaimRules(items: JudgedClaim[], ref: Reference, severities: SeverityConfig = {}, inScope?: (source: string) => boolean): Finding[] {
  const ctx = contextOf(ref, severities, inScope);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (rule.scope !== 'claim') continue;
    for (const item of items) {
      if (inScope && !inScope(item.claim.source)) continue;
      const f = rule.check(item, ctx);
      if (f) findings.push(f);
    }
  }
  return findings;
}

/** The rules that compare sources: they need every source's corpus view. */
export function* runCorpusRules(items: JudgedClaim[], ref: Reference, severities: SeverityConfig = {}, inScope?: (source: string) => boolean): Generator<Finding> {
  const ctx = contextOf(ref, severities, inScope);
  for (const rule of RULES) if (rule.scope === 'corpus') yield* rule.check(items, ctx);
}

/** Whether some corpus rule reads this claim (what a page's corpus view keeps). */
export function readByCorpusRules(claim: Claim): boolean {
  return RULES.some((rule) => rule.scope === 'corpus' && rule.reads(claim));
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The one order every report prints findings in: by file, then place, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.position.start.offset - b.position.start.offset ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.id < b.id ? -1 : 1)
  );
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/**
 * Two lists in report order as one, without copying either (the first of a large corpus is read
 * from disk): the merged order is worked out in one pass, and items are read as they are asked for.
 * Equal items come from `a` first, as sortFindings([...a, ...b]) orders them.
 */
export function mergeFindings<T extends Finding>(a: readonly T[], b: readonly T[]): LazyList<T> {
  // i >= 0: a[i]; i < 0: b[-i - 1].
  const order = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  let head: T | undefined = a.length ? a[0] : undefined;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && compareFindings(head!, b[j]) <= 0)) {
      order[k++] = i++;
      head = i < a.length ? a[i] : undefined;
    } else order[k++] = -(j++) - 1;
  }
  return new LazyList(order.length, (n) => (order[n] >= 0 ? a[order[n]] : b[-order[n] - 1]));
}
