/**
 * Session counts in tables: a package's sessions are an offer, not a course (tests/gold/README.md).
 * A table's column is one thing when the table has three columns or more: a package of a pricing
 * tier table, or a treatment of a comparison table.
 */
import { describe, expect, it } from 'vitest';
import { claimsOf } from './helpers/engine.js';

const counts = (text: string, lang: string) => claimsOf(text, lang).filter((c) => c.kind === 'sessions.count').map((c) => [(c.value as { min: number }).min, (c.value as { max: number }).max]);

describe('session counts in tables', () => {
  it('a pricing tier table: the sessions of a priced package are no course', () => {
    const tiers = '| | BÁSICO | PLUS | PREMIUM |\n|---|---|---|---|\n| Sesiones | 4 | 8 | 12 |\n| Precio | $3,600 MXN | $6,400 MXN | $8,900 MXN |\n';
    expect(counts(tiers, 'es')).toEqual([]);
    const noPrice = tiers.replace(/\| Precio .*\n/, '');
    expect(counts(noPrice, 'es')).toEqual([
      [4, 4],
      [8, 8],
      [12, 12],
    ]);
  });

  it("a comparison table: the treatment's own column keeps its course beside a price per session", () => {
    const comparison = '| | Mesotherapy | PRP |\n|---|---|---|\n| Typical course | 4–10 sessions | 3 sessions |\n| UK price (guide) | £150–£250 / session | £300–£500 / session |\n';
    expect(counts(comparison, 'en')).toContainEqual([4, 10]);
  });

  it('a two-column table of labels and values: a price in another row leaves the count', () => {
    const facts = '| | |\n|---|---|\n| Anzahl der Sitzungen | 6 bis 8 |\n| Kosten | ab 60 € pro Sitzung |\n';
    expect(counts(facts, 'de')).toEqual([[6, 8]]);
  });
});
