/**
 * check → report, one source at a time. Each page's claims are judged and its claim rules run
 * as soon as the page comes in; what the page is then held by is only what the corpus rules read
 * (its corpus view), its findings and, for the report, its claims with their verdicts. With
 * `spill`, those claims go to a temporary file (src/util/spill.ts) and the report reads them back
 * from there: memory then grows with the findings kept, not with every claim of the corpus (and
 * past FINDINGS_IN_MEMORY the findings go to disk too); the findings and views it holds are
 * packed (src/util/packed.ts), not objects. Once every source is in, the corpus rules run over the
 * views and the gate goes source by source, in path order, letting go of the findings it has
 * passed on.
 * The report is the same whichever way claims and findings are held (tests/streaming.test.ts).
 */
import type { Claim, EvidenceRef, Finding } from '../types.js';
import type { Engine, SourceResult } from '../pipeline.js';
import type { SourceProblem } from '../source/read.js';
import type { JudgedClaim } from './rule.js';
import { judgeAll, readByCorpusRules, runCorpusRules, runClaimRules, sortFindings, type SeverityConfig } from './index.js';
import { sourceErrorMeta } from './rules/source-error.js';
import { Gate, type GateOptions, type GateSource } from './gate.js';
import { fingerprinted } from './fingerprint.js';
import { kindOfAttribute } from './format-value.js';
import { summarize, type FindingTally, type Report, type ReportClaim, type SourceEntry } from '../report/model.js';
import { contentId } from '../util/hash.js';
import { TOOL } from '../version.js';
import { SpillFile, spilledArray } from '../util/spill.js';
import { packedArray, sharedSpilledArray } from '../util/shared-array.js';
import { PackedValues, type PackOptions } from '../util/packed.js';
import { lazyArray } from '../util/lazy.js';
import { Interner } from '../util/strings.js';
import { addCitations, noteCitations } from '../report/evidence.js';
import { tmpdir } from 'node:os';

export interface CheckRunOptions {
  severities?: SeverityConfig;
  gate?: GateOptions;
  /** Keep the report's claims in a temporary file rather than in memory. */
  spill?: boolean;
  /**
   * With `spill`: how many claim-rule findings are held in memory before all of them go to a
   * spill file too (the report then reads its findings back from disk, in a few passes).
   */
  findingsInMemory?: number;
  /** Told of each source, claims included, once it is known not to duplicate another source's id. */
  onSource?: (result: SourceResult, engine: Engine) => void;
}

/** A source as the report sees it once its claims are handed on: no claims, only their count. */
export interface CheckedSource {
  entry: SourceEntry;
  gate: GateSource;
  problem?: SourceProblem;
}

/**
 * Findings held in memory by a spilling run before they too go to disk. Reading them back costs
 * each report a pass of parsing (a minute more at 50,000 pages), and packed (src/util/packed.ts)
 * a million findings take some 120 MB, so only a corpus beyond this many pays it.
 */
export const FINDINGS_IN_MEMORY = 1_000_000;

/** Values kept in memory (packed, given pack options) up to `limit`, then all of them in a spill file. */
class Store<T> {
  private held: T[] = [];
  private packed: PackedValues<T> | undefined;
  private file: SpillFile | undefined;
  private released = 0;

  constructor(
    private limit: number,
    pack?: PackOptions,
  ) {
    if (pack) this.packed = new PackedValues<T>(pack);
  }

  get length(): number {
    return this.file ? this.file.length : this.packed ? this.packed.length : this.held.length;
  }

  get spilled(): boolean {
    return this.file !== undefined;
  }

  push(value: T): void {
    if (this.file) {
      this.file.push(value);
      return;
    }
    if (this.packed) this.packed.push(value);
    else this.held.push(value);
    if (this.length > this.limit) {
      const file = openSpill();
      if (!file) {
        this.limit = Infinity;
        return;
      }
      for (let i = 0; i < this.length; i++) file.push(this.get(i));
      this.held = [];
      this.packed = undefined;
      this.file = file;
    }
  }

  get(index: number): T {
    return this.file ? this.file.get<T>(index) : this.packed ? this.packed.get(index) : this.held[index];
  }

