import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Report } from '../src/report/model.js';
import type { ReferenceFile } from '../src/reference/load.js';
import { runCli } from './helpers/cli.js';
import { REFERENCE, ROOT } from './helpers/engine.js';
import { EN_PAGE, project, SAFE_FIX_REFERENCE } from './helpers/project.js';

const DIFF = `--- a/page.md
+++ b/page.md
@@ -3,9 +3,9 @@
 ---
 # Mesotherapy
 
-We use 6 mm needles for every session.
+We use 4 mm needles for every session.
 
 The treatment has no side effects.
 
 A second line.
-We also use 6 mm needles on the scalp.
+We also use 4 mm needles on the scalp.
`;

describe('claimlint fix', () => {
  it('--dry-run prints a unified diff of the safe fixes and changes nothing', () => {
    const dir = project({ 'page.md': EN_PAGE });
    const r = runCli(['fix', 'page.md', '--reference', SAFE_FIX_REFERENCE, '--dry-run'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(DIFF);
    expect(r.stderr).toBe('claimlint: would apply 2 fixes in 1 file; 1 finding with a suggestion need an editor (their reference fact is not marked safeFix)\n');
    expect(readFileSync(join(dir, 'page.md'), 'utf8')).toBe(EN_PAGE);
  });

  it('applies only suggestions whose fact is safeFix, replacing exactly the claim span, after printing the diff', () => {
    const dir = project({ 'page.md': EN_PAGE });
    const r = runCli(['fix', 'page.md', '--reference', SAFE_FIX_REFERENCE], dir);
    expect(r.stdout).toBe(DIFF);
    expect(readFileSync(join(dir, 'page.md'), 'utf8')).toBe(EN_PAGE.replaceAll('6 mm', '4 mm'));
    const after = JSON.parse(runCli(['check', 'page.md', '--reference', SAFE_FIX_REFERENCE, '--no-write', '--format', 'json'], dir).stdout) as Report;
    expect(after.findings.map((f) => f.rule)).toEqual(['unsupported-claim']);
    // Nothing left to fix safely: a second run prints no diff and leaves the file alone.
    const again = runCli(['fix', 'page.md', '--reference', SAFE_FIX_REFERENCE], dir);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/applied 0 fixes in 0 files/);
  });

  it('leaves suppressed findings alone and keeps a UTF-8 BOM', () => {
    const page = EN_PAGE.replace('We use 6 mm', '<!-- claimlint-disable-next-line contradicts-reference -- the scalp protocol uses 6 mm -->\nWe use 6 mm');
    const dir = project({ 'page.md': `\ufeff${page}` });
    runCli(['fix', 'page.md', '--reference', SAFE_FIX_REFERENCE], dir);
    const bytes = readFileSync(join(dir, 'page.md'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain('We use 6 mm needles for every session.');
    expect(text).toContain('We also use 4 mm needles on the scalp.');
  });

  it('with the canonical reference nothing is applied: no fact is marked safeFix, every suggestion needs an editor', () => {
    const r = runCli(['fix', 'sources', '--reference', REFERENCE, '--dry-run'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/would apply 0 fixes in 0 files; \d+ findings with a suggestion need an editor/);
  });
});

describe('suggestions', () => {
  const NUMERIC_OR_ASSERTION = /^(needle\.|sessions\.|safety$|efficacy$)/;

  it('every safety, efficacy and numeric fact of the reference has a suggestion in each of its languages', () => {
    const ref = parse(readFileSync(REFERENCE, 'utf8')) as ReferenceFile;
    const facts = ref.facts.filter((f) => NUMERIC_OR_ASSERTION.test(f.attribute));
    expect(facts.length).toBeGreaterThan(10);
    for (const f of facts) for (const lang of ref.languages) expect(f.suggestion?.[lang], `${f.id} (${lang})`).toMatch(/\p{L}/u);
  });

  it("every finding on a safety, efficacy or numeric claim in sources/ carries the suggestion in the page's language", () => {
    const report = JSON.parse(runCli(['check', 'sources', '--reference', REFERENCE, '--no-write', '--format', 'json'], ROOT).stdout) as Report;
    const ref = parse(readFileSync(REFERENCE, 'utf8')) as ReferenceFile;
    const facts = new Map(ref.facts.map((f) => [f.id, f]));
    const claims = new Map(report.claims.map((c) => [c.id, c]));
    let checked = 0;
    for (const f of report.findings) {
      const claim = claims.get(f.claims[0]);
      if (!claim || !/^(needle|sessions\.|safety|efficacy)/.test(claim.kind) || !claim.fact) continue;
      expect(f.suggestion, `${f.path}:${f.position.start.line} ${f.rule}`).toBe(facts.get(claim.fact)!.suggestion![claim.language]);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});
