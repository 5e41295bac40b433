import type { Rule, RuleMeta } from '../rule.js';
import { claimFinding } from '../rule.js';
import { attributeOf, conceptOf } from '../format-value.js';

const meta: RuleMeta = {
  id: 'unsupported-claim',
  description: 'A safety or efficacy assertion that the evidence does not support and advertising rules forbid.',
  defaultSeverity: 'error',
  docs: 'Assertions such as "no side effects", "painless", "eliminates toxins" or "stimulates the immune system" are contradicted by the documented adverse events or have no supporting evidence; Directive 2001/83/EC art. 90(b) and D.Lgs. 219/2006 art. 117 forbid suggesting that effects are guaranteed or free of adverse reactions. Replace the sentence with the suggested wording.',
};

export const unsupportedClaim: Rule = {
  meta,
  scope: 'claim',
  check(item, ctx) {
    const { claim, judgement } = item;
    if (judgement.verdict !== 'contradicted' || (claim.kind !== 'safety' && claim.kind !== 'efficacy')) return undefined;
    const severity = ctx.severity(meta, judgement.fact);
    if (!severity) return undefined;
    const label = ctx.ref.concepts.get(conceptOf(claim))?.label.en ?? conceptOf(claim);
    return claimFinding(meta, severity, item, ctx, `Unsupported ${claim.kind} claim "${label}": the evidence does not support it`, attributeOf(claim));
  },
};
