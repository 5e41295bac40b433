/**
 * Provenance: what a report records so it can be traced and reproduced (the `run` record,
 * next to tool, reference, config and source hashes), and how two reports differ.
 */
import type { Report } from './model.js';

/** The inputs of a `check` run that change report.json; output places and speed options are left out. */
export interface RunRecord {
  command: 'check';
  /** The arguments to give `claimlint check` (from the same directory) to produce the same report. */
  args: string[];
}

/** Flags of `check` whose value changes what report.json says. */
export const OUTPUT_CHANGING_FLAGS = ['config', 'reference', 'waivers', 'changed-since'] as const;

export function runRecord(values: Partial<Record<(typeof OUTPUT_CHANGING_FLAGS)[number], string | undefined>>, positionals: string[]): RunRecord {
  const args: string[] = [];
  for (const flag of OUTPUT_CHANGING_FLAGS) {
    const v = values[flag];
    if (v !== undefined) args.push(`--${flag}`, v);
  }
  if (positionals.length) args.push('--', ...positionals);
  return { command: 'check', args };
}

/** What differs between a recorded report and a re-run: provenance first, then the first differing JSON paths. */
export function describeDifferences(recorded: Report, rerun: Report, maxPaths = 10): string[] {
  const out: string[] = [];
  if (recorded.tool?.version !== rerun.tool?.version) out.push(`tool version: recorded ${recorded.tool?.version}, now ${rerun.tool?.version}`);
  const r0 = recorded.reference;
  const r1 = rerun.reference;
  if (r0?.sha256 !== r1?.sha256 || r0?.version !== r1?.version || r0?.id !== r1?.id)
    out.push(`reference ${r1?.path ?? r0?.path}: recorded ${r0?.id} ${r0?.version} sha256 ${short(r0?.sha256)}, now ${r1?.id} ${r1?.version} sha256 ${short(r1?.sha256)}`);
  if (recorded.config?.sha256 !== rerun.config?.sha256)
    out.push(`config: recorded ${recorded.config ? `${recorded.config.path} sha256 ${short(recorded.config.sha256)}` : 'none'}, now ${rerun.config ? `${rerun.config.path} sha256 ${short(rerun.config.sha256)}` : 'none'}`);
  const before = new Map((recorded.sources ?? []).map((s) => [s.path, s]));
  const after = new Map((rerun.sources ?? []).map((s) => [s.path, s]));
  for (const [path, s] of before) {
    const now = after.get(path);
    if (!now) out.push(`source ${path}: recorded, now absent`);
    else if (s.sha256 !== now.sha256) out.push(`source ${path}: sha256 recorded ${short(s.sha256)}, now ${short(now.sha256)}`);
  }
  for (const path of after.keys()) if (!before.has(path)) out.push(`source ${path}: new since the report`);
  const paths: string[] = [];
  diffPaths(recorded, rerun, '', paths, maxPaths + 1);
  for (const p of paths.slice(0, maxPaths)) out.push(`differs at ${p || '(root)'}`);
  if (paths.length > maxPaths) out.push('… and more');
  return out;
}

function short(hash: string | undefined): string {
  return hash ? hash.slice(0, 12) : '(none)';
}

/** JSON paths (JSON Pointer syntax) where a and b differ, in document order, at most `max`. */
export function diffPaths(a: unknown, b: unknown, at: string, out: string[], max: number): void {
  if (out.length >= max) return;
  if (a === b) return;
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  const bothObjects = !bothArrays && a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b);
  if (bothArrays) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n && out.length < max; i++) diffPaths(a[i], b[i], `${at}/${i}`, out, max);
    return;
  }
  if (bothObjects) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])];
    for (const k of keys) if (out.length < max) diffPaths(ao[k], bo[k], `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out, max);
    if (JSON.stringify(Object.keys(ao).filter((k) => k in bo)) !== JSON.stringify(Object.keys(bo).filter((k) => k in ao)) && out.length < max) out.push(`${at} (key order)`);
    return;
  }
  out.push(at);
}
