/**
 * A disk that fills up while the reports are written: the run stops with a clear error and
 * exit 2, the previous reports stay as they were, and no temporary file is left behind.
 * The file system is simulated: once the budget of bytes is spent, every write fails with
 * ENOSPC. The budget lets report.json (written first) out whole, so the disk fills while a later
 * report is written: finished temporary files must go too, and none may be renamed into place.
 */
import { describe, expect, it, vi } from 'vitest';

const disk = vi.hoisted(() => ({ full: false, budget: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, data: unknown, ...rest: unknown[]) => {
    if (disk.full) {
      const size = typeof data === 'string' ? Buffer.byteLength(data) : typeof rest[1] === 'number' ? rest[1] : (data as Uint8Array).byteLength;
      disk.budget -= size;
      if (disk.budget < 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    return (fs.writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const { REFERENCE, ROOT } = await import('./helpers/engine.js');
const { runCli } = await import('./helpers/cli.js');

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('a full disk while writing outputs', () => {
  it('stops with ENOSPC and exit 2, keeps the previous reports and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-disk-'));
    cpSync(join(ROOT, 'sources'), join(dir, 'sources'), { recursive: true });
    const args = ['check', 'sources', '--reference', REFERENCE, '--no-cache', '--jobs', '1', '--report-dir', 'reports', '--claims-dir', 'claims'];
    expect(runCli(args, dir).code).toBe(1);
    const before = snapshot(join(dir, 'reports'));
    // A new page, so that the next reports would differ from the previous ones.
    writeFileSync(join(dir, 'sources/new-page.md'), '---\nlanguage: en\n---\nWe use 6 mm needles, with no side effects.\n');
    disk.full = true;
    disk.budget = Buffer.byteLength(before['report.json']) + 20_000;
    let r: ReturnType<typeof runCli>;
    try {
      r = runCli(args, dir);
    } finally {
      disk.full = false;
    }
    expect(disk.budget).toBeLessThan(0);
    expect(r.stderr).toMatch(/^claimlint: cannot write outputs: ENOSPC: no space left on device/m);
    expect(r.code).toBe(2);
    expect(snapshot(join(dir, 'reports'))).toEqual(before);
    expect(readdirSync(join(dir, 'reports')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
