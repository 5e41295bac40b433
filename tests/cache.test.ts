import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETTLED_MS, SourceCache, type FileStat } from '../src/run/cache.js';
import type { SourceResult } from '../src/pipeline.js';

const result = (path: string, sha256: string, text = 'x'): SourceResult => ({
  doc: { id: 'p', path, text, bodyOffset: 0, meta: { language: 'en', languageSource: 'default' }, sha256 },
  claims: [],
});
const stat = (mtimeMs: number): FileStat => ({ size: 10, mtimeMs, ctimeMs: mtimeMs, ino: 7 });

describe('the cache file (src/run/cache.ts)', () => {
  it('trusts a stat for the content hash only when it is unchanged and was settled when taken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-cache-'));
    const at = 1_800_000_000_000;
    const write = new SourceCache(dir, 'f'.repeat(64));
    write.set(result('old.md', 'a'.repeat(64)), stat(at - SETTLED_MS - 1), at);
    write.set(result('fresh.md', 'b'.repeat(64)), stat(at - 10), at);
    write.flush();
    write.close();
    const read = new SourceCache(dir, 'f'.repeat(64));
    expect(read.trustedHash('old.md', stat(at - SETTLED_MS - 1))).toBe('a'.repeat(64));
    // Modified within SETTLED_MS of the stat: a write in the same timestamp tick could hide.
    expect(read.trustedHash('fresh.md', stat(at - 10))).toBeUndefined();
    // Any difference in size, times or inode: read and hash the file.
    expect(read.trustedHash('old.md', { ...stat(at - SETTLED_MS - 1), size: 11 })).toBeUndefined();
    expect(read.trustedHash('old.md', { ...stat(at - SETTLED_MS - 1), ctimeMs: at - 5 })).toBeUndefined();
    expect(read.trustedHash('old.md', { ...stat(at - SETTLED_MS - 1), ino: 8 })).toBeUndefined();
    expect(new SourceCache(dir, 'f'.repeat(64), 'content').trustedHash('old.md', stat(at - SETTLED_MS - 1))).toBeUndefined();
    // The entry itself comes back without the page text (read from the page when shown).
    expect(read.get('old.md', 'a'.repeat(64))?.doc).not.toHaveProperty('text');
    expect(read.get('old.md', 'c'.repeat(64))).toBeUndefined();
    read.close();
  });

  it('rewrites the file with its live lines once replaced lines outnumber them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-cache-'));
    const fp = 'e'.repeat(64);
    for (let run = 0; run < 40; run++) {
      const cache = new SourceCache(dir, fp);
      cache.get('a.md', 'x');
      for (const p of ['a.md', 'b.md', 'c.md']) cache.set(result(p, String(run).padStart(64, '0')), stat(run), 2 * SETTLED_MS + run);
      cache.flush();
      cache.close();
    }
    const [name] = readdirSync(dir);
    const lines = readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean);
    // 40 runs × 3 lines appended, never more than 2 × live + 64 kept (+ the header).
    expect(lines.length).toBeLessThanOrEqual(2 * 3 + 64 + 1 + 3);
    const cache = new SourceCache(dir, fp);
    for (const p of ['a.md', 'b.md', 'c.md']) expect(cache.get(p, '39'.padStart(64, '0'))?.doc?.path).toBe(p);
    cache.close();
  });

  it('files a new stat for unchanged content as a line of meta alone, read back with the result it follows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-cache-'));
    const fp = 'a'.repeat(64);
    const at = 1_800_000_000_000;
    const sha = '1'.repeat(64);
    const first = new SourceCache(dir, fp);
    first.set(result('a.md', sha, 'a'), stat(at - 60_000), at - 50_000);
    first.set(result('b.md', '2'.repeat(64), 'b'), stat(at - 60_000), at - 50_000);
    first.flush();
    first.close();
    const file = join(dir, readdirSync(dir)[0]);
    const before = readFileSync(file, 'utf8');
    // A checkout elsewhere: same content, another inode and other times.
    const moved: FileStat = { size: 10, mtimeMs: at - 30_000, ctimeMs: at - 30_000, ino: 99 };
    const second = new SourceCache(dir, fp);
    expect(second.trustedHash('a.md', moved)).toBeUndefined();
    expect(second.get('a.md', sha)?.doc?.path).toBe('a.md');
    second.restat('a.md', moved, at);
    second.flush();
    second.close();
    const added = readFileSync(file, 'utf8').slice(before.length);
    expect(added).toMatch(/^\{"path":"a\.md".*"ino":99.*\}\t=\n$/);
    const third = new SourceCache(dir, fp);
    expect(third.trustedHash('a.md', moved)).toBe(sha);
    expect(third.get('a.md', sha)?.doc?.path).toBe('a.md');
    expect(third.get('b.md', '2'.repeat(64))?.doc?.path).toBe('b.md');
    expect(third.rejected).toBe(0);
    third.close();
    // Another run filed other content for the path between the result and the new stat: the
    // stat line stands for nothing, and the entry is dropped rather than trusted.
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const other = lines[1].replaceAll(sha, '3'.repeat(64));
    writeFileSync(file, [lines[0], lines[1], lines[2], other, lines[3], ''].join('\n'));
    const fourth = new SourceCache(dir, fp);
    expect(fourth.trustedHash('a.md', moved)).toBeUndefined();
    expect(fourth.has('a.md', sha)).toBe(false);
    expect(fourth.has('a.md', '3'.repeat(64))).toBe(false);
    expect(fourth.rejected).toBe(1);
    fourth.close();
  });

  it('rewrites a file grown by stat lines with whole lines, each under its latest stat', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-cache-'));
    const fp = 'b'.repeat(64);
    const at = 1_800_000_000_000;
    const sha = (p: string) => p.charCodeAt(0).toString(16).padStart(64, '0');
    const pages = ['a.md', 'b.md', 'c.md'];
    const first = new SourceCache(dir, fp);
    for (const p of pages) first.set(result(p, sha(p)), stat(at - 900_000), at - 800_000);
    first.flush();
    first.close();
    // A CI job per commit, each on a fresh checkout: a new stat for every page each time.
    const runs = 300;
    for (let run = 1; run <= runs; run++) {
      const cache = new SourceCache(dir, fp);
      for (const p of pages) {
        expect(cache.get(p, sha(p))?.doc?.path).toBe(p);
        cache.restat(p, { ...stat(at - 700_000 + run), ino: run }, at);
      }
      cache.flush();
      cache.close();
    }
    const [name] = readdirSync(dir);
    const lines = readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean);
    // Rewritten along the way (not 3 + 900 lines), and every entry still whole.
    expect(lines.length).toBeLessThan(1 + 3 + 3 * runs);
    expect(lines.filter((l) => !l.endsWith('\t=')).length).toBeGreaterThanOrEqual(1 + pages.length);
    const last = new SourceCache(dir, fp);
    for (const p of pages) {
      expect(last.trustedHash(p, { ...stat(at - 700_000 + runs), ino: runs })).toBe(sha(p));
      expect(last.get(p, sha(p))?.doc?.path).toBe(p);
    }
    expect(last.rejected).toBe(0);
    last.close();
  });

  it('two runs that found no file write one header between them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-cache-'));
    const fp = 'c'.repeat(64);
    const a = new SourceCache(dir, fp);
    const b = new SourceCache(dir, fp);
    expect(a.get('a.md', 'a'.repeat(64))).toBeUndefined();
    expect(b.get('b.md', 'b'.repeat(64))).toBeUndefined();
    a.set(result('a.md', 'a'.repeat(64)), stat(1), 2 * SETTLED_MS);
    b.set(result('b.md', 'b'.repeat(64)), stat(1), 2 * SETTLED_MS);
    a.flush();
    b.flush();
    const lines = readFileSync(join(dir, readdirSync(dir)[0]), 'utf8').split('\n').filter(Boolean);
    expect(lines.filter((l) => l.startsWith('{"format"'))).toHaveLength(1);
    expect(lines).toHaveLength(3);
    const c = new SourceCache(dir, fp);
    expect(c.get('a.md', 'a'.repeat(64))?.doc?.path).toBe('a.md');
    expect(c.get('b.md', 'b'.repeat(64))?.doc?.path).toBe('b.md');
    expect(c.rejected).toBe(0);
  });

  it('starts again when the header is not its own (another format, a damaged file)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-cache-'));
    const fp = 'd'.repeat(64);
    const first = new SourceCache(dir, fp);
    first.set(result('a.md', 'a'.repeat(64)), stat(1), 2 * SETTLED_MS);
    first.flush();
    first.close();
    const file = join(dir, readdirSync(dir)[0]);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"format":5', '"format":4'));
    const second = new SourceCache(dir, fp);
    expect(second.get('a.md', 'a'.repeat(64))).toBeUndefined();
    second.set(result('b.md', 'b'.repeat(64)), stat(1), 2 * SETTLED_MS);
    second.flush();
    second.close();
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(JSON.parse(lines[0])).toEqual({ format: 5, fingerprint: fp });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^\{"path":"b\.md"/);
  });
});
