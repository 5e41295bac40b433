/**
 * The CI gate, applied source by source (src/check/run.ts): fingerprints →
 * inline suppressions → waivers → (--changed-since) only the changed sources.
 * Suppressed and waived findings leave the failing set but stay in the report
 * (report.suppressed), each with its reason.
 */
import type { Finding } from '../types.js';
import type { SeverityConfig } from './index.js';
import { sortFindings } from './index.js';
import { fingerprintFindings } from './fingerprint.js';
import { applySuppressions, type SuppressionDirective } from './suppressions.js';
import { Waivers, type WaiverSet } from './waivers.js';

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

/**
 * The gate one source at a time (fingerprints, suppressions and waivers look no further than a
 * source's own findings), then finish() for what only the whole run can tell: the waivers that
 * matched nothing or have expired.
 */
export class Gate {
  private readonly severity: (rule: string, fallback: Finding['severity']) => Finding['severity'] | undefined;
  private readonly waivers: Waivers;
  private readonly keep: Set<string> | undefined;
  private readonly ids: Set<string> | undefined;

  constructor(
    sources: GateSource[],
    severities: SeverityConfig,
    private readonly options: GateOptions = {},
  ) {
    this.severity = (rule, fallback) => {
      const s = severities[rule];
      return s === 'off' ? undefined : (s ?? fallback);
    };
    const known = new Set(sources.flatMap((s) => [s.source, s.path]));
    const set = options.waivers && options.partial ? { ...options.waivers, waivers: options.waivers.waivers.filter((w) => known.has(w.source)) } : options.waivers;
    this.waivers = new Waivers(set, options.today ?? '0000-00-00', this.severity);
    if (options.only) {
      this.keep = new Set(options.only.paths);
      this.ids = new Set(sources.filter((s) => this.keep!.has(s.path)).map((s) => s.source));
    }
  }

  /** --changed-since: waiver problems live in the waivers file; those about a changed source are kept, or all if the waivers file changed. */
  private inScope(f: Finding): boolean {
    return !this.keep || this.keep.has(f.path) || (/^waiver-/.test(f.rule) && (this.ids!.has(f.source) || this.keep.has(f.source)));
  }

  /** One source's findings (all of them: its claims', the corpus rules', its read error), each sorted list in report order. */
  source(findings: Finding[], source: GateSource | undefined, kindOf: (claimId: string) => string | undefined): GateOutcome {
    const sorted = sortFindings(findings);
    const prints = fingerprintFindings(sorted, kindOf);
    // Written onto the findings themselves (the rules made them for this run): a copy of each
    // would double the findings' memory while the gate runs.
    for (const f of sorted) f.fingerprint = prints.get(f.id)!;
    const inline = applySuppressions(sorted, source?.suppressions?.length ? [{ source: source.source, path: source.path, directives: source.suppressions }] : [], this.severity);
    const waived = this.waivers.apply(inline.active, inline.suppressed);
    const active = [...waived.active, ...inline.problems].filter((f) => this.inScope(f));
    const suppressed = [...inline.suppressed, ...waived.waived].filter((f) => this.inScope(f));
    return { findings: sortFindings(active), suppressed: sortFindings(suppressed) };
  }

  /** Waivers that expired or matched nothing, once every source has been through source(). */
  finish(): Finding[] {
    return sortFindings(this.waivers.problems().filter((f) => this.inScope(f)));
  }
}
