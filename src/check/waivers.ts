/**
 * Waivers (claims/waivers.yaml): findings a reviewer accepted, each keyed on
 * the finding's fingerprint, rule and source, with reason, reviewer, date and
 * expiry. A waived finding stays in the report (report.suppressed, with the
 * waiver) and does not fail the run; an expired waiver, or one matching no
 * finding, is itself an error finding at the waiver's line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Finding, Position } from '../types.js';
import { ConfigError, loadYaml, yamlLocator } from '../util/yaml-load.js';
import { validator } from '../util/schemas.js';
import { contentId } from '../util/hash.js';
import { waiverExpiredMeta, waiverOrphanedMeta } from './rules/waiver.js';

export interface Waiver {
  fingerprint: string;
  rule: string;
  source: string;
  reason: string;
  reviewer: string;
  date: string;
  expiry: string;
  /** Where the entry is in the waivers file. */
  position: Position;
}

export interface WaiverSet {
  /** Path as shown in findings (relative to the working directory). */
  path: string;
  waivers: Waiver[];
}

/** Loads a waivers file; undefined if it does not exist. Invalid files throw ConfigError (exit 2) at line:col. */
export function loadWaivers(path: string): WaiverSet | undefined {
  if (!existsSync(path)) return undefined;
  const display = (relative(process.cwd(), path) || path).split('\\').join('/');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([{ file: display, line: 1, column: 1, message: `cannot read the waivers: ${(error as Error).message}` }]);
  }
  const data = loadYaml<{ waivers: Omit<Waiver, 'position'>[] } | null>(display, text, validator('waivers'));
  const locate = yamlLocator(display, text);
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const waivers = (data?.waivers ?? []).map((w, i) => {
    const p = locate(['waivers', i], '');
    const point = { line: p.line, column: p.column, offset: (lineStarts[p.line - 1] ?? 0) + p.column - 1 };
    return { ...w, position: { start: point, end: point } };
  });
  const problems = waivers.flatMap((w, i) =>
    w.expiry < w.date ? [locate(['waivers', i, 'expiry'], `expiry ${w.expiry} is before the waiver's date ${w.date}`)] : [],
  );
  if (problems.length) throw new ConfigError(problems);
  return { path: display, waivers };
}

/** Today's date (YYYY-MM-DD, UTC); CLAIMLINT_TODAY overrides it for tests and reproducible reruns. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const forced = env.CLAIMLINT_TODAY;
  if (forced !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(forced)) throw new ConfigError([{ file: 'CLAIMLINT_TODAY', line: 1, column: 1, message: `must be YYYY-MM-DD (got "${forced}")` }]);
    return forced;
  }
  return new Date().toISOString().slice(0, 10);
}


function matches(w: Waiver, f: Finding): boolean {
  if (w.rule !== f.rule || (w.source !== f.source && w.source !== f.path) || !f.fingerprint) return false;
  return w.fingerprint.includes(':') ? f.fingerprint === w.fingerprint : f.fingerprint.split(':')[0] === w.fingerprint;
}

/**
 * The waivers of a run, applied batch by batch (a streaming run gates one source at a time);
 * which waivers matched is remembered, so problems() can tell the expired and orphaned ones.
 */
export class Waivers {
  private readonly valid: Waiver[];
  private readonly used = new Set<Waiver>();

  constructor(
    private readonly set: WaiverSet | undefined,
    private readonly date: string,
    private readonly severity: (ruleId: string, fallback: Finding['severity']) => Finding['severity'] | undefined,
  ) {
    this.valid = set ? set.waivers.filter((w) => w.expiry >= date) : [];
  }

  /** Waives the matching findings of a batch. `alsoSeen` are findings already silenced inline: a waiver matching one of them is not orphaned. */
  apply(findings: Finding[], alsoSeen: Finding[] = []): { active: Finding[]; waived: Finding[] } {
    const set = this.set;
    if (!set || set.waivers.length === 0) return { active: findings, waived: [] };
    const active: Finding[] = [];
    const waived: Finding[] = [];
    for (const f of findings) {
      const w = this.valid.find((v) => matches(v, f));
      if (!w) {
        active.push(f);
        continue;
      }
      this.used.add(w);
      waived.push({
        ...f,
        suppression: { kind: 'waiver', reason: w.reason, path: set.path, line: w.position.start.line, column: w.position.start.column, reviewer: w.reviewer, date: w.date, expiry: w.expiry },
      });
    }
    for (const w of this.valid) if (!this.used.has(w) && alsoSeen.some((f) => matches(w, f))) this.used.add(w);
    return { active, waived };
  }

  /** waiver-expired and waiver-orphaned findings, once every batch is in. */
  problems(): Finding[] {
    const set = this.set;
    if (!set || set.waivers.length === 0) return [];
    const problems: Finding[] = [];
    const what = (w: Waiver) => `waiver for ${w.rule} on ${w.source} (fingerprint ${w.fingerprint}, reviewer ${w.reviewer})`;
    for (const w of set.waivers) {
      if (w.expiry < this.date) {
        const sev = this.severity(waiverExpiredMeta.id, waiverExpiredMeta.defaultSeverity);
        if (sev) problems.push(problem(set, w, waiverExpiredMeta.id, sev, `${what(w)} expired on ${w.expiry}: fix the finding or renew the waiver`));
      } else if (!this.used.has(w)) {
        const sev = this.severity(waiverOrphanedMeta.id, waiverOrphanedMeta.defaultSeverity);
        if (sev) problems.push(problem(set, w, waiverOrphanedMeta.id, sev, `${what(w)} matches no finding: remove it or update its fingerprint`));
      }
    }
    return problems;
  }
}

function problem(set: WaiverSet, w: Waiver, rule: string, severity: Finding['severity'], message: string): Finding {
  return {
    id: contentId('f', rule, set.path, w.fingerprint, w.rule, w.source),
    rule,
    severity,
    verdict: 'error',
    source: w.source,
    path: set.path,
    position: w.position,
    text: '',
    claims: [],
    message,
    evidence: [],
  };
}
