/**
 * The flow, in one readable function:
 *   source (read, decode, front matter) → parse (sentences with offsets)
 *   → extract (typed claims) → check (verdicts, rules, cross-source) → report.
 */
import { readdirSync, statSync, realpathSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
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
import { cacheAt, type CacheStrategy } from './run/cache.js';
import { timed } from './run/timing.js';

export interface CheckOptions {
  paths: string[];
  /** `paths` are already the sorted source files (config/sources.ts expanded them): not walked or stat'ed again. */
  collected?: boolean;
  referencePath: string;
  severities?: SeverityConfig;
  defaultLanguage?: string;
  /** Waivers, today's date and --changed-since (src/check/gate.ts). */
  gate?: GateOptions;
  /** Threads for per-source work (src/run/process-all.ts); default 1. */
  jobs?: number | 'auto';
  /** Directory of the incremental cache of per-source results (src/run/cache.ts); undefined = no cache. */
  cache?: string;
  /** How the cache tells an unchanged page (src/run/cache.ts); default metadata. */
  cacheStrategy?: CacheStrategy;
  /** Per-source results already computed (claimlint merge of --shard outputs): nothing is read. */
  preloaded?: SourceResult[];
  /** Called with the number of sources to process; what it returns is told of each source done (the CLI's progress bar). */
  progress?: (total: number) => { tick(path?: string): void; done(): void };
}

export interface SourceResult {
  doc?: SourceDocument;
  problem?: SourceProblem;
  claims: Claim[];
  /**
   * Set when `claims` is the source's corpus view (src/run/cache.ts): only the claims corpus
   * rules read, for a source whose own findings the run does not report; its claim count.
   */
  claimCount?: number;
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

/**
 * Source files under the given paths, sorted, so runs are reproducible. A symlink found while
 * walking a directory is followed only when its target stays inside that directory or the
 * project (root); symlink loops are walked once. A directory that cannot be listed is returned
 * as it is, so that reading it reports the problem as a source-error. `linked` receives the
 * files that may be symlinks (named ones, and those reached through a link): every other file is
 * a plain file, whose real path is its directory's real path plus its name.
 */
export function collectSources(paths: string[], root = process.cwd(), linked?: Set<string>): string[] {
  const out = new Set<string>();
  const rootReal = realQuiet(root) ?? resolve(root);
  const inside = (real: string, dir: string) => real === dir || real.startsWith(dir.endsWith(sep) ? dir : dir + sep);
  // `boundary` undefined: a path named by the caller, which is its own boundary.
  const walk = (p: string, explicit: boolean, boundary: string | undefined, seen: Set<string>): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      if (explicit) throw new ConfigError([{ file: p, line: 1, column: 1, message: 'no such file or directory' }]);
      return;
    }
    // A file named by the caller is read whatever its real path (the CLI passes every file of a
    // corpus this way: no realpath for each).
    if (explicit && !st.isDirectory()) {
      out.add(p);
      linked?.add(p);
      return;
    }
    const real = realQuiet(p);
    if (real === undefined) return;
    if (!explicit && !inside(real, boundary ?? real) && !inside(real, rootReal)) return;
    if (st.isDirectory()) walkDirectory(p, real, boundary ?? real, seen);
    else if (SOURCE_EXTENSIONS.has(extname(p).toLowerCase())) {
      out.add(p);
      linked?.add(p);
    }
  };
  // A directory whose real path is known: its plain files and subdirectories (not symlinks) are
  // inside it by construction, so only symlinks need stat and realpath (10,000 pages: half a
  // second saved on every run).
  const walkDirectory = (p: string, real: string, boundary: string, seen: Set<string>): void => {
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      out.add(p);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = join(p, entry.name);
      if (entry.isFile()) {
        if (SOURCE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.add(child);
      } else if (entry.isDirectory()) walkDirectory(child, join(real, entry.name), boundary, seen);
      else walk(child, false, boundary, seen);
    }
  };
  for (const p of paths) walk(resolve(p), true, undefined, new Set());
  return [...out].sort();
}