  /** Every value, in the order pushed. */
  all(): T[] {
    if (this.file) return spilledArray<T>(this.file, Uint32Array.from({ length: this.file.length }, (_, i) => i));
    const packed = this.packed;
    if (packed) return lazyArray<T>(packed.length, (i) => packed.get(i));
    return this.held;
  }

  /** Lets go of the values before `index` held in memory: they are not read again. */
  releaseBefore(index: number): void {
    if (this.packed) this.packed.releaseBefore(index);
    else if (!this.file) for (let i = this.released; i < Math.min(index, this.held.length); i++) this.held[i] = undefined as T;
    this.released = Math.max(this.released, index);
  }

  /** Lets go of every value (and of the spill file, if any). */
  clear(): void {
    this.held = [];
    this.packed = undefined;
    this.file?.close();
    this.file = undefined;
  }

  /** The values in this order, as an array (read from disk or unpacked as it is read, if so held). */
  array(order: Uint32Array): T[] {
    if (this.file) return sharedSpilledArray<T>(this.file, order);
    if (this.packed) return packedArray<T>(this.packed, order);
    return Array.from(order, (i) => this.held[i]);
  }
}

/** How a spilling run packs findings (src/util/packed.ts): their ids, fingerprints and claim ids are one of a kind. */
const PACK_FINDINGS: PackOptions = { unique: ['id', 'fingerprint', 'claims', 'claim'] };

export class CheckRun {
  private readonly ids = new Map<string, string>();
  /** Ids of the sources whose findings are reported (--changed-since), or undefined for all. */
  private readonly scope: Set<string> | undefined;
  private readonly reported: Set<string> | undefined;
  private readonly listedPaths: Set<string> | undefined;
  /** The claim rules' findings, source after source, each with the kind of its claim (what its fingerprint reads). */
  private readonly raw: Store<[string | null, Finding]>;
  /** The claims corpus rules read, from every source, with their verdicts (judged when first asked for). */
  private readonly views: Store<JudgedClaim>;
  private readonly sources: Array<CheckedSource & { first: number; count: number }> = [];
  /** The report's claims, per source: in memory, or their indices in the spill file. */
  private readonly blocks: Array<{ path: string; claims?: ReportClaim[]; first: number; count: number }> = [];
  private readonly spill: SpillFile | undefined;
  private readonly tally = { total: 0, byVerdict: { supported: 0, contradicted: 0, unverified: 0 } };
  /** The strings findings and views repeat (messages, quotes, paths), one copy each. */
  private readonly strings = new Interner();
  /** The path and id of the last view's page, as kept. */
  private readonly lastView = { path: '', source: '' };

  constructor(
    private readonly engine: Engine,
    private readonly options: CheckRunOptions = {},
  ) {
    const gate = options.gate ?? {};
    this.reported = reportedPaths(gate);
    this.scope = this.reported && new Set();
    this.listedPaths = gate.only && new Set(gate.only.paths);
    this.spill = options.spill ? openSpill() : undefined;
    this.raw = this.spill ? new Store(options.findingsInMemory ?? FINDINGS_IN_MEMORY, PACK_FINDINGS) : new Store(Infinity);
    // A spilling run over the whole corpus packs the views too (their judgements point at the
    // reference's facts, kept as they are). Under --changed-since a view's judgement may not be
    // made yet (made only if a corpus rule asks): those stay objects.
    const facts = new Set<object>(engine.reference.facts.values());
    this.views = this.spill && !this.scope ? new Store(Infinity, { unique: ['id'], keep: (o) => facts.has(o) }) : new Store(Infinity);
  }

  /** How many findings the claim rules have made so far (before the gate). */
  get claimRuleFindings(): number {
    return this.raw.length;
  }

