import type { Rule, RuleMeta } from '../rule.js';
import { contradictsReference } from './contradicts-reference.js';
import { unsupportedClaim } from './unsupported-claim.js';
import { unverifiedClaim } from './unverified-claim.js';
import { crossSourceConflict } from './cross-source-conflict.js';
import { sourceErrorMeta } from './source-error.js';
import { suppressionMissingReasonMeta, suppressionUnusedMeta } from './suppression.js';
import { waiverExpiredMeta, waiverOrphanedMeta } from './waiver.js';

/** Every rule that judges claims, in the order their findings are computed. */
export const RULES: readonly Rule[] = [contradictsReference, unsupportedClaim, unverifiedClaim, crossSourceConflict];

/** Metadata of every rule, including those the pipeline raises itself. */
export const RULE_METAS: readonly RuleMeta[] = [
  ...RULES.map((r) => r.meta),
  sourceErrorMeta,
  suppressionMissingReasonMeta,
  suppressionUnusedMeta,
  waiverExpiredMeta,
  waiverOrphanedMeta,
].sort((a, b) => (a.id < b.id ? -1 : 1));
