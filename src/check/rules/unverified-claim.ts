import type { Rule, RuleMeta } from '../rule.js';
import { claimFinding } from '../rule.js';
import { ATTRIBUTE_LABELS, attributeOf, conceptOf, formatValue } from '../format-value.js';

const meta: RuleMeta = {
  id: 'unverified-claim',
  description: 'A claim the reference cannot confirm: it holds nothing on it, or only unverified evidence.',
  defaultSeverity: 'info',
  docs: 'The reference has no verified evidence for this claim. It may be true; an editor should check it against a primary source, or soften the wording. Adding a fact with evidence to the reference turns this into a verdict.',
};

export const unverifiedClaim: Rule = {
  meta,
  scope: 'claim',
  check(item, ctx) {
    const { claim, judgement } = item;
    if (judgement.verdict !== 'unverified' || claim.modifiers.negated) return undefined;
    const severity = ctx.severity(meta, judgement.fact);
    if (!severity) return undefined;
    const attribute = attributeOf(claim);
    const concept = ctx.ref.concepts.get(conceptOf(claim));
    const what = ATTRIBUTE_LABELS[attribute]
      ? `${ATTRIBUTE_LABELS[attribute]} ${formatValue(claim)}`
      : `${claim.kind} "${concept?.label.en ?? formatValue(claim)}"`;
    const why = judgement.fact ? 'the reference holds no verified evidence for it' : 'the reference says nothing about it';
    return claimFinding(meta, severity, item, ctx, `${what}: ${why}`, attribute);
  },
};
