/**
 * The flow, in one readable function:
 *   source (read, decode, front matter) → parse (sentences with offsets)
 *   → extract (typed claims) → check (verdicts, rules, cross-source) → report.
 */
import { readdirSync, statSync, realpathSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Claim, SourceDocument } from './types.js';
import { readSource, SOURCE_EXTENSIONS, type SourceProblem } from './source/read.js';
import { parseSentences } from './parse/sentences.js';
import { extractClaims } from './extract/index.js';
import { loadLanguages, type LanguagePack } from './vocab/load.js';
import { loadReference, type Reference } from './reference/load.js';
import type { SeverityConfig } from './check/index.js';
import { CheckRun, reportedPaths } from './check/run.js';
import type { Report } from './report/model.js';
import { ConfigError } from './util/yaml-load.js';
import { parseSuppressions, type SuppressionDirective } from './check/suppressions.js';
import type { GateOptions } from './check/gate.js';
import { forEachResult } from './run/process-all.js';
import { keptForReports } from './source/read-later.js';
import { cacheAt, type CacheStrategy } from './run/cache.js';
import { memoryMark, timed } from './run/timing.js';
import { collectGarbage } from './util/collect.js';

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
  /** Keep the report's claims in a temporary file, not in memory (src/check/run.ts); the results returned then hold no claims. */
  spill?: boolean;
  /** With `spill`: claim-rule findings held in memory before they go to disk too (src/check/run.ts). */
  findingsInMemory?: number;
  /** Told of each source's result, claims included, before the check stage lets go of them (claims files are written from here). */
  onSource?: (result: SourceResult, engine: Engine) => void;
  /** Called with the number of sources to process; what it returns is told of each source done (the CLI's progress bar). */
  progress?: (total: number) => { tick(path?: string): void; done(): void };
  /**
   * Told once every source is in, before the corpus rules and the gate run: the results, the
   * engine, and how many findings the claim rules made (the CLI starts its report thread here).
   */
  onSourcesDone?: (results: readonly SourceResult[], engine: Engine, claimRuleFindings: number) => void;
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
    const claims = timed('extract', () => extractClaims(doc, sentences, lang, engine.reference, engine.languages));
    return { doc, claims, ...(suppressions.length ? { suppressions } : {}) };
  } catch (error) {
    // Last line of defence: one hostile page must not stop the batch (tests/fuzz, tests/hostile.test.ts).
    const message = error instanceof RangeError ? `the page is too deeply nested or too large to analyse (${error.message})` : `internal error while analysing the page: ${(error as Error)?.message ?? String(error)}`;
    return { problem: { id: doc.id, path: doc.path, message, point: { line: 1, column: 1, offset: 0 } }, claims: [] };
  }
}

/** check → report, over the results of every source (in file order). */
export function buildReport(results: SourceResult[], engine: Engine, severities: SeverityConfig = {}, gateOptions: GateOptions = {}): Report {
  const run = new CheckRun(engine, { severities, gate: gateOptions });
  for (const r of results) run.add(r);
  return run.finish();
}

/**
 * The whole run. Each source's result goes through the check stage as soon as it is made
 * (src/check/run.ts); with `spill`, the report's claims are kept on disk, and the results
 * returned keep no claims.
 */
export function runCheck(options: CheckOptions): { report: Report; results: SourceResult[]; engine: Engine } {
  const engine = loadEngine(options.referencePath);
  const files = options.preloaded ? [] : options.collected ? options.paths : collectSources(options.paths);
  const progress = options.preloaded ? undefined : options.progress?.(files.length);
  const reported = reportedPaths(options.gate);
  const run = new CheckRun(engine, { severities: options.severities, gate: options.gate, spill: options.spill, findingsInMemory: options.findingsInMemory, onSource: options.onSource });
  const results: SourceResult[] = [];
  const take = (result: SourceResult): void => {
    timed('check', () => run.add(result));
    // Streaming, a page's text is read again if a report shows it (most are not shown).
    results.push(options.spill && !options.preloaded ? keptForReports(result) : result);
  };
  if (options.preloaded) options.preloaded.forEach(take);
  else
    forEachResult(
      files,
      engine,
      {
        jobs: options.jobs,
        cache: cacheAt(options.cache, engine, options.defaultLanguage, options.cacheStrategy),
        referencePath: options.referencePath,
        defaultLanguage: options.defaultLanguage,
        onProgress: progress && ((p) => progress.tick(p)),
        viewOnly: reported && ((path) => !reported.has(path)),
      },
      take,
    );
  progress?.done();
  memoryMark('sources done');
  // The threads are gone and their results handed on: what remains is what the corpus rules read.
  collectGarbage();
  options.onSourcesDone?.(results, engine, run.claimRuleFindings);
  const report = timed('check', () => run.finish());
  memoryMark('checked');
  return { report, results, engine };
}