  /**
   * Takes one source's result, in file order. Its claims are released here (`result.claims` is
   * emptied); the result keeps its document and problem, and its claim count.
   */
  add(result: SourceResult): CheckedSource {
    const entryOf = result.doc ?? result.problem;
    if (result.doc) {
      const seen = this.ids.get(result.doc.id);
      if (seen) {
        result.problem = { id: result.doc.id, path: result.doc.path, message: `duplicate source id "${result.doc.id}" (also used by ${seen})`, point: { line: 1, column: 1, offset: 0 } };
        result.doc = undefined;
        result.claims = [];
      } else this.ids.set(result.doc.id, result.doc.path);
    }
    this.options.onSource?.(result, this.engine);
    if (entryOf && this.reported?.has(entryOf.path)) this.scope!.add(entryOf.id);
    const ref = this.engine.reference;
    const scope = this.scope;
    const judged = judgeAll(result.claims, ref, scope && ((claim) => scope.has(claim.source)));
    const first = this.raw.length;
    if (result.claimCount !== undefined) {
      // A corpus view (--changed-since, a page outside the scope): no findings of its own to make.
      for (const j of judged) this.views.push(this.viewOf(j));
    } else {
      const made = runClaimRules(judged, ref, this.options.severities, scope && ((source) => scope.has(source)));
      if (made.length) {
        const kindOf = new Map(judged.map(({ claim }) => [claim.id, claim.kind]));
        for (const f of made) this.raw.push([kindOf.get(f.claims[0]) ?? null, this.compact(f)]);
      }
      for (const j of judged) if (readByCorpusRules(j.claim)) this.views.push(this.viewOf(j));
    }
    if (result.doc && (!this.listedPaths || this.listedPaths.has(result.doc.path)) && result.claimCount === undefined) this.list(result.doc.path, judged);
    const checked = this.checked(result);
    // Not a spread: 50,000 spread copies got a hidden class each (9 MB of shapes at 50,000 pages).
    this.sources.push({ entry: checked.entry, gate: checked.gate, problem: checked.problem, first, count: this.raw.length - first });
    // Spilled, the claims live on in the file (and the views): the result lets go of them.
    if (this.spill) result.claims = [];
    return checked;
  }

  /** A finding as it is held until the report: its repeated strings shared. */
  private compact(f: Finding): Finding {
    const s = this.strings;
    f.message = s.of(f.message);
    f.text = s.of(f.text);
    f.path = s.of(f.path);
    f.source = s.of(f.source);
    if (f.attribute !== undefined) f.attribute = s.of(f.attribute);
    return f;
  }

  /**
   * A claim as the corpus rules read it, held until they have: without its sentence (they do not
   * read it) and with its repeated strings shared; a large corpus holds a hundred thousand.
   */
  private viewOf(j: JudgedClaim): JudgedClaim {
    const strings = this.strings;
    // A claim from a cached view has no sentence, and nothing else holds it: kept as it is.
    const claim = j.claim.sentence === undefined ? j.claim : (({ sentence: _sentence, ...rest }) => rest as Claim)(j.claim);
    claim.text = strings.of(claim.text);
    // A page's claims share its path and id: looked up once per page, not once per claim.
    const last = this.lastView;
    if (claim.path !== last.path || claim.source !== last.source) {
      last.path = strings.of(claim.path);
      last.source = strings.of(claim.source);
    }
    claim.path = last.path;
    claim.source = last.source;
    claim.language = strings.of(claim.language);
    const judgement = Object.getOwnPropertyDescriptor(j, 'judgement')!;
    if (claim === j.claim) return j;
    // A judgement not made yet (--changed-since: a claim outside the scope) stays lazy.
    return judgement.get ? Object.defineProperty({ claim } as JudgedClaim, 'judgement', { get: judgement.get, enumerable: true }) : { claim, judgement: j.judgement };
  }

  /** The report's claims of one source, with their verdicts, in (place, id) order. */
  private list(path: string, judged: JudgedClaim[]): void {
    // The verdict is written onto the claim itself rather than onto a copy: a copy of every claim
    // was a fifth of the heap of a large corpus. Claims files leave these two keys out (claims-file.ts).
    const claims = judged.map(({ claim, judgement }) => {
      const c = claim as ReportClaim;
      c.verdict = judgement.verdict;
      c.fact = judgement.fact?.id;
      this.tally.byVerdict[c.verdict]++;
      return c;
    });
    claims.sort((a, b) => a.position.start.offset - b.position.start.offset || (a.id < b.id ? -1 : 1));
    this.tally.total += claims.length;
    if (!this.spill) {
      this.blocks.push({ path, claims, first: 0, count: claims.length });
      return;
    }
    const first = this.spill.length;
    for (const c of claims) this.spill.push(c);
    this.blocks.push({ path, first, count: claims.length });
  }

