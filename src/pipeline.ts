/**
 * The flow, in one readable function:
 *   source (read, decode, front matter) → parse (sentences with offsets)
 *   → extract (typed claims) → check (verdicts, rules, cross-source) → report.
 */
import { readdirSync, statSync, realpathSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Claim, Finding, SourceDocument } from './types.js';
import { readSource, SOURCE_EXTENSIONS, type SourceProblem } from './source/read.js';
import { parseSentences } from './parse/sentences.js';
import { extractClaims } from './extract/index.js';
import { loadLanguages, type LanguagePack } from './vocab/load.js';
import { loadReference, type Reference } from './reference/load.js';
import { judgeAll, runRules, sortFindings, type SeverityConfig } from './check/index.js';
import { sourceErrorMeta } from './check/rules/source-error.js';
import { summarize, type Report, type ReportClaim, type SourceEntry } from './report/model.js';
import { contentId } from './util/hash.js';
import { TOOL } from './version.js';
import { ConfigError } from './util/yaml-load.js';
import { parseSuppressions, type SuppressionDirective } from './check/suppressions.js';
import { applyGate, type GateOptions } from './check/gate.js';
import { processAll } from './run/process-all.js';
import { cacheAt } from './run/cache.js';
import { timed } from './run/timing.js';

export interface CheckOptions {
  paths: string[];
  referencePath: string;
  severities?: SeverityConfig;
  defaultLanguage?: string;
  /** Waivers, today's date and --changed-since (src/check/gate.ts). */
  gate?: GateOptions;
  /** Threads for per-source work (src/run/process-all.ts); default 1. */
  jobs?: number | 'auto';
  /** Directory of the incremental cache of per-source results (src/run/cache.ts); undefined = no cache. */
  cache?: string;
  /** Per-source results already computed (claimlint merge of --shard outputs): nothing is read. */
  preloaded?: SourceResult[];
  /** Called with the number of sources to process; what it returns is told of each source done (the CLI's progress bar). */
  progress?: (total: number) => { tick(path?: string): void; done(): void };
}

export interface SourceResult {
  doc?: SourceDocument;
  problem?: SourceProblem;
  claims: Claim[];
  /** Inline claimlint-disable/enable comments, with their positions (applied in buildReport). */
  suppressions?: SuppressionDirective[];
}

export interface Engine {
  languages: Map<string, LanguagePack>;
  reference: Reference;
}

export function loadEngine(referencePath: string): Engine {
  return { languages: loadLanguages(), reference: loadReference(referencePath) };
}

/** Source files under the given paths, sorted, so runs are reproducible. Symlinks leaving the project are not followed. */
export function collectSources(paths: string[], root = process.cwd()): string[] {
  const out = new Set<string>();
  const rootReal = realpathSync(root);
  const walk = (p: string, explicit: boolean): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      if (explicit) throw new ConfigError([{ file: p, line: 1, column: 1, message: 'no such file or directory' }]);
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.')) continue;
        walk(join(p, name), false);
      }
    } else if (explicit || SOURCE_EXTENSIONS.has(extname(p).toLowerCase())) {
      let real: string;
      try {
        real = realpathSync(p);
      } catch {
        return;
      }
      if (!explicit && !real.startsWith(rootReal)) return;
      out.add(p);
    }
  };
  for (const p of paths) walk(resolve(p), true);
  return [...out].sort();
}

/** source → parse → extract, for one file. Never throws for bad input. */
export function processSource(path: string, engine: Engine, defaultLanguage?: string): SourceResult {
  const read = timed('read', () => readSource(path, engine.languages, defaultLanguage));
  if (!read.ok) return { problem: read.problem, claims: [] };
  const doc = read.doc;
  const sentences = timed('parse', () => parseSentences(doc.text));
  const lang = engine.languages.get(doc.meta.language)!;
  const suppressions = parseSuppressions(doc.text);
  const claims = timed('extract', () => extractClaims(doc, sentences, lang, engine.reference));
  return { doc, claims, ...(suppressions.length ? { suppressions } : {}) };
}

