import type { Claim, EvidenceRef, Finding, Severity } from '../types.js';
import type { Fact, Reference } from '../reference/load.js';
import type { Judgement } from './verdict.js';
import { contentId } from '../util/hash.js';

export interface RuleMeta {
  id: string;
  /** One line: what the rule reports. */
  description: string;
  defaultSeverity: Severity;
  /** What a writer or editor should know and do (shown in SARIF help and the README). */
  docs: string;
}

export interface JudgedClaim {
  claim: Claim;
  judgement: Judgement;
}

export interface RuleContext {
  ref: Reference;
  /** Severity for this rule (config, then the fact's own, then the rule default); undefined = off. */
  severity(rule: RuleMeta, fact?: Fact): Severity | undefined;
  /**
   * Whether findings are wanted for this source id (--changed-since reports only the changed
   * sources). Corpus rules still read every source, so a finding is the same with or without a
   * scope; undefined = every source.
   */
  inScope?(source: string): boolean;
}

/** A rule looks at one judged claim at a time, or at all claims of the corpus. */
export type Rule =
  | { meta: RuleMeta; scope: 'claim'; check(item: JudgedClaim, ctx: RuleContext): Finding | undefined }
  | {
      meta: RuleMeta;
      scope: 'corpus';
      /** The findings, made one by one (a generator): a large corpus's are held packed as they come, not all as objects at once. */
      check(items: JudgedClaim[], ctx: RuleContext): Iterable<Finding>;
      /**
       * The claims of a page this rule reads when it compares pages. A run that reports only some
       * pages (--changed-since) loads just these of the others (their corpus view, src/run/cache.ts).
       */
      reads(claim: Claim): boolean;
    };

// One list per fact, shared (frozen) by all its findings: a list of its own per finding was
// about a tenth of the heap of a 10,000-page run.
const evidenceLists = new WeakMap<Reference, WeakMap<Fact, EvidenceRef[]>>();

export function evidenceOf(ref: Reference, fact: Fact | undefined): EvidenceRef[] {
  if (!fact) return [];
  let byFact = evidenceLists.get(ref);
  if (!byFact) evidenceLists.set(ref, (byFact = new WeakMap()));
  let list = byFact.get(fact);
  if (!list) byFact.set(fact, (list = Object.freeze(buildEvidence(ref, fact)) as EvidenceRef[]));
  return list;
}

function buildEvidence(ref: Reference, fact: Fact): EvidenceRef[] {
  return (fact.evidence ?? []).flatMap((id) => {
    const e = ref.evidence.get(id);
    if (!e) return [];
    const out: EvidenceRef = { id: e.id, citation: e.citation, kind: e.kind, status: e.status };
    if (e.doi) out.doi = e.doi;
    if (e.pmid) out.pmid = e.pmid;
    if (e.url) out.url = e.url;
    return [Object.freeze(out)];
  });
}

/** Text in the page's language, falling back to English. */
export function localized(texts: Record<string, string> | undefined, language: string): string | undefined {
  return texts?.[language] ?? texts?.en;
}

export function claimFinding(
  rule: RuleMeta,
  severity: Severity,
  { claim, judgement }: JudgedClaim,
  ctx: RuleContext,
  message: string,
  attribute: string,
): Finding {
  const fact = judgement.fact;
  const finding: Finding = {
    id: contentId('f', rule.id, claim.id),
    rule: rule.id,
    severity,
    verdict: judgement.verdict,
    source: claim.source,
    path: claim.path,
    position: claim.position,
    text: claim.text,
    claims: [claim.id],
    attribute,
    message,
    evidence: evidenceOf(ctx.ref, fact),
  };
  const expected = localized(fact?.statement, 'en');
  if (expected) finding.expected = expected;
  const suggestion = localized(fact?.suggestion, claim.language);
  if (suggestion) finding.suggestion = suggestion;
  return finding;
}
