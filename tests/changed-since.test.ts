import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../src/report/model.js';
import { runCli } from './helpers/cli.js';
import { project, SAFE_FIX_REFERENCE } from './helpers/project.js';

const page = (mm: number) => `---\nlanguage: en\n---\n# Needles\n\nWe use ${mm} mm needles.\n`;

/** A git repository with three committed pages and the reference (and any extra files); returns its directory. */
function repo(extra: Record<string, string> = {}): string {
  const dir = project({ 'sources/a.md': page(6), 'sources/b.md': page(5), 'sources/c.md': page(4) }, 'git');
  copyFileSync(SAFE_FIX_REFERENCE, join(dir, 'reference.yaml'));
  for (const [name, text] of Object.entries(extra)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'pages');
  return dir;
}

const check = (dir: string, ...extra: string[]) => {
  const r = runCli(['check', 'sources', '--reference', 'reference.yaml', '--no-write', '--format', 'json', ...extra], dir);
  return { ...r, report: r.code === 2 ? undefined : (JSON.parse(r.stdout) as Report) };
};

describe('--changed-since', () => {
  it('reports findings only for changed and untracked sources, while cross-source comparison still reads every source', () => {
    const dir = repo();
    appendFileSync(join(dir, 'sources/b.md'), '\nAsk us about the treatment.\n');
    writeFileSync(join(dir, 'sources/d.md'), page(13));
    const all = check(dir).report!;
    const { report, code } = check(dir, '--changed-since', 'HEAD');
    expect(code).toBe(1);
    expect([...new Set(all.findings.map((f) => f.path))]).toEqual(['sources/a.md', 'sources/b.md', 'sources/c.md', 'sources/d.md']);
    expect([...new Set(report!.findings.map((f) => f.path))]).toEqual(['sources/b.md', 'sources/d.md']);
    expect(report!.changedSince).toEqual({ ref: 'HEAD', paths: ['sources/b.md', 'sources/d.md'], compared: 4 });
    // Every page was still read: the conflict on b names the unchanged pages a and c.
    const conflict = report!.findings.find((f) => f.rule === 'cross-source-conflict' && f.path === 'sources/b.md')!;
    expect(conflict.related!.map((r) => r.source).sort()).toEqual(['a', 'c', 'd']);
    // The report is about the changed pages: it lists those, as a full run lists them.
    const changed = (path: string) => path === 'sources/b.md' || path === 'sources/d.md';
    expect(report!.sources).toEqual(all.sources.filter((s) => changed(s.path)));
    expect(report!.summary.sources).toBe(2);
    expect(new Set(report!.claims.map((c) => c.path))).toEqual(new Set(['sources/b.md', 'sources/d.md']));
    // The findings of changed pages are those of a full run.
    expect(report!.findings).toEqual(all.findings.filter((f) => f.path === 'sources/b.md' || f.path === 'sources/d.md'));
  });

  it('says in every summary that the sources counted are the changed ones, and how many pages they were compared with', () => {
    const dir = repo();
    writeFileSync(join(dir, 'sources/b.md'), page(7));
    const run = (format: string) => runCli(['check', 'sources', '--reference', 'reference.yaml', '--no-write', '--format', format, '--changed-since', 'HEAD'], dir).stdout;
    expect(run('pretty')).toMatch(/ in 1 source changed since HEAD, compared with 3 read; 1 claims/);
    expect(run('markdown')).toMatch(/\*\*1\*\* sources changed since HEAD, compared with 3 read \(0 unreadable\)/);
    expect(run('github')).toMatch(/in 1 sources changed since HEAD, compared with 3 read$/m);
    expect(run('html')).toMatch(/<strong>1<\/strong> sources changed since HEAD, compared with 3 read/);
  });

  it('an unchanged page whose cached view is damaged is read again, and the report is the same', () => {
    const dir = repo();
    writeFileSync(join(dir, 'sources/b.md'), page(7));
    const clean = check(dir, '--changed-since', 'HEAD', '--no-cache').report!;
    check(dir);
    const cacheDir = join(dir, '.claimlint-cache');
    const file = join(cacheDir, readdirSync(cacheDir).find((n) => n.endsWith('.jsonl'))!);
    // Page a's view (the second field of its line) cut short: not JSON any more.
    const lines = readFileSync(file, 'utf8').split('\n').map((line) => {
      const [meta, view, result] = line.split('\t');
      return meta.includes('"sources/a.md"') ? `${meta}\t${view.slice(0, 30)}\t${result}` : line;
    });
    writeFileSync(file, lines.join('\n'));
    const r = check(dir, '--changed-since', 'HEAD');
    expect(r.stderr).toBe('');
    expect(r.report!.findings).toEqual(clean.findings);
    expect(r.report!.findings.find((f) => f.rule === 'cross-source-conflict')!.related!.map((x) => x.source)).toContain('a');
  });

  it('writes claims files only for the changed sources and leaves (never prunes) the others', () => {
    const dir = repo();
    const write = (...extra: string[]) => runCli(['check', 'sources', '--reference', 'reference.yaml', '--claims-dir', 'out/claims', '--report-dir', 'out/reports', ...extra], dir);
    expect(write().code).toBe(1);
    const claimsFile = (id: string) => readFileSync(join(dir, 'out/claims', `${id}.yaml`), 'utf8');
    const before = { a: claimsFile('a'), b: claimsFile('b') };
    // A marker in a's file shows whether the scoped run rewrote it.
    writeFileSync(join(dir, 'out/claims/a.yaml'), `${before.a}# kept\n`);
    writeFileSync(join(dir, 'sources/b.md'), page(7));
    expect(write('--changed-since', 'HEAD').code).toBe(1);
    expect(claimsFile('a')).toBe(`${before.a}# kept\n`);
    expect(claimsFile('c')).toMatch(/\bc\b/);
    expect(claimsFile('b')).not.toBe(before.b);
    expect(claimsFile('b')).toMatch(/\b7\b/);
  });

  it('a full run (not --changed-since) still removes the claims file of a page that is gone', () => {
    const dir = repo();
    const write = () => runCli(['check', '--reference', 'reference.yaml', '--claims-dir', 'out/claims', '--report-dir', 'out/reports'], dir);
    expect(write().code).toBe(1);
    expect(readdirSync(join(dir, 'out/claims')).sort()).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    rmSync(join(dir, 'sources/c.md'));
    write();
    expect(readdirSync(join(dir, 'out/claims')).sort()).toEqual(['a.yaml', 'b.yaml']);
  });

  it('a changed waivers file brings back the waiver problems of unchanged sources, judged against all their findings', () => {
    const entry = (fingerprint: string) => `  - fingerprint: "${fingerprint}"\n    rule: cross-source-conflict\n    source: a\n    reason: accepted after review\n    reviewer: Dr. Bianchi\n    date: "2026-01-12"\n    expiry: "2099-12-31"\n`;
    const dir = repo({ 'claims/waivers.yaml': `waivers:\n${entry('0'.repeat(32))}` });
    appendFileSync(join(dir, 'sources/b.md'), '\nAsk us about the treatment.\n');
    const full = check(dir);
    expect(full.stderr).toBe('');
    const all = full.report!;
    const scoped = check(dir, '--changed-since', 'HEAD').report!;
    // The waivers file did not change: its problems about page a are out of scope.
    expect(all.findings.filter((f) => f.rule === 'waiver-orphaned').map((f) => f.source)).toEqual(['a']);
    expect(scoped.findings).toEqual(all.findings.filter((f) => f.path === 'sources/b.md'));
    // Now it changes, with a second waiver that matches a real finding of (unchanged) page a:
    // only the first is orphaned, which needs a's findings although a is not in scope.
    const conflictOfA = all.findings.find((f) => f.rule === 'cross-source-conflict' && f.source === 'a')!;
    writeFileSync(join(dir, 'claims/waivers.yaml'), `waivers:\n${entry('0'.repeat(32))}${entry(conflictOfA.fingerprint!)}`);
    const withWaivers = check(dir, '--changed-since', 'HEAD').report!;
    expect(withWaivers.findings.filter((f) => f.rule === 'waiver-orphaned')).toHaveLength(1);
    expect(withWaivers.findings.filter((f) => f.path === 'sources/b.md')).toEqual(all.findings.filter((f) => f.path === 'sources/b.md'));
  });

  it('a page that is a symlink counts as changed when its target changed', () => {
    const dir = repo({ 'shared/e.md': page(9) });
    symlinkSync('../shared/e.md', join(dir, 'sources/e.md'));
    execFileSync('git', ['add', 'sources/e.md'], { cwd: dir, stdio: 'pipe' });
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'link'], { cwd: dir, stdio: 'pipe' });
    writeFileSync(join(dir, 'shared/e.md'), page(11));
    const { report } = check(dir, '--changed-since', 'HEAD');
    expect(report!.changedSince).toEqual({ ref: 'HEAD', paths: ['sources/e.md'], compared: 4 });
    expect(new Set(report!.findings.map((f) => f.path))).toEqual(new Set(['sources/e.md']));
  });

  it('nothing changed: no findings, exit 0', () => {
    const dir = repo();
    const { report, code } = check(dir, '--changed-since', 'HEAD');
    expect(code).toBe(0);
    expect(report!.findings).toEqual([]);
  });

  it('a changed reference re-checks every source', () => {
    const dir = repo();
    appendFileSync(join(dir, 'reference.yaml'), '\n# reviewed\n');
    const r = check(dir, '--changed-since', 'HEAD');
    expect(r.stderr).toMatch(/reference\.yaml changed, so every source is checked/);
    expect(r.report!.changedSince).toBeUndefined();
    expect(new Set(r.report!.findings.map((f) => f.path)).size).toBe(3);
  });

  it('an unknown ref is a usage error (exit 2)', () => {
    const dir = repo();
    const r = check(dir, '--changed-since', 'no-such-branch');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--changed-since: unknown git ref "no-such-branch"/);
  });
});
