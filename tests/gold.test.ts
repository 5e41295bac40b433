import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/engine.js';
import { CORE_KINDS, evaluate } from './gold/evaluate.js';

/**
 * Extraction quality on the hand-annotated gold set (tests/gold/): the core
 * kinds must keep precision >= 0.95 and recall >= 0.90. `npm run eval` prints
 * the full table.
 */
describe('gold set', () => {
  const e = evaluate();

  it('covers at least 20 pages in four languages', () => {
    expect(e.pages).toBeGreaterThanOrEqual(20);
    expect(Object.keys(e.byLanguage).sort()).toEqual(['en', 'es', 'fr', 'it']);
  });

  for (const kind of CORE_KINDS) {
    it(`${kind}: precision >= 0.95 and recall >= 0.90`, () => {
      const s = e.byKind[kind];
      expect(s, `no gold claims of kind ${kind}`).toBeDefined();
      expect(s.precision, `${kind} precision`).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, `${kind} recall`).toBeGreaterThanOrEqual(0.9);
    });
  }
});

describe('annotated sets', () => {
  for (const set of ['gold', 'gold-holdout', 'gold-blind', 'gold-final'].filter((s) => existsSync(join(ROOT, 'tests', s)))) {
    it(`${set}: every quote is in its page and every value is in the annotation scheme`, () => {
      const run = spawnSync(process.execPath, [join(ROOT, 'tests/gold/check-quotes.mjs'), join(ROOT, 'tests', set)], { encoding: 'utf8' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
    });
  }
});
