/**
 * "What changed": compare this run's findings with a previous report.json.
 * Finding ids are content-derived (rule + claim), so the same finding on the
 * same text keeps its id from one run to the next.
 */
import { readFileSync } from 'node:fs';
import type { Finding } from '../types.js';
import type { Report } from './model.js';
import { UsageError } from '../cli/args.js';
import { findingsFromJson } from './json.js';

export type FindingChange = 'new' | 'unchanged' | 'resolved';

export interface BaselineComparison {
  /** The baseline file as given on the command line. */
  path: string;
  /** Status of every current finding: new or unchanged. */
  status: Map<string, 'new' | 'unchanged'>;
  /** Findings of the baseline that this run no longer reports, in the baseline's order. */
  resolved: Finding[];
  counts: Record<FindingChange, number>;
}

/** Reads a previous report.json; a missing or invalid file is a usage error (exit 2) naming the file. */
export function loadBaseline(path: string): Pick<Report, 'findings'> & { suppressed?: Finding[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--baseline ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--baseline ${path}: not valid JSON (${(error as Error).message})`);
  }
  const findings = (data as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings)) throw new UsageError(`--baseline ${path}: not a claimlint report.json (no "findings" array)`);
  findings.forEach((f, i) => {
    const ok = f && typeof f === 'object' && typeof f.id === 'string' && typeof f.rule === 'string' && typeof f.path === 'string';
    if (!ok) throw new UsageError(`--baseline ${path}: findings[${i}] is not a finding (needs string id, rule and path)`);
  });
  const { suppressed, evidence } = data as { suppressed?: unknown; evidence?: unknown };
  return { findings: findingsFromJson(findings, evidence), ...(Array.isArray(suppressed) ? { suppressed: findingsFromJson(suppressed, evidence) } : {}) };
}

export function compareBaseline(current: Pick<Report, 'findings'>, baseline: Pick<Report, 'findings'>, path: string): BaselineComparison {
  const before = new Set([...baseline.findings, ...((baseline as { suppressed?: Finding[] }).suppressed ?? [])].map((f) => f.id));
  // A finding waived since the baseline is still there (shown as waived), not resolved.
  const present = [...current.findings, ...((current as { suppressed?: Finding[] }).suppressed ?? [])];
  const now = new Set(present.map((f) => f.id));
  const status = new Map<string, 'new' | 'unchanged'>();
  for (const f of present) status.set(f.id, before.has(f.id) ? 'unchanged' : 'new');
  const seen = new Set<string>();
  const resolved = baseline.findings.filter((f) => !now.has(f.id) && !seen.has(f.id) && seen.add(f.id));
  let fresh = 0;
  for (const s of status.values()) if (s === 'new') fresh++;
  return { path, status, resolved, counts: { new: fresh, unchanged: status.size - fresh, resolved: resolved.length } };
}