  private checked(r: SourceResult): CheckedSource {
    if (r.problem || !r.doc) {
      const p = r.problem!;
      return { entry: { id: p.id, path: p.path, status: 'error', claims: 0, findings: 0 }, gate: { source: p.id, path: p.path }, problem: p };
    }
    const d = r.doc;
    const entry: SourceEntry = {
      id: d.id,
      path: d.path,
      status: 'ok',
      sha256: d.sha256,
      language: d.meta.language,
      claims: r.claimCount ?? r.claims.length,
      findings: 0,
    };
    if (d.meta.title) entry.title = d.meta.title;
    if (d.meta.publisher) entry.publisher = d.meta.publisher;
    return { entry, gate: { source: d.id, path: d.path, suppressions: r.suppressions } };
  }

  /**
   * The corpus rules' findings over the views, held as the claim rules' are, with where each
   * page's are. The views are let go of here: nothing else reads them.
   */
  private corpusFindings(): { corpus: Store<Finding>; corpusOf: Map<string, number[]> } {
    const scope = this.scope;
    const views = this.views.all();
    const corpus = this.spill ? new Store<Finding>(Infinity, PACK_FINDINGS) : new Store<Finding>(Infinity);
    const corpusOf = new Map<string, number[]>();
    for (const f of runCorpusRules(views, this.engine.reference, this.options.severities ?? {}, scope && ((source) => scope.has(source)))) {
      const list = corpusOf.get(f.path);
      if (list) list.push(corpus.length);
      else corpusOf.set(f.path, [corpus.length]);
      corpus.push(this.compact(f));
    }
    this.views.clear();
    return { corpus, corpusOf };
  }