function problemFinding(p: SourceProblem): Finding {
  return {
    id: contentId('f', sourceErrorMeta.id, p.path, p.message),
    rule: sourceErrorMeta.id,
    severity: 'error',
    verdict: 'error',
    source: p.id,
    path: p.path,
    position: { start: p.point, end: p.point },
    text: '',
    claims: [],
    message: `${p.path}: ${p.message}`,
    evidence: [],
  };
}

/** check → report, over the results of every source. */
export function buildReport(results: SourceResult[], engine: Engine, severities: SeverityConfig = {}, gateOptions: GateOptions = {}): Report {
  const ref = engine.reference;
  const claims = results.flatMap((r) => r.claims);
  const judged = judgeAll(claims, ref);
  const findings = runRules(judged, ref, severities);
  if (severities[sourceErrorMeta.id] !== 'off')
    for (const r of results) if (r.problem) findings.push({ ...problemFinding(r.problem), severity: (severities[sourceErrorMeta.id] as 'error') ?? 'error' });
  const gate = applyGate(
    findings,
    results.map((r) => (r.doc ? { source: r.doc.id, path: r.doc.path, suppressions: r.suppressions } : { source: r.problem!.id, path: r.problem!.path })),
    claims,
    severities,
    gateOptions,
  );
  const sorted = sortFindings(gate.findings);
  const reportClaims: ReportClaim[] = judged.map(({ claim, judgement }) => ({
    ...claim,
    verdict: judgement.verdict,
    ...(judgement.fact ? { fact: judgement.fact.id } : {}),
  }));
  reportClaims.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.position.start.offset - b.position.start.offset || (a.id < b.id ? -1 : 1));
  const sources: SourceEntry[] = results
    .map((r): SourceEntry => {
      if (r.problem) return { id: r.problem.id, path: r.problem.path, status: 'error', claims: 0, findings: sorted.filter((f) => f.path === r.problem!.path).length };
      const d = r.doc!;
      const entry: SourceEntry = {
        id: d.id,
        path: d.path,
        status: 'ok',
        sha256: d.sha256,
        language: d.meta.language,
        claims: r.claims.length,
        findings: sorted.filter((f) => f.path === d.path).length,
      };
      if (d.meta.title) entry.title = d.meta.title;
      if (d.meta.publisher) entry.publisher = d.meta.publisher;
      return entry;
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return {
    tool: { ...TOOL },
    reference: { id: ref.id, version: ref.version, title: ref.title, path: ref.path, sha256: ref.sha256 },
    sources,
    claims: reportClaims,
    findings: sorted,
    summary: summarize(sources, reportClaims, sorted),
    ...(gate.suppressed.length ? { suppressed: gate.suppressed } : {}),
    ...(gateOptions.only ? { changedSince: { ref: gateOptions.only.ref, paths: [...gateOptions.only.paths].sort() } } : {}),
  };
}

/** The whole run, in memory. */
export function runCheck(options: CheckOptions): { report: Report; results: SourceResult[]; engine: Engine } {
  const engine = loadEngine(options.referencePath);
  const files = options.preloaded ? [] : collectSources(options.paths);
  const progress = options.preloaded ? undefined : options.progress?.(files.length);
  const results =
    options.preloaded ??
    processAll(files, engine, { jobs: options.jobs, cache: cacheAt(options.cache, engine, options.defaultLanguage), referencePath: options.referencePath, defaultLanguage: options.defaultLanguage, onProgress: progress && ((p) => progress.tick(p)) });
  progress?.done();
  const ids = new Map<string, string>();
  for (const r of results) {
    if (!r.doc) continue;
    const seen = ids.get(r.doc.id);
    if (seen) {
      r.problem = { id: r.doc.id, path: r.doc.path, message: `duplicate source id "${r.doc.id}" (also used by ${seen})`, point: { line: 1, column: 1, offset: 0 } };
      r.doc = undefined;
      r.claims = [];
    } else ids.set(r.doc.id, r.doc.path);
  }
  return { report: timed('check', () => buildReport(results, engine, options.severities, options.gate)), results, engine };
}
