import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSuppressions } from '../src/check/suppressions.js';
import type { Report } from '../src/report/model.js';
import { runCli } from './helpers/cli.js';
import { EN_PAGE, project, SAFE_FIX_REFERENCE } from './helpers/project.js';

/** Checks one page against the safe-fix reference and returns the report printed as JSON. */
function check(page: string, extra: string[] = []): { code: number; report: Report } {
  const dir = project({ 'page.md': page });
  const run = runCli(['check', 'page.md', '--reference', SAFE_FIX_REFERENCE, '--no-write', '--format', 'json', ...extra], dir);
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

const insertBefore = (needle: string, line: string) => EN_PAGE.replace(needle, `${line}\n${needle}`);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('parseSuppressions', () => {
  it('reads kind, rules, reason and the exact place of each comment', () => {
    const text = 'a\n<!-- claimlint-disable-next-line unsupported-claim, contradicts-reference -- quoted from the leaflet -->\nb <!-- claimlint-disable -->\n<!--claimlint-enable unsupported-claim-->';
    const d = parseSuppressions(text);
    expect(d).toHaveLength(3);
    expect(d[0]).toMatchObject({ kind: 'disable-next-line', rules: ['contradicts-reference', 'unsupported-claim'], reason: 'quoted from the leaflet' });
    expect(d[0].position.start).toEqual({ line: 2, column: 1, offset: 2 });
    expect(text.slice(d[0].position.start.offset, d[0].position.end.offset)).toBe(d[0].text);
    expect(d[1]).toMatchObject({ kind: 'disable', rules: [], position: { start: { line: 3, column: 3 } } });
    expect(d[1].reason).toBeUndefined();
    expect(d[2]).toMatchObject({ kind: 'enable', rules: ['unsupported-claim'] });
  });

  it('ignores comments that only look alike', () => {
    expect(parseSuppressions('<!-- claimlint-disabled x -- y --> <!-- eslint-disable -- z -->')).toEqual([]);
  });
});

describe('inline suppression', () => {
  it('disable-next-line with a reason moves the finding to report.suppressed, with the reason', () => {
    const base = check(EN_PAGE).report;
    const target = base.findings.find((f) => f.rule === 'contradicts-reference' && f.position.start.line === 6)!;
    const { report } = check(insertBefore('We use 6 mm', '<!-- claimlint-disable-next-line contradicts-reference -- this clinic really uses 6 mm for the scalp, see ticket 12 -->'));
    expect(report.findings.filter((f) => f.rule === 'contradicts-reference').map((f) => f.position.start.line)).toEqual([12]);
    expect(report.suppressed).toHaveLength(1);
    const s = report.suppressed![0];
    expect(s).toMatchObject({ rule: 'contradicts-reference', text: '6 mm', position: { start: { line: 7 } } });
    expect(s.suppression).toEqual({ kind: 'inline', reason: 'this clinic really uses 6 mm for the scalp, see ticket 12', path: 'page.md', line: 6, column: 1 });
    // The fingerprint comes from the claim, not its line: inserting the comment above did not change it.
    expect(s.fingerprint).toBe(target.fingerprint);
    expect(report.summary.bySeverity.error).toBe(base.summary.bySeverity.error - 1);
  });

  it('a suppression without a reason is itself an error at the comment', () => {
    const { report, code } = check(insertBefore('The treatment has', '<!-- claimlint-disable-next-line unsupported-claim -->'));
    expect(code).toBe(1);
    const f = report.findings.find((x) => x.rule === 'suppression-missing-reason')!;
    expect(f).toMatchObject({ severity: 'error', path: 'page.md', position: { start: { line: 8, column: 1 } } });
    expect(f.message).toMatch(/without a reason/);
    expect(report.findings.some((x) => x.rule === 'unsupported-claim')).toBe(false);
  });

  it('an unused suppression is a warning naming the rule', () => {
    const { report } = check(insertBefore('We use 6 mm', '<!-- claimlint-disable-next-line unsupported-claim -- not a safety claim -->'));
    const unused = report.findings.filter((x) => x.rule === 'suppression-unused');
    expect(unused).toHaveLength(1);
    expect(unused[0]).toMatchObject({ severity: 'warning', position: { start: { line: 6 } } });
    expect(unused[0].message).toMatch(/no "unsupported-claim" finding on the next line/);
    expect(report.findings.filter((x) => x.rule === 'contradicts-reference')).toHaveLength(2);
  });

  it('disable … enable covers a range, per rule; disable with no rule covers every rule to the end', () => {
    const ranged = EN_PAGE.replace('# Mesotherapy\n', '# Mesotherapy\n<!-- claimlint-disable contradicts-reference -- figures confirmed by the clinic -->\n').replace(
      'A second line.',
      '<!-- claimlint-enable contradicts-reference -->\nA second line.',
    );
    const a = check(ranged).report;
    expect(a.findings.filter((f) => f.rule === 'contradicts-reference').map((f) => f.text)).toEqual(['6 mm']);
    expect(a.findings.find((f) => f.rule === 'contradicts-reference')!.position.start.line).toBe(13);
    expect(a.findings.some((f) => f.rule === 'unsupported-claim')).toBe(true);
    expect(a.suppressed!.map((f) => f.rule)).toEqual(['contradicts-reference']);
    expect(a.findings.some((f) => f.rule.startsWith('suppression-'))).toBe(false);

    const all = check(EN_PAGE.replace('# Mesotherapy\n', '# Mesotherapy\n<!-- claimlint-disable -- legacy page, rewrite scheduled -->\n'));
    expect(all.report.findings).toEqual([]);
    expect(all.report.suppressed).toHaveLength(3);
    expect(all.code).toBe(0);
    const dir = project({ 'page.md': EN_PAGE.replace('# Mesotherapy\n', '# Mesotherapy\n<!-- claimlint-disable -- legacy page, rewrite scheduled -->\n') });
    const pretty = runCli(['check', 'page.md', '--reference', SAFE_FIX_REFERENCE, '--no-write'], dir).stdout;
    expect(pretty).toMatch(/✔ 0 findings .*\n {2}not counted: 3 suppressed inline, 0 waived/);
  });

  it('an enable that closes nothing is unused; the severity of the suppression rules is configurable', () => {
    const page = EN_PAGE.replace('A second line.', '<!-- claimlint-enable -->\nA second line.');
    expect(check(page).report.findings.filter((f) => f.rule === 'suppression-unused').map((f) => f.message)).toEqual([expect.stringMatching(/unused claimlint-enable/)]);
    const dir = project({ 'page.md': page, 'claimlint.config.yaml': 'rules:\n  suppression-unused: "off"\n' });
    const run = runCli(['check', 'page.md', '--reference', SAFE_FIX_REFERENCE, '--no-write', '--format', 'json'], dir);
    expect((JSON.parse(run.stdout) as Report).findings.some((f) => f.rule === 'suppression-unused')).toBe(false);
  });
});
