import type { Claim, Finding, Severity, Verdict } from '../types.js';
import type { RunRecord } from './provenance.js';

export interface SourceEntry {
  id: string;
  path: string;
  status: 'ok' | 'error';
  sha256?: string;
  language?: string;
  title?: string;
  publisher?: string;
  claims: number;
  findings: number;
}

export interface ReportClaim extends Claim {
  verdict: Verdict;
  fact?: string;
}

/** Everything a run produced; report.json is this object, serialised with sorted keys. */
export interface Report {
  tool: { name: string; version: string };
  reference: { id: string; version: string; title: string; path: string; sha256: string };
  sources: SourceEntry[];
  claims: ReportClaim[];
  findings: Finding[];
  summary: {
    sources: number;
    sourceErrors: number;
    claims: number;
    findings: number;
    bySeverity: Record<Severity, number>;
    byRule: Record<string, number>;
    byVerdict: Record<Verdict, number>;
  };
  /** Findings silenced by an inline comment or waived in claims/waivers.yaml, each with its `suppression`; they do not fail the run. */
  suppressed?: Finding[];
  /**
   * --changed-since: the report is about these paths only (`sources`, `claims` and `findings` are
   * theirs); `compared` sources were read, and the changed ones compared with them.
   */
  changedSince?: { ref: string; paths: string[]; compared: number };
  /** The claimlint.config.yaml the run used, for provenance. */
  config?: { path: string; sha256: string };
  /** The inputs of the run, so `claimlint verify` can reproduce the report (src/report/provenance.ts). */
  run?: RunRecord;
}

/** Claims counted by verdict: what the summary says of them (src/check/run.ts counts them as they pass). */
export interface ClaimTally {
  total: number;
  byVerdict: Record<Verdict, number>;
}

/** Findings counted by severity and rule. */
export interface FindingTally {
  total: number;
  bySeverity: Record<Severity, number>;
  byRule: Record<string, number>;
}

export function summarize(sources: SourceEntry[], claims: readonly Pick<ReportClaim, 'verdict'>[] | ClaimTally, findings: readonly Finding[] | FindingTally): Report['summary'] {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = {};
  const byVerdict: Record<Verdict, number> = { supported: 0, contradicted: 0, unverified: 0 };
  if ('byVerdict' in claims) Object.assign(byVerdict, claims.byVerdict);
  else for (const c of claims) byVerdict[c.verdict]++;
  if ('bySeverity' in findings) {
    Object.assign(bySeverity, findings.bySeverity);
    Object.assign(byRule, findings.byRule);
  } else
    for (const f of findings) {
      bySeverity[f.severity]++;
      byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    }
  return {
    sources: sources.length,
    sourceErrors: sources.filter((s) => s.status === 'error').length,
    claims: 'byVerdict' in claims ? claims.total : claims.length,
    findings: 'bySeverity' in findings ? findings.total : findings.length,
    bySeverity,
    byRule: Object.fromEntries(Object.entries(byRule).sort()),
    byVerdict,
  };
}

/**
 * What a summary line says after the number of sources: nothing for a full run; for a
 * --changed-since run, that these are the changed ones and how many pages they were compared with.
 */
export function scopeNote(report: Pick<Report, 'changedSince'>): string {
  const c = report.changedSince;
  return c ? ` changed since ${c.ref}, compared with ${c.compared} read` : '';
}