  /**
   * The corpus rules, the gate and the report, once every source is in. The gate goes source by
   * source, in path order (a source's findings are all about its own path), so the findings of a
   * large corpus go from one store to the other without all being in memory at once.
   */
  finish(): Report {
    const ref = this.engine.reference;
    const scope = this.scope;
    const severities = this.options.severities ?? {};
    const { corpus, corpusOf } = this.corpusFindings();
    const gateOptions = this.options.gate ?? {};
    const gate = new Gate(
      this.sources.map((s) => s.gate),
      severities,
      gateOptions,
    );
    const byPath = [...this.sources].sort((a, b) => (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0));
    // Packed in shared memory: the report's writer threads read the findings, not a copy (src/report/thread.ts).
    const out = this.raw.spilled ? new Store<Finding>(0) : this.spill ? new Store<Finding>(Infinity, { ...PACK_FINDINGS, shared: true }) : new Store<Finding>(Infinity);
    const blocks: Array<{ path: string; first: number; count: number }> = [];
    const suppressed: Finding[] = [];
    const tally: FindingTally = { total: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {} };
    const findingsPerPath = new Map<string, number>();
    // What the findings cite, noted as they go by: the reports list it without reading them all again.
    const cited = new Map<string, EvidenceRef>();
    const citedBySuppressed = new Map<string, EvidenceRef>();
    let printed = true;
    const keep = (path: string, findings: Finding[]): void => {
      if (!findings.length) return;
      blocks.push({ path, first: out.length, count: findings.length });
      findingsPerPath.set(path, (findingsPerPath.get(path) ?? 0) + findings.length);
      for (const f of findings) {
        out.push(f);
        addCitations(cited, f);
        if (!f.fingerprint) printed = false;
        tally.total++;
        tally.bySeverity[f.severity]++;
        tally.byRule[f.rule] = (tally.byRule[f.rule] ?? 0) + 1;
      }
    };
    const errorSeverity = severities[sourceErrorMeta.id];
    // The claim-rule findings are let go of as the gate goes: those before the first a source yet
    // to come holds (the sources came in file order, which is path order, so nearly all of them).
    const stillHeld = new Float64Array(byPath.length + 1).fill(this.raw.length);
    for (let k = byPath.length - 1; k >= 0; k--) stillHeld[k] = Math.min(stillHeld[k + 1], byPath[k].first);
    for (const [k, source] of byPath.entries()) {
      this.raw.releaseBefore(stillHeld[k]);
      const path = source.entry.path;
      const kinds = new Map<string, string>();
      const findings: Finding[] = [];
      for (let i = source.first; i < source.first + source.count; i++) {
        const [kind, f] = this.raw.get(i);
        if (kind !== null && f.claims.length) kinds.set(f.claims[0], kind);
        findings.push(f);
      }
      for (const i of corpusOf.get(path) ?? []) {
        const f = corpus.get(i);
        // A corpus finding is about one attribute: its claims are of the attribute's kind (a map
        // of every view's kind was 30 MB at 50,000 pages).
        if (f.attribute !== undefined && f.claims.length) kinds.set(f.claims[0], kindOfAttribute(f.attribute));
        findings.push(f);
      }
      corpusOf.delete(path);
      const problem = source.problem;
      if (problem && errorSeverity !== 'off' && (!scope || scope.has(problem.id))) findings.push({ ...problemFinding(problem), severity: (errorSeverity as 'error') ?? 'error' });
      if (!findings.length) continue;
      const outcome = gate.source(findings, source.gate, (id) => kinds.get(id));
      keep(path, outcome.findings);
      for (const f of outcome.suppressed) {
        suppressed.push(f);
        addCitations(citedBySuppressed, f);
      }
    }
    // Every finding has gone through the gate to `out`.
    this.raw.clear();
    corpus.clear();
    // What only the whole run can tell (waivers that matched nothing), in the place its path sorts to.
    const late = gate.finish();
    const latePaths = [...new Set(late.map((f) => f.path))];
    for (const path of latePaths) keep(path, late.filter((f) => f.path === path));
    blocks.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.first - b.first));
    const order = new Uint32Array(out.length);
    let k = 0;
    for (const b of blocks) for (let i = 0; i < b.count; i++) order[k++] = b.first + i;
    // A --changed-since report is about the changed pages: it lists those (the claims and findings
    // it holds are theirs) and counts the pages they were compared with.
    const listed = this.listedPaths;
    const sources = this.sources
      .filter(({ entry }) => !listed || listed.has(entry.path))
      .map(({ entry }) => ({ ...entry, findings: findingsPerPath.get(entry.path) ?? 0 }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    const claims = this.claims();
    const findings = out.array(order);
    if (printed) fingerprinted.add(findings);
    noteCitations(findings, cited);
    const suppressedSorted = suppressed.length ? sortFindings(suppressed) : undefined;
    if (suppressedSorted) noteCitations(suppressedSorted, citedBySuppressed);
    return {
      tool: { ...TOOL },
      reference: { id: ref.id, version: ref.version, title: ref.title, path: ref.path, sha256: ref.sha256 },
      sources,
      claims,
      findings,
      summary: summarize(sources, this.tally, tally),
      ...(suppressedSorted ? { suppressed: suppressedSorted } : {}),
      ...(gateOptions.only ? { changedSince: { ref: gateOptions.only.ref, paths: [...gateOptions.only.paths].sort(), compared: this.sources.length } } : {}),
    };
  }

  /** Every listed claim, by path, then place, then id. */
  private claims(): ReportClaim[] {
    const blocks = [...this.blocks].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    if (!this.spill) return blocks.flatMap((b) => b.claims!);
    const order = new Uint32Array(this.tally.total);
    let k = 0;
    for (const b of blocks) for (let i = 0; i < b.count; i++) order[k++] = b.first + i;
    return sharedSpilledArray<ReportClaim>(this.spill, order);
  }
}

/** A spill file, or undefined (with a note) where no temporary file can be made: the claims then stay in memory. */
function openSpill(): SpillFile | undefined {
  try {
    return new SpillFile();
  } catch (error) {
    process.stderr.write(`claimlint: no temporary file could be made in ${tmpdir()} (${(error as Error).message}); the report's claims are kept in memory\n`);
    return undefined;
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
 * The display paths whose findings a --changed-since run reports, or undefined for all. The gate
 * keeps only those anyway; knowing them before the rules run spares building (and fingerprinting)
 * the findings of the unchanged rest. When the waivers file changed, every finding is needed to
 * tell which waivers still match, so the scope is left to the gate.
 */
export function reportedPaths(gateOptions: GateOptions = {}): Set<string> | undefined {
  const only = gateOptions.only;
  if (!only || (gateOptions.waivers && only.paths.includes(gateOptions.waivers.path))) return undefined;
  return new Set(only.paths);
}
