import type { Report, ReportClaim } from './model.js';
import type { Reference } from '../reference/load.js';
import { factKey } from '../reference/load.js';
import { ATTRIBUTE_LABELS, attributeOf, formatValue, referenceCell } from '../check/format-value.js';
import { Interner } from '../util/strings.js';

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
const built = new WeakMap<Report, { ref: Reference; claims: Report['claims']; rows: readonly ConsensusRow[] }>();

/** Attribute × source table: what each page says, and what the reference holds. */
export function consensusRows(report: Report, ref: Reference): readonly ConsensusRow[] {
  const seen = built.get(report);
  if (seen && seen.ref === ref && seen.claims === report.claims) return seen.rows;
  const rows = buildRows(report, ref);
  built.set(report, { ref, claims: report.claims, rows });
  return rows;
}

function buildRows(report: Report, ref: Reference): ConsensusRow[] {
  const rows = new Map<string, ConsensusRow>();
  // A cell per page and attribute: a large corpus has hundreds of thousands, saying the same few
  // values in the same few words. Those strings are kept once (claims read back from disk
  // bring a copy each).
  const strings = new Interner();
  for (const c of report.claims) {
    if (c.modifiers.negated) continue;
    const attribute = attributeOf(c);
    let row = rows.get(attribute);
    if (!row) {
      const [group, concept] = attribute.includes(':') ? attribute.split(':') : [attribute.split('.')[0], undefined];
      const fact = concept ? ref.facts.get(factKey(group, concept)) : ref.facts.get(attribute.replace('.maintenance', ''));
      const unit = attribute.startsWith('needle.') ? (attribute === 'needle.gauge' ? 'G' : 'mm') : '';
      row = {
        attribute,
        label: ATTRIBUTE_LABELS[attribute] ?? `${group}: ${ref.concepts.get(concept ?? '')?.label.en ?? concept}`,
        group,
        cells: {},
        reference: referenceCell(fact, unit),
        disagreement: false,
      };
      rows.set(attribute, row);
    }
    const cell = (row.cells[c.source] ??= { values: [] });
    // Concept rows say whether the page states it (and how strongly, for contraindications).
    const strength = c.kind === 'contraindication' ? (c.value as { strength: string }).strength : 'unspecified';
    const value = ATTRIBUTE_LABELS[attribute] ? formatValue(c) : strength === 'unspecified' ? 'stated' : strength;
    if (!cell.values.some((v) => v.value === value))
      cell.values.push({ value: strings.of(value), verdict: strings.of(c.verdict) as ReportClaim['verdict'], claim: c.id, text: strings.of(c.text), line: c.position.start.line, column: c.position.start.column });
  }
  for (const row of rows.values()) {
    const distinct = new Set(Object.values(row.cells).map((cell) => cell.values.map((v) => v.value.replace(/^≈/, '')).sort().join('|')));
    row.disagreement = Object.keys(row.cells).length > 1 && distinct.size > 1 && !!ATTRIBUTE_LABELS[row.attribute];
  }
  return [...rows.values()].sort(
    (a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || (a.attribute < b.attribute ? -1 : 1),
  );
}
