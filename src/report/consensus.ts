import type { Report, ReportClaim } from './model.js';
import type { CountValue, NeedleValue } from '../types.js';
import type { Reference } from '../reference/load.js';
import { factKey } from '../reference/load.js';
import { ATTRIBUTE_LABELS, attributeOf, formatValue, referenceCell } from '../check/format-value.js';
import { PackedValues } from '../util/packed.js';
import { lazyRecord, plainKeyOrder } from '../util/lazy.js';

export interface ConsensusCell {
  values: Array<{ value: string; verdict: ReportClaim['verdict']; claim: string; text: string; line: number; column: number }>;
}

export interface ConsensusRow {
  attribute: string;
  label: string;
  group: string;
  cells: Record<string, ConsensusCell>;
  reference: string;
  /** True when sources state different values. */
  disagreement: boolean;
}

const GROUP_ORDER = ['needle', 'sessions', 'contraindication', 'adverse-effect', 'safety', 'efficacy', 'indication', 'substance', 'aftercare', 'history'];

// The Markdown and HTML reports of one run read the same table: built once per report
// (its callers only read it).
const built = new WeakMap<Report, { ref: Reference; claims: Report['claims']; rows: readonly ConsensusRow[]; ranges: ClaimRanges | undefined; numbers: Map<string, NumericSummary> }>();

/** A page's value of a numeric attribute (needle length, depth or gauge, number of sessions). */
export interface NumericStatement {
  source: string;
  min: number | null;
  max: number | null;
  verdict: ReportClaim['verdict'];
  text: string;
  claim: string;
}

/** Past this many statements of an attribute, a report shows each value with how many pages state it. */
export const LISTED_STATEMENTS = 40;

/**
 * What the pages state of one numeric attribute, each page's distinct values once: how many, the
 * first LISTED_STATEMENTS + 1 in report order, and per value (min, max, verdict) its first
 * statement and how many pages state it. Bounded however large the corpus.
 */
export interface NumericSummary {
  count: number;
  first: NumericStatement[];
  byValue: Map<string, { statement: NumericStatement; pages: number }>;
}

/** The numeric attributes' summaries, gathered on the table's pass over the claims (a large corpus's are read from disk). */
export function numericSummaries(report: Report, ref: Reference): Map<string, NumericSummary> {
  consensusRows(report, ref);
  return built.get(report)!.numbers;
}

/** Where each page's claims are in report.claims (first, end), when each page's are together. */
type ClaimRanges = Map<string, [number, number]>;

/** Attribute × source table: what each page says, and what the reference holds. */
export function consensusRows(report: Report, ref: Reference): readonly ConsensusRow[] {
  const seen = built.get(report);
  if (seen && seen.ref === ref && seen.claims === report.claims) return seen.rows;
  const { rows, ranges, numbers } = buildRows(report, ref);
  built.set(report, { ref, claims: report.claims, rows, ranges, numbers });
  return rows;
}

/**
 * The claims of the given pages, by path, in report order. A large corpus's claims are read from
 * disk one by one: where the table was built for this report, only these pages' are read (it noted
 * where each page's claims are); otherwise all are read once.
 */
export function claimsOfPaths(report: Report, paths: ReadonlySet<string>): Map<string, ReportClaim[]> {
  const byPath = new Map<string, ReportClaim[]>();
  const seen = built.get(report);
  const ranges = seen && seen.claims === report.claims ? seen.ranges : undefined;
  if (ranges) {
    for (const path of paths) {
      const range = ranges.get(path);
      if (!range) continue;
      const list: ReportClaim[] = [];
      for (let i = range[0]; i < range[1]; i++) list.push(report.claims[i]);
      byPath.set(path, list);
    }
    return byPath;
  }
  for (const c of report.claims) {
    if (!paths.has(c.path)) continue;
    const list = byPath.get(c.path);
    if (list) list.push(c);
    else byPath.set(c.path, [c]);
  }
  return byPath;
}

/**
 * Where one row's cells are: the pages that have one (by their number in the table's list of
 * pages, increasing, as pages come in path order) and each one's packed cell. Eight bytes a cell:
 * an object keyed by page was a hash table of 50,000 entries per row.
 */
class RowCells {
  private pages = new Uint32Array(8);
  private cells = new Uint32Array(8);
  length = 0;

  /** The packed cell of page `page`, or undefined. */
  get(page: number): number | undefined {
    const i = this.find(page);
    return i < this.length && this.pages[i] === page ? this.cells[i] : undefined;
  }

  set(page: number, cell: number): void {
    const i = this.length && this.pages[this.length - 1] < page ? this.length : this.find(page);
    if (i < this.length && this.pages[i] === page) {
      this.cells[i] = cell;
      return;
    }
    if (this.length === this.pages.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(Math.ceil(a.length * 1.5));
        b.set(a);
        return b;
      };
      this.pages = grow(this.pages);
      this.cells = grow(this.cells);
    }
    this.pages.copyWithin(i + 1, i, this.length);
    this.cells.copyWithin(i + 1, i, this.length);
    this.pages[i] = page;
    this.cells[i] = cell;
    this.length++;
  }

  /** The pages with a cell, in order. */
  *pageNumbers(): Generator<number> {
    for (let i = 0; i < this.length; i++) yield this.pages[i];
  }

  /** The first position whose page is not below `page`. */
  private find(page: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pages[mid] < page) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A row while the table is built: where each page's cell is packed, and the distinct value sets seen. */
interface Building {
  row: ConsensusRow;
  index: RowCells;
  /** How many cells say each set of values. */
  distinct: Map<string, number>;
}

