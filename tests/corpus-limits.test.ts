/** Limits that only show at corpus scale, checked without generating the corpus on disk. */
import { describe, expect, it } from 'vitest';
import { judgeAll, runRules } from '../src/check/index.js';
import type { Claim, NeedleValue } from '../src/types.js';
import { claimsOf, getEngine } from './helpers/engine.js';

describe('a corpus of 150,000 pages', () => {
  it('gets a cross-source finding per page without overflowing the call stack (found at 50,000 pages)', () => {
    const [needle] = claimsOf('Usiamo aghi da 4 mm.').filter((c) => c.kind === 'needle');
    expect(needle).toBeDefined();
    const claims: Claim[] = Array.from({ length: 150_000 }, (_, i) => {
      const source = `p${String(i).padStart(6, '0')}`;
      const mm = (i % 5) + 2;
      return { ...needle, id: `c-${source}`, source, path: `site/${source}.md`, value: { ...(needle.value as NeedleValue), min: mm, max: mm } };
    });
    const findings = runRules(judgeAll(claims, getEngine().reference), getEngine().reference).filter((f) => f.rule === 'cross-source-conflict');
    expect(findings).toHaveLength(150_000);
  });
});
