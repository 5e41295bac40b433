import type { RuleMeta } from '../rule.js';

/** Raised by the gate (src/check/waivers.ts) for a waiver past its expiry date. */
export const waiverExpiredMeta: RuleMeta = {
  id: 'waiver-expired',
  description: 'A waiver in claims/waivers.yaml is past its expiry date; the finding it waived fails again.',
  defaultSeverity: 'error',
  docs: 'Waivers are temporary by design. Fix the page, or have a reviewer renew the waiver with a new reason, date and expiry.',
};

/** Raised by the gate for a waiver that matches no finding. */
export const waiverOrphanedMeta: RuleMeta = {
  id: 'waiver-orphaned',
  description: 'A waiver in claims/waivers.yaml matches no finding (fingerprint, rule and source).',
  defaultSeverity: 'error',
  docs: 'The finding it waived is gone (the page was fixed or rewritten, the rule is off) or the fingerprint was copied wrong. Remove the waiver, or copy the fingerprint of the current finding from reports/report.json.',
};
