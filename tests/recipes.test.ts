import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FORMATS } from '../src/report/formats.js';
import { DEFAULT_CACHE_LOCATION } from '../src/run/cache.js';
import { REFERENCE, ROOT } from './helpers/engine.js';
import { runCli } from './helpers/cli.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

const load = (path: string) => parse(readFileSync(join(ROOT, path), 'utf8'), { strict: true, uniqueKeys: true });

/** The claimlint arguments of a shell line such as `npx claimlint check --format github`. */
function claimlintArgs(line: string): string[] {
  const m = /(?:npx claimlint|npm run (?:--silent |-s )?claimlint --)\s+([^\n;&|>]*)/.exec(line);
  return m ? m[1].trim().split(/\s+/) : [];
}

describe('GitHub Actions workflow (.github/workflows/claimlint.yml)', () => {
  const wf = load('.github/workflows/claimlint.yml') as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
  };
  const steps = Object.values(wf.jobs)[0].steps;
  const checkIndex = steps.findIndex((s) => s.run && claimlintArgs(s.run).length > 0);
  const check = steps[checkIndex];

  it('runs on pull requests and may upload to code scanning', () => {
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(wf.permissions['security-events']).toBe('write');
  });

  it('checks out, sets up Node 20 and installs with npm ci before checking', () => {
    const uses = steps.map((s) => s.uses ?? '');
    expect(uses.findIndex((u) => u.startsWith('actions/checkout@'))).toBeLessThan(checkIndex);
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!;
    expect(String(node.with?.['node-version'])).toBe('20');
    expect(steps.findIndex((s) => s.run?.trim() === 'npm ci')).toBeLessThan(checkIndex);
  });

  it('runs a claimlint command line that the CLI accepts, without stopping the job on findings', () => {
    const args = claimlintArgs(check.run!);
    expect(args[0]).toBe('check');
    const format = args[args.indexOf('--format') + 1];
    expect(FORMATS.map((f) => f.name)).toContain(format);
    expect(check.run).toMatch(/set \+e/);
    expect(check.run).toMatch(/>> "\$GITHUB_OUTPUT"/);
    // The same arguments, run here (writing to a temporary directory): exit 0 or 1, never a usage error.
    const out = mkdtempSync(join(tmpdir(), 'claimlint-wf-'));
    const rest = args.slice(1).map((a, i, all) => (all[i - 1] === '--report-dir' ? join(out, 'reports') : a));
    const env = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = join(out, 'summary.md');
    try {
      const run = runCli(['check', ...rest, '--reference', REFERENCE, '--claims-dir', join(out, 'claims')], ROOT);
      expect(run.stderr).toBe('');
      expect([0, 1]).toContain(run.code);
    } finally {
      if (env === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = env;
    }
    expect(readFileSync(join(out, 'reports/report.sarif'), 'utf8')).toMatch(/"version": "2.1.0"/);
  });

  it('restores the incremental cache where the check keeps it, before the check, keyed per commit', () => {
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache).toBeGreaterThan(-1);
    expect(cache).toBeLessThan(checkIndex);
    const args = claimlintArgs(check.run!);
    expect(args).not.toContain('--no-cache');
    const location = args.includes('--cache-location') ? args[args.indexOf('--cache-location') + 1] : DEFAULT_CACHE_LOCATION;
    const { path, key, 'restore-keys': restore } = steps[cache].with as Record<string, string>;
    expect(path).toBe(location);
    // A new key per commit (a cache entry is never overwritten), falling back to the latest one.
    expect(key).toContain('${{ github.sha }}');
    const prefixes = restore.trim().split('\n');
    expect(prefixes.length).toBeGreaterThan(0);
    for (const prefix of prefixes) expect(key.startsWith(prefix.trim())).toBe(true);
  });

  it('uploads the SARIF file the check wrote, even when the check found errors, then fails the job', () => {
    const upload = steps.findIndex((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload).toBeGreaterThan(checkIndex);
    expect(steps[upload].if).toMatch(/always\(\)/);
    const args = claimlintArgs(check.run!);
    const reportDir = args.includes('--report-dir') ? args[args.indexOf('--report-dir') + 1] : 'reports';
    const sarifFile = FORMATS.find((f) => f.name === 'sarif')!.file;
    expect(steps[upload].with?.sarif_file).toBe(`${reportDir}/${sarifFile}`);
    const gate = steps.findIndex((s) => s.if?.includes(`steps.${check.id}.outputs.exit-code`));
    expect(gate).toBeGreaterThan(upload);
    expect(steps[gate].run).toMatch(/exit 1/);
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hooks = load('.pre-commit-hooks.yaml') as { id: string; name: string; entry: string; language: string; files: string; pass_filenames: boolean }[];
  const hook = hooks.find((h) => h.id === 'claimlint')!;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  it('defines the claimlint hook with the keys pre-commit needs', () => {
    expect(hook).toMatchObject({ id: 'claimlint', name: expect.any(String), language: 'node', pass_filenames: true });
    const [bin, ...args] = hook.entry.split(/\s+/);
    expect(Object.keys(pkg.bin)).toContain(bin);
    expect(args[0]).toBe('check');
    expect(args).toContain('--no-write');
  });

  it('selects pages, not every Markdown file', () => {
    const files = new RegExp(hook.files);
    expect(files.test('sources/clinica-rossi.md')).toBe(true);
    expect(files.test('sources/en/page.txt')).toBe(true);
    expect(files.test('README.md')).toBe(false);
  });

  it('its entry accepts file names as pre-commit passes them', () => {
    const args = hook.entry.split(/\s+/).slice(1);
    const run = runCli([...args, '--reference', REFERENCE, 'sources/mesotherapy-en.md'], ROOT);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^sources\/mesotherapy-en\.md$/m);
  });

  it('the README shows a .pre-commit-config.yaml that uses it', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => /^repos:/m.test(b));
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const config = parse(block) as { repos: { repo: string; hooks: { id: string }[] }[] };
      expect(config.repos.flatMap((r) => r.hooks.map((h) => h.id))).toContain('claimlint');
    }
  });
});
