import type { RuleMeta } from '../rule.js';

/** Raised by the gate (src/check/suppressions.ts) for a suppression comment without a reason. */
export const suppressionMissingReasonMeta: RuleMeta = {
  id: 'suppression-missing-reason',
  description: 'An inline claimlint-disable comment gives no reason.',
  defaultSeverity: 'error',
  docs: 'Every suppression must say why, after " -- ": <!-- claimlint-disable-next-line unsupported-claim -- quoted from the patient leaflet, reviewed by Dr X -->. The reason is kept in the report, so editors can audit what was silenced and why.',
};

/** Raised by the gate for a suppression comment that silences nothing. */
export const suppressionUnusedMeta: RuleMeta = {
  id: 'suppression-unused',
  description: 'An inline claimlint-disable or claimlint-enable comment that silences no finding.',
  defaultSeverity: 'warning',
  docs: 'The text it covered was rewritten, the rule id is misspelt, or the rule is off. Remove the comment, so it cannot silence a future finding by accident.',
};