/** What a cell says, "≈" or not: cells with different keys disagree. */
export const distinctKey = (values: ConsensusCell['values']): string =>
  values
    .map((v) => v.value.replace(/^≈/, ''))
    .sort()
    .join('|');

function count(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n) counts.set(key, n);
  else counts.delete(key);
}

function buildRows(report: Report, ref: Reference): { rows: ConsensusRow[]; ranges: ClaimRanges | undefined; numbers: Map<string, NumericSummary> } {
  const rows = new Map<string, Building>();
  const numbers = new Map<string, NumericSummary>();
  const stated = new Set<string>();
  // Where each page's claims start and end; dropped if a page's claims are not all together.
  let ranges: ClaimRanges | undefined = new Map();
  let rangePath: string | undefined;
  let claimIndex = 0;
  // A cell per page and attribute: a large corpus has hundreds of thousands, saying the same few
  // values in the same few words. They are packed (src/util/packed.ts: the repeated strings kept
  // once) as each page's claims are all read, and made again when a report reads them.
  const packed = new PackedValues<ConsensusCell>({ unique: ['claim'] });
  // The pages, numbered as they first come (path order): a row's cells are listed in that order.
  const pageNumber = new Map<string, number>();
  const pageIds: string[] = [];
  let source = '';
  let page = -1;
  const open = new Map<Building, ConsensusCell>();
  const close = (): void => {
    for (const [b, cell] of open) {
      const at = b.index.get(page);
      if (at !== undefined) {
        // A page whose claims did not all come together (in a report they do: path order): one cell.
        const before = packed.get(at).values;
        count(b.distinct, distinctKey(before), -1);
        cell.values = [...before, ...cell.values.filter((v) => !before.some((w) => w.value === v.value))];
      }
      b.index.set(page, packed.push(cell));
      count(b.distinct, distinctKey(cell.values), 1);
    }
    open.clear();
  };
  for (const c of report.claims) {
    if (ranges && c.path !== rangePath) {
      if (ranges.has(c.path)) ranges = undefined;
      else ranges.set((rangePath = c.path), [claimIndex, claimIndex]);
    }
    if (ranges) ranges.get(c.path)![1] = ++claimIndex;
    if (c.source !== source) {
      close();
      source = c.source;
      const known = pageNumber.get(source);
      if (known !== undefined) page = known;
      else {
        pageNumber.set(source, (page = pageIds.length));
        pageIds.push(source);
      }
    }
    if (c.modifiers.negated) continue;
    const attribute = attributeOf(c);
    if (c.kind === 'needle' || c.kind === 'sessions.count') {
      const v = c.value as NeedleValue | CountValue;
      const key = `${attribute}\u0000${c.source}\u0000${v.min}\u0000${v.max}`;
      if (!stated.has(key)) {
        stated.add(key);
        let summary = numbers.get(attribute);
        if (!summary) numbers.set(attribute, (summary = { count: 0, first: [], byValue: new Map() }));
        const statement: NumericStatement = { source: c.source, min: v.min, max: v.max, verdict: c.verdict, text: c.text, claim: c.id };
        summary.count++;
        if (summary.first.length <= LISTED_STATEMENTS) summary.first.push(statement);
        const valueKey = `${v.min}\u0000${v.max}\u0000${c.verdict}`;
        const same = summary.byValue.get(valueKey);
        if (same) same.pages++;
        else summary.byValue.set(valueKey, { statement, pages: 1 });
      }
    }
    let b = rows.get(attribute);
    if (!b) {
      const [group, concept] = attribute.includes(':') ? attribute.split(':') : [attribute.split('.')[0], undefined];
      const fact = concept ? ref.facts.get(factKey(group, concept)) : ref.facts.get(attribute.replace('.maintenance', ''));
      const unit = attribute.startsWith('needle.') ? (attribute === 'needle.gauge' ? 'G' : 'mm') : '';
      const index = new RowCells();
      const row: ConsensusRow = {
        attribute,
        label: ATTRIBUTE_LABELS[attribute] ?? `${group}: ${ref.concepts.get(concept ?? '')?.label.en ?? concept}`,
        group,
        cells: lazyRecord(
          () => plainKeyOrder(Array.from(index.pageNumbers(), (n) => pageIds[n])),
          (id) => {
            const n = pageNumber.get(id);
            const at = n === undefined ? undefined : index.get(n);
            return at === undefined ? undefined : packed.get(at);
          },
        ),
        reference: referenceCell(fact, unit),
        disagreement: false,
      };
      rows.set(attribute, (b = { row, index, distinct: new Map() }));
    }
    let cell = open.get(b);
    if (!cell) open.set(b, (cell = { values: [] }));
    // Concept rows say whether the page states it (and how strongly, for contraindications).
    const strength = c.kind === 'contraindication' ? (c.value as { strength: string }).strength : 'unspecified';
    const value = ATTRIBUTE_LABELS[attribute] ? formatValue(c) : strength === 'unspecified' ? 'stated' : strength;
    if (!cell.values.some((v) => v.value === value)) cell.values.push({ value, verdict: c.verdict, claim: c.id, text: c.text, line: c.position.start.line, column: c.position.start.column });
  }
  close();
  for (const b of rows.values()) b.row.disagreement = b.index.length > 1 && b.distinct.size > 1 && !!ATTRIBUTE_LABELS[b.row.attribute];
  return {
    rows: [...rows.values()].map((b) => b.row).sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || (a.attribute < b.attribute ? -1 : 1)),
    ranges,
    numbers,
  };
}
