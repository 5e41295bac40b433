import type { Claim, ContraindicationValue, Finding, RelatedValue } from '../../types.js';
import type { JudgedClaim, Rule, RuleMeta } from '../rule.js';
import { evidenceOf, localized } from '../rule.js';
import { ATTRIBUTE_LABELS, attributeOf, formatValue, referenceCell } from '../format-value.js';
import { contentId } from '../../util/hash.js';
import { deepFreeze } from '../../util/packed.js';
import type { Fact } from '../../reference/load.js';

const meta: RuleMeta = {
  id: 'cross-source-conflict',
  description: 'Two or more pages state different values for the same attribute.',
  defaultSeverity: 'warning',
  docs: 'Pages of the same publisher or topic disagree (4 mm here, 6 mm there; 3–5 sessions here, 4–5 there; a contraindication absolute here and relative there). The finding names the other pages and their values, and what the reference holds; align the pages on the reference.',
};

/** Statements quoted per other value; the others are counted in the message. */
export const EXAMPLES_PER_VALUE = 2;
/** Other values named, the most frequent first; the rest are counted. */
export const MAX_VALUES = 4;

const COMPARED = new Set(['needle.length', 'needle.depth', 'needle.gauge', 'sessions.count', 'sessions.frequency', 'sessions.frequency.maintenance']);

/** The value compared across sources, or undefined when the claim takes no part. */
function comparable({ claim }: { claim: Claim }): string | undefined {
  if (claim.modifiers.negated) return undefined;
  const attribute = attributeOf(claim);
  if (COMPARED.has(attribute)) return formatValue(claim).replace(/^≈/, '');
  // For contraindications only the strength can conflict: pages are not exhaustive lists.
  if (claim.kind === 'contraindication') {
    const s = (claim.value as ContraindicationValue).strength;
    return s === 'unspecified' ? undefined : s;
  }
  return undefined;
}

export const crossSourceConflict: Rule = {
  meta,
  scope: 'corpus',
  reads: (claim) => comparable({ claim }) !== undefined,
  *check(items, ctx) {
    // Items by attribute and page, as indices into `items`, with each one's compared value and
    // claim id: a large corpus's items are held packed and made again at each read (src/check/
    // run.ts), so the rule keeps numbers and reads again only the few statements it quotes.
    const groups = new Map<string, Map<string, number[]>>();
    const valueOf: string[] = [];
    const idOf: string[] = [];
    // A few dozen distinct values among hundreds of thousands of items: one string each.
    const values = new Map<string, string>();
    for (let i = 0; i < items.length; i++) {
      const { claim } = items[i];
      const made = comparable({ claim });
      if (made === undefined) continue;
      let value = values.get(made);
      if (value === undefined) values.set(made, (value = made));
      valueOf[i] = value;
      idOf[i] = claim.id;
      const attribute = attributeOf(claim);
      let bySource = groups.get(attribute);
      if (!bySource) groups.set(attribute, (bySource = new Map()));
      const list = bySource.get(claim.source);
      if (list) list.push(i);
      else bySource.set(claim.source, [i]);
    }
    for (const [attribute, bySource] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (bySource.size < 2) continue;
      const valuesOf = (list: number[]) => new Set(list.map((i) => valueOf[i]));
      const sources = [...bySource].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      // Every stated value, with the pages stating it and its first few statements, in (source,
      // place) order: a page is compared with each other value once, not with every other page,
      // so large corpora stay linear. Only the statements a finding quotes are kept.
      const byValue = new Map<string, RelatedValue[]>();
      const pagesOf = new Map<string, string[]>();
      for (const [other, otherList] of sources)
        for (const i of otherList) {
          const v = valueOf[i];
          let examples = byValue.get(v);
          let pages = pagesOf.get(v);
          if (!examples || !pages) {
            byValue.set(v, (examples = []));
            pagesOf.set(v, (pages = []));
          }
          if (examples.length < EXAMPLES_PER_VALUE) {
            const { claim } = items[i];
            // A copy: the list is frozen, and the claim's own position is not this rule's to freeze.
            examples.push({ source: other, path: claim.path, claim: claim.id, value: v, text: claim.text, position: structuredClone(claim.position) });
          }
          // Sources come in order, so a page already counted for this value is the last one.
          if (pages[pages.length - 1] !== other) pages.push(other);
        }
      // Each other value once, with how many pages state it and a few of those statements as
      // examples: in a corpus of thousands the finding stays small and says what matters.
      const valueOrder = [...byValue.keys()].sort((a, b) => pagesOf.get(b)!.length - pagesOf.get(a)!.length || (a < b ? -1 : 1));
      const label = ATTRIBUTE_LABELS[attribute] ?? attribute.replace(':', ' ');
      /** What a page stating `mine` is told of the others: the statements quoted, and the message. */
      const againstOthers = (mine: Set<string>, fact: Fact | undefined): { related: RelatedValue[]; message: string } => {
        const related: RelatedValue[] = [];
        const others: string[] = [];
        let restValues = 0;
        for (const v of valueOrder) {
          // A value this page does not state comes only from other pages.
          if (mine.has(v)) continue;
          const entries = byValue.get(v)!;
          const pages = pagesOf.get(v)!;
          // Beyond the most frequent values only a count: listing their pages would make the
          // rule quadratic in a large corpus.
          if (others.length >= MAX_VALUES) {
            restValues++;
            continue;
          }
          related.push(...entries);
          others.push(pages.length <= EXAMPLES_PER_VALUE ? `${v} (${pages.join(', ')})` : `${v} (${pages.length} pages, e.g. ${pages.slice(0, EXAMPLES_PER_VALUE).join(', ')})`);
        }
        if (restValues > 0) others.push(`and ${restValues} other value${restValues === 1 ? '' : 's'}`);
        // Frozen: the findings sharing it are held packed (src/util/packed.ts), which keeps a
        // frozen value once instead of a copy per finding.
        return { related: deepFreeze(related), message: `${label}: this page says ${[...mine].join(', ')}; other pages say ${others.join('; ')}${fact ? `; the reference: ${referenceCell(fact)}` : ''}` };
      };
      // Pages that state the same values are told the same of the others: made once and shared
      // (a large corpus has a hundred thousand such findings, and a few dozen distinct ones).
      const shared = new Map<string, { related: RelatedValue[]; message: string }>();
      for (const [source, list] of sources) {
        if (ctx.inScope && !ctx.inScope(source)) continue;
        const mine = valuesOf(list);
        const first = items[list[0]];
        const fact = first.judgement.fact;
        const key = `${fact?.id ?? ''}\u0000${[...mine].join('\u0000')}`;
        let against = shared.get(key);
        if (!against) shared.set(key, (against = againstOthers(mine, fact)));
        if (against.related.length === 0) continue;
        const severity = ctx.severity(meta, undefined);
        if (!severity) continue;
        const finding: Finding = {
          id: contentId('f', meta.id, source, attribute),
          rule: meta.id,
          severity,
          verdict: 'conflict',
          source,
          path: first.claim.path,
          position: first.claim.position,
          text: first.claim.text,
          claims: list.map((i) => idOf[i]),
          attribute,
          message: against.message,
          evidence: evidenceOf(ctx.ref, fact),
          related: against.related,
        };
        const expected = localized(fact?.statement, 'en');
        if (expected) finding.expected = expected;
        const suggestion = localized(fact?.suggestion, first.claim.language);
        if (suggestion) finding.suggestion = suggestion;
        yield finding;
      }
    }
  },
};
