/**
 * Faults: a run killed while it writes leaves the previous reports whole; a report
 * directory that cannot be written gives a clear error and exit 2, and the previous
 * reports stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../src/report/model.js';
import { REFERENCE, ROOT } from './helpers/engine.js';
import { runCli } from './helpers/cli.js';
import { nobodyUnavailable } from './helpers/nobody.js';

const BIN = join(ROOT, 'bin/claimlint.js');

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-faults-'));
  cpSync(join(ROOT, 'sources'), join(dir, 'sources'), { recursive: true });
  return dir;
}

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('faults while writing outputs', () => {
  it('SIGKILL while the reports are being written leaves the previous reports intact', async () => {
    const dir = project();
    const args = ['check', 'sources', '--reference', REFERENCE, '--no-cache', '--jobs', '1', '--report-dir', 'reports', '--claims-dir', 'claims'];
    expect(runCli(args, dir).code).toBe(1);
    const before = snapshot(join(dir, 'reports'));
    const claimsBefore = snapshot(join(dir, 'claims'));
    expect(JSON.parse(before['report.json']).summary.sources).toBe(5);
    // A new page, so the next reports would differ from the previous ones.
    writeFileSync(join(dir, 'sources/new-page.md'), '---\nlanguage: en\n---\nWe use 6 mm needles, with no side effects.\n');
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, CLAIMLINT_FROM_SOURCE: '1', CLAIMLINT_TEST_WRITE_DELAY_MS: '20000' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Wait until a temporary report file exists: the run is in the middle of writing the reports.
    const started = Date.now();
    let temps: string[] = [];
    while (temps.length === 0 && Date.now() - started < 55_000) {
      await new Promise((r) => setTimeout(r, 20));
      temps = readdirSync(join(dir, 'reports')).filter((f) => f.endsWith('.tmp'));
    }
    expect(temps.length, 'a temporary report file appeared').toBeGreaterThan(0);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const after = snapshot(join(dir, 'reports'));
    for (const [name, content] of Object.entries(before)) expect(after[name], name).toBe(content);
    expect((JSON.parse(after['report.json']) as Report).summary.sources).toBe(5);
    // Claim files are whole too: each is the previous one or the new one, never half of either.
    for (const [name, content] of Object.entries(snapshot(join(dir, 'claims')))) if (!name.endsWith('.tmp') && claimsBefore[name]) expect(content.endsWith('\n'), name).toBe(true);
    // The next run completes and replaces them.
    expect(runCli(args, dir).code).toBe(1);
    expect((JSON.parse(readFileSync(join(dir, 'reports/report.json'), 'utf8')) as Report).summary.sources).toBe(6);
  }, 60_000);

  it('a report directory under a regular file gives a clear error and exit 2', () => {
    const dir = project();
    writeFileSync(join(dir, 'not-a-dir'), 'x');
    const run = runCli(['check', 'sources', '--reference', REFERENCE, '--no-cache', '--report-dir', 'not-a-dir/reports', '--claims-dir', 'claims'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^claimlint: cannot write outputs: ENOTDIR: not a directory, mkdir '.*not-a-dir\/reports'/m);
  });

  it('a read-only report directory gives a clear error, exit 2, and keeps the previous reports', (ctx) => {
    const why = nobodyUnavailable();
    if (why) {
      process.stderr.write(`skipped: ${why}\n`);
      ctx.skip();
    }
    const dir = project();
    const reports = join(dir, 'reports');
    const args = ['check', 'sources', '--reference', REFERENCE, '--no-cache', '--report-dir', 'reports', '--claims-dir', 'claims'];
    expect(runCli(args, dir).code).toBe(1);
    const before = snapshot(reports);
    chmodSync(reports, 0o555);
    let code: number | null;
    let stderr: string;
    if (process.getuid?.() === 0) {
      // root writes through mode 555: run as "nobody", whom the kernel refuses.
      chmodSync(dir, 0o777);
      mkdirSync(join(dir, 'claims'), { recursive: true });
      chmodSync(join(dir, 'claims'), 0o777);
      for (const f of readdirSync(join(dir, 'claims'))) chmodSync(join(dir, 'claims', f), 0o666);
      const run = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, uid: 65534, gid: 65534, encoding: 'utf8', env: { ...process.env, CLAIMLINT_FROM_SOURCE: '1', HOME: dir } });
      code = run.status;
      stderr = run.stderr;
    } else {
      const run = runCli(args, dir);
      code = run.code;
      stderr = run.stderr;
    }
    expect(stderr).toMatch(/^claimlint: cannot write outputs: EACCES: permission denied, open '.*reports\/\.report\.json\.[\d.]+\.tmp'/m);
    expect(code).toBe(2);
    chmodSync(reports, 0o755);
    expect(snapshot(reports)).toEqual(before);
  });
});
