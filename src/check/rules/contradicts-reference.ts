import type { Rule, RuleMeta } from '../rule.js';
import { claimFinding } from '../rule.js';
import { ATTRIBUTE_LABELS, attributeOf, conceptOf, formatValue, referenceCell } from '../format-value.js';

const ASSERTION_KINDS = new Set(['safety', 'efficacy']);

const meta: RuleMeta = {
  id: 'contradicts-reference',
  description: 'A figure or fact on the page contradicts what the evidence-backed reference holds.',
  defaultSeverity: 'error',
  docs: 'The page states a value (needle length, injection depth, a history fact, a practice) that the reference contradicts, with citations. Change the text to the reference value or remove it; if the reference is wrong, correct the reference with new evidence.',
};

/** Numbers and facts the evidence contradicts ("6 mm needles" when the literature describes 4 or 13 mm). */
export const contradictsReference: Rule = {
  meta,
  scope: 'claim',
  check(item, ctx) {
    const { claim, judgement } = item;
    if (judgement.verdict !== 'contradicted' || ASSERTION_KINDS.has(claim.kind) || claim.modifiers.negated) return undefined;
    const severity = ctx.severity(meta, judgement.fact);
    if (!severity) return undefined;
    const attribute = attributeOf(claim);
    const said = ATTRIBUTE_LABELS[attribute]
      ? `${ATTRIBUTE_LABELS[attribute]} ${formatValue(claim)}`
      : `${claim.kind} "${ctx.ref.concepts.get(conceptOf(claim))?.label.en ?? formatValue(claim)}"`;
    return claimFinding(meta, severity, item, ctx, `${said} contradicts the reference: ${referenceCell(judgement.fact)}`, attribute);
  },
};
