/**
 * The CI gate, applied to the findings of the whole corpus in buildReport:
 * fingerprints → inline suppressions → waivers → (--changed-since) only the
 * changed sources. Suppressed and waived findings leave the failing set but
 * stay in the report (report.suppressed), each with its reason.
 */
import type { Claim, Finding } from '../types.js';
import type { SeverityConfig } from './index.js';
import { sortFindings } from './index.js';
import { fingerprintFindings } from './fingerprint.js';
import { applySuppressions, type SuppressionDirective } from './suppressions.js';
import { applyWaivers, type WaiverSet } from './waivers.js';

export interface GateOptions {
  waivers?: WaiverSet;
  /** YYYY-MM-DD; only decides whether waivers have expired. */
  today?: string;
  /** Report findings only for these source paths (--changed-since); cross-source rules still saw every source. */
  only?: { ref: string; paths: string[] };
  /** Only some of the corpus was named (PATH arguments): waivers for sources not in the run are left out, not orphaned. */
  partial?: boolean;
}

export interface GateSource {
  source: string;
  path: string;
  suppressions?: SuppressionDirective[];
}

export interface GateOutcome {
  findings: Finding[];
  suppressed: Finding[];
}

export function applyGate(findings: Finding[], sources: GateSource[], claims: readonly Pick<Claim, 'id' | 'kind'>[], severities: SeverityConfig, options: GateOptions = {}): GateOutcome {
  const sorted = sortFindings(findings);
  const prints = fingerprintFindings(sorted, claims);
  // Written onto the findings themselves (the rules made them for this run): a copy of each
  // would double the findings' memory while the gate runs.
  for (const f of sorted) f.fingerprint = prints.get(f.id)!;
  const withPrints = sorted;
  const severity = (rule: string, fallback: Finding['severity']) => {
    const s = severities[rule];
    return s === 'off' ? undefined : (s ?? fallback);
  };
  const inline = applySuppressions(
    withPrints,
    sources.filter((s) => s.suppressions?.length).map((s) => ({ source: s.source, path: s.path, directives: s.suppressions! })),
    severity,
  );
  const known = new Set(sources.flatMap((s) => [s.source, s.path]));
  const waivers = options.waivers && options.partial ? { ...options.waivers, waivers: options.waivers.waivers.filter((w) => known.has(w.source)) } : options.waivers;
  const waived = applyWaivers(inline.active, waivers, options.today ?? '0000-00-00', severity, inline.suppressed);
  let active = [...waived.active, ...inline.problems, ...waived.problems];
  let suppressed = [...inline.suppressed, ...waived.waived];
  if (options.only) {
    const keep = new Set(options.only.paths);
    const ids = new Set(sources.filter((s) => keep.has(s.path)).map((s) => s.source));
    // Waiver problems live in the waivers file: keep those about a changed source, or all if the waivers file changed.
    const inScope = (f: Finding) => keep.has(f.path) || (/^waiver-/.test(f.rule) && (ids.has(f.source) || keep.has(f.source)));
    active = active.filter(inScope);
    suppressed = suppressed.filter(inScope);
  }
  return { findings: sortFindings(active), suppressed: sortFindings(suppressed) };
}