function realQuiet(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/** source → parse → extract, for one file. Never throws for bad input. */
export function processSource(path: string, engine: Engine, defaultLanguage?: string): SourceResult {
  const read = timed('read', () => readSource(path, engine.languages, defaultLanguage));
  if (!read.ok) return { problem: read.problem, claims: [] };
  const doc = read.doc;
  try {
    const lang = engine.languages.get(doc.meta.language)!;
    const sentences = timed('parse', () => parseSentences(doc.text, { abbreviations: lang.abbreviations }));
    const suppressions = parseSuppressions(doc.text);
    const claims = timed('extract', () => extractClaims(doc, sentences, lang, engine.reference));
    return { doc, claims, ...(suppressions.length ? { suppressions } : {}) };
  } catch (error) {
    // Last line of defence: one hostile page must not stop the batch (tests/fuzz, tests/hostile.test.ts).
    const message = error instanceof RangeError ? `the page is too deeply nested or too large to analyse (${error.message})` : `internal error while analysing the page: ${(error as Error)?.message ?? String(error)}`;
    return { problem: { id: doc.id, path: doc.path, message, point: { line: 1, column: 1, offset: 0 } }, claims: [] };
  }
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

/**
 * The source ids whose findings a --changed-since run reports, or undefined for all. The gate
 * keeps only those anyway; knowing them before the rules run spares building (and fingerprinting)
 * the findings of the unchanged rest. When the waivers file changed, every finding is needed to
 * tell which waivers still match, so the scope is left to the gate.
 */
function findingScope(results: SourceResult[], gateOptions: GateOptions): Set<string> | undefined {
  const paths = reportedPaths(gateOptions);
  if (!paths) return undefined;
  const ids = new Set<string>();
  for (const r of results) {
    const entry = r.doc ?? r.problem;
    if (entry && paths.has(entry.path)) ids.add(entry.id);
  }
  return ids;
}

/** The display paths whose findings a --changed-since run reports (see findingScope), or undefined for all. */
function reportedPaths(gateOptions: GateOptions = {}): Set<string> | undefined {
  const only = gateOptions.only;
  if (!only || (gateOptions.waivers && only.paths.includes(gateOptions.waivers.path))) return undefined;
  return new Set(only.paths);
}

/** check → report, over the results of every source. */
export function buildReport(results: SourceResult[], engine: Engine, severities: SeverityConfig = {}, gateOptions: GateOptions = {}): Report {
  const ref = engine.reference;
  const claims = results.flatMap((r) => r.claims);
  const scope = findingScope(results, gateOptions);
  const judged = judgeAll(claims, ref, scope && ((claim) => scope.has(claim.source)));
  const findings = runRules(judged, ref, severities, scope && ((source) => scope.has(source)));
  if (severities[sourceErrorMeta.id] !== 'off')
    for (const r of results) if (r.problem && (!scope || scope.has(r.problem.id))) findings.push({ ...problemFinding(r.problem), severity: (severities[sourceErrorMeta.id] as 'error') ?? 'error' });
  const gate = applyGate(
    findings,
    results.map((r) => (r.doc ? { source: r.doc.id, path: r.doc.path, suppressions: r.suppressions } : { source: r.problem!.id, path: r.problem!.path })),
    scope ? claims.filter((c) => scope.has(c.source)) : claims,
    severities,
    gateOptions,
  );
  const sorted = sortFindings(gate.findings);
  // --changed-since: the report is about the changed pages, so it lists their claims only.
  const listedPaths = gateOptions.only && new Set(gateOptions.only.paths);
  const listed = listedPaths ? judged.filter((j) => listedPaths.has(j.claim.path)) : judged;
  // The verdict is written onto the claim itself rather than onto a copy: a copy of every claim
  // was a fifth of the heap of a large corpus. Claims files leave these two keys out (claims-file.ts).
  const reportClaims: ReportClaim[] = listed.map(({ claim, judgement }) => {
    const c = claim as ReportClaim;
    c.verdict = judgement.verdict;
    c.fact = judgement.fact?.id;
    return c;
  });
  reportClaims.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.position.start.offset - b.position.start.offset || (a.id < b.id ? -1 : 1));
  const findingsPerPath = new Map<string, number>();
  for (const f of sorted) findingsPerPath.set(f.path, (findingsPerPath.get(f.path) ?? 0) + 1);
  const sources: SourceEntry[] = results
    .map((r): SourceEntry => {
      if (r.problem) return { id: r.problem.id, path: r.problem.path, status: 'error', claims: 0, findings: findingsPerPath.get(r.problem.path) ?? 0 };
      const d = r.doc!;
      const entry: SourceEntry = {
        id: d.id,
        path: d.path,
        status: 'ok',
        sha256: d.sha256,
        language: d.meta.language,
        claims: r.claimCount ?? r.claims.length,
        findings: findingsPerPath.get(d.path) ?? 0,
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
  const files = options.preloaded ? [] : options.collected ? options.paths : collectSources(options.paths);
  const progress = options.preloaded ? undefined : options.progress?.(files.length);
  const reported = reportedPaths(options.gate);
  const results =
    options.preloaded ??
    processAll(files, engine, {
      jobs: options.jobs,
      cache: cacheAt(options.cache, engine, options.defaultLanguage, options.cacheStrategy),
      referencePath: options.referencePath,
      defaultLanguage: options.defaultLanguage,
      onProgress: progress && ((p) => progress.tick(p)),
      viewOnly: reported && ((path) => !reported.has(path)),
    });
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
