import { describe, expect, it, beforeAll } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { REFERENCE, ROOT } from './helpers/engine.js';
import { generatePage, prng } from '../bench/generate.js';
import { shardOf } from '../src/run/shard.js';
import { SETTLED_MS } from '../src/run/cache.js';
import { LARGE_RUN, leanHeapFor } from '../src/cli/scale.js';

/** A small corpus in a temp dir: the seed pages plus generated pages in four languages. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-scale-'));
  cpSync(join(ROOT, 'sources'), join(dir, 'src'), { recursive: true });
  const r = prng(7);
  for (let i = 0; i < 12; i++) {
    const page = generatePage(r, i);
    writeFileSync(join(dir, 'src', page.name), page.text);
  }
  return dir;
}

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else out[`${rel}${e.name}`] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

const ref = ['--reference', REFERENCE];

/** The entries of the cache in `dir` (its one file): every line after the header that parses. */
function cacheEntries(dir: string): Array<{ meta: { path: string }; view: unknown; result: unknown }> {
  const names = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  expect(names).toHaveLength(1);
  const [header, ...lines] = readFileSync(join(dir, names[0]), 'utf8').split('\n');
  expect(JSON.parse(header)).toMatchObject({ format: 5 });
  return lines.filter(Boolean).flatMap((line) => {
    try {
      const [meta, view, result] = line.split('\t');
      return [{ meta: JSON.parse(meta), view: JSON.parse(view), result: JSON.parse(result) }];
    } catch {
      return [];
    }
  });
}

describe('memory of large runs', () => {
  it('keeps the heap lean only for a full run of a large corpus (a --changed-since run holds little)', () => {
    expect(leanHeapFor(LARGE_RUN - 1, false)).toBe(false);
    expect(leanHeapFor(LARGE_RUN * 10, true)).toBe(false);
    expect(leanHeapFor(LARGE_RUN, false)).toBe(true);
  });
});

describe('corpus generator', () => {
  it('is reproducible from its seed and writes every language', () => {
    const a = Array.from({ length: 8 }, ((r) => (_: unknown, i: number) => generatePage(r, i))(prng(3)));
    const b = Array.from({ length: 8 }, ((r) => (_: unknown, i: number) => generatePage(r, i))(prng(3)));
    expect(a).toEqual(b);
    expect(new Set(a.map((p) => /language: (\w+)/.exec(p.text)?.[1] ?? p.name.slice(0, 2)))).toEqual(new Set(['it', 'en', 'fr', 'es']));
  });
});

describe('speed at corpus scale: jobs, cache, shards', () => {
  let dir: string;
  let single: { code: number; stdout: string; files: Record<string, string> };
  beforeAll(() => {
    dir = corpus();
    // The cache trusts a page's stat only once it is SETTLED_MS old (its ctime cannot be set back):
    // wait that long, so that the runs below read unchanged pages through their stat.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLED_MS + 100);
    const r = runCli(['check', 'src', ...ref, '--jobs', '1', '--no-cache', '--report-dir', 'r1', '--claims-dir', 'c1', '--format', 'json'], dir);
    single = { code: r.code, stdout: r.stdout, files: { ...files(join(dir, 'r1')), ...files(join(dir, 'c1')) } };
    expect(r.stderr).toBe('');
  });

  it('gives byte-identical outputs with --jobs 1 and --jobs 2 (worker threads)', () => {
    const r = runCli(['check', 'src', ...ref, '--jobs', '2', '--no-cache', '--report-dir', 'r2', '--claims-dir', 'c2', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(single.code);
    expect(r.stdout).toBe(single.stdout);
    expect({ ...files(join(dir, 'r2')), ...files(join(dir, 'c2')) }).toEqual(single.files);
    expect(JSON.parse(r.stdout).summary.sources).toBe(17);
  });

  it('with --jobs 2, the results of every thread go to the cache, and a cached run gives the same outputs', () => {
    const args = ['check', 'src', ...ref, '--jobs', '2', '--cache-location', 'pool-cache', '--report-dir', 'rp', '--claims-dir', 'cp', '--format', 'json'];
    const first = runCli(args, dir);
    expect(first.stderr).toBe('');
    expect(cacheEntries(join(dir, 'pool-cache'))).toHaveLength(17);
    // One cache file and the record of the claims files written (no entry files, no temporary files).
    expect(readdirSync(join(dir, 'pool-cache')).filter((f) => !f.endsWith('.jsonl')).map((f) => f.replace(/[0-9a-f]{16}/g, 'H'))).toEqual(['claims-files-H-H.json']);
    const second = runCli(args, dir);
    expect(second.stdout).toBe(single.stdout);
    expect({ ...files(join(dir, 'rp')), ...files(join(dir, 'cp')) }).toEqual(single.files);
  });

  it('reuses the cache when nothing changed, and re-checks an edited page', () => {
    const args = ['check', 'src', ...ref, '--jobs', '1', '--cache-location', 'cache', '--report-dir', 'rc', '--claims-dir', 'cc', '--format', 'json'];
    const cold = runCli(args, dir);
    expect(cold.stdout).toBe(single.stdout);
    expect(cacheEntries(join(dir, 'cache'))).toHaveLength(17);
    const warm = runCli(args, dir);
    expect(warm.stdout).toBe(single.stdout);
    // Every report is the same, page views, code frames and SARIF snippets included: the text of
    // a page the cache knew unchanged is read when a report shows it.
    expect(files(join(dir, 'rc'))).toEqual(files(join(dir, 'r1')));
    expect(cacheEntries(join(dir, 'cache'))).toHaveLength(17);

    // Edit one page: its claims change, the others still come from the cache.
    const page = join(dir, 'src', 'mesotherapy-en.md');
    const before = readFileSync(page, 'utf8');
    writeFileSync(page, `${before}\nWe use 13 mm needles.\n`);
    const edited = runCli(args, dir);
    const fresh = runCli(['check', 'src', ...ref, '--no-cache', '--no-write', '--format', 'json'], dir);
    expect(edited.stdout).toBe(fresh.stdout);
    expect(edited.stdout).not.toBe(single.stdout);
    writeFileSync(page, before);
    expect(runCli(args, dir).stdout).toBe(single.stdout);
  });

  it('never takes an edited page for unchanged: same size, same mtime, another ctime', () => {
    const args = ['check', 'src', ...ref, '--jobs', '1', '--cache-location', 'stat-cache', '--no-write', '--format', 'json'];
    // Stats older than the run, so that the cache may trust them.
    const page = join(dir, 'src', 'mesotherapy-en.md');
    const old = new Date(Date.now() - 60_000);
    for (const f of readdirSync(join(dir, 'src'))) utimesSync(join(dir, 'src', f), old, old);
    expect(runCli(args, dir).stdout).toBe(single.stdout);
    const before = readFileSync(page, 'utf8');
    const edited = before.replace(/\b6 mm\b/, '9 mm');
    expect(edited).not.toBe(before);
    expect(edited.length).toBe(before.length);
    writeFileSync(page, edited);
    utimesSync(page, old, old);
    const r = runCli(args, dir);
    const fresh = runCli(['check', 'src', ...ref, '--no-cache', '--no-write', '--format', 'json'], dir);
    expect(r.stdout).toBe(fresh.stdout);
    expect(r.stdout).not.toBe(single.stdout);
    // --cache-strategy content reads and hashes every page; anything else is a usage error.
    expect(runCli([...args, '--cache-strategy', 'content'], dir).stdout).toBe(fresh.stdout);
    const bad = runCli([...args, '--cache-strategy', 'mtime'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--cache-strategy must be one of metadata, content/);
    writeFileSync(page, before);
  });

  it('ignores corrupt and forged cache entries and a partial last line, and rebuilds them', () => {
    const args = ['check', 'src', ...ref, '--jobs', '1', '--cache-location', 'bad-cache', '--no-write', '--format', 'json'];
    runCli(args, dir);
    const file = join(dir, 'bad-cache', readdirSync(join(dir, 'bad-cache'))[0]);
    const lines = readFileSync(file, 'utf8').split('\n');
    // Corrupt: truncated JSON. Forged: valid JSON whose claims were tampered with (a stale or copied entry).
    lines[1] = lines[1].slice(0, lines[1].indexOf('\t') + 20);
    const [meta, view, raw] = lines[2].split('\t');
    const forged = JSON.parse(raw);
    forged.doc.path = 'src/elsewhere.md';
    lines[2] = `${meta}\t${view}\t${JSON.stringify(forged)}`;
    lines[3] = `${lines[3]}garbage`;
    // A run killed while appending: a last line without its end.
    writeFileSync(file, `${lines.join('\n')}{"path":"src/x.md","sha`);
    const r = runCli(args, dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(single.stdout);
    // Rebuilt: the three damaged pages are cached again, on lines of their own, and a warm run agrees.
    const after = cacheEntries(join(dir, 'bad-cache'));
    expect(new Set(after.map((e) => e.meta.path)).size).toBe(17);
    expect(runCli(args, dir).stdout).toBe(single.stdout);
  });

  it('reuses a restored cache in a fresh checkout (new inodes and times), as a CI job does', () => {
    const args = ['check', 'src', ...ref, '--jobs', '1', '--cache-location', 'ci-cache', '--no-write', '--format', 'json'];
    runCli(args, dir);
    // A fresh clone elsewhere, with the cache restored beside it (actions/cache in the workflow).
    const clone = mkdtempSync(join(tmpdir(), 'claimlint-clone-'));
    cpSync(join(dir, 'src'), join(clone, 'src'), { recursive: true });
    cpSync(join(dir, 'ci-cache'), join(clone, 'ci-cache'), { recursive: true });
    // Mark one page's cached result, so that its use shows in the report: a page re-extracted
    // says "6 mm", one taken from the cache says what the entry says.
    const [name] = readdirSync(join(clone, 'ci-cache')).filter((f) => f.endsWith('.jsonl'));
    const file = join(clone, 'ci-cache', name);
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('{') && JSON.parse(l.split('\t')[0]).path === 'src/mesotherapy-en.md');
    const [meta, view, raw] = lines[at].split('\t');
    const result = JSON.parse(raw);
    const claim = result.claims.find((c: { text: string }) => c.text === '6 mm');
    expect(claim).toBeDefined();
    claim.text = 'six millimetres (from the cache)';
    lines[at] = `${meta}\t${view}\t${JSON.stringify(result)}`;
    writeFileSync(file, lines.join('\n'));
    const r = runCli(args, clone);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('six millimetres (from the cache)');
    // Every other finding is the single run's (a finding's fingerprint hashes its quote).
    const ids = (out: string) => (JSON.parse(out).findings as Array<{ id: string }>).map((f) => f.id);
    expect(ids(r.stdout)).toEqual(ids(single.stdout));
    // The entries are filed again under the clone's stats, so later runs need not hash the pages:
    // a line of meta alone per page (its result stays where it is), not a second copy of the result.
    const after = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const restats = after.filter((l) => l.endsWith('\t=')).map((l) => JSON.parse(l.slice(0, -2)) as { path: string; ino: number });
    expect(restats.map((m) => m.path).sort()).toEqual(cacheEntries(join(dir, 'ci-cache')).map((e) => e.meta.path).sort());
    expect(after.length).toBe(lines.filter(Boolean).length + restats.length);
    const cached = join(clone, 'src', 'mesotherapy-en.md');
    expect(restats.find((m) => m.path === 'src/mesotherapy-en.md')!.ino).toBe(statSync(cached).ino);
    // Once those stats are settled, the clone's pages are not even read: a page changed in place
    // without its stat changing would then go unseen, so the entry's marked result still shows.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLED_MS + 100);
    expect(runCli(args, clone).stdout).toBe(r.stdout);
  });

  it('changes the cache key when the reference changes (a stale entry is never used)', () => {
    const args = (refPath: string) => ['check', 'src', '--reference', refPath, '--jobs', '1', '--cache-location', 'ref-cache', '--no-write', '--format', 'json'];
    runCli(args(REFERENCE), dir);
    const [first] = readdirSync(join(dir, 'ref-cache'));
    const copy = join(dir, 'ref.yaml');
    writeFileSync(copy, `${readFileSync(REFERENCE, 'utf8')}\n# edited\n`);
    runCli(args(copy), dir);
    const now = readdirSync(join(dir, 'ref-cache'));
    // One file per engine fingerprint; the other reference's file is gone.
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(first);
    expect(cacheEntries(join(dir, 'ref-cache'))).toHaveLength(17);
  });

  it('--shard 1/2 + --shard 2/2 + merge equals a single run byte for byte', () => {
    const shard = (i: number) => runCli(['check', 'src', ...ref, '--no-cache', '--shard', `${i}/2`, '--report-dir', `s${i}`, '--claims-dir', 'cs'], dir);
    const a = shard(1);
    const b = shard(2);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stdout).toMatch(/^shard 1\/2: \d+ of 17 sources/);
    // Between them, the shards write every claims file a single run writes, and the same.
    expect(files(join(dir, 'cs'))).toEqual(files(join(dir, 'c1')));
    const m = runCli(['merge', 's1', 's2', ...ref, '--no-cache', '--report-dir', 'rm', '--claims-dir', 'cm', '--format', 'json'], dir);
    expect(m.stderr).toBe('');
    expect(m.code).toBe(single.code);
    expect(m.stdout).toBe(single.stdout);
    expect({ ...files(join(dir, 'rm')), ...files(join(dir, 'cm')) }).toEqual(single.files);
    // Cross-source findings are there, and they span both shards.
    const report = JSON.parse(m.stdout);
    const cross = report.findings.filter((f: { rule: string }) => f.rule === 'cross-source-conflict');
    expect(cross.length).toBeGreaterThan(0);
    const shards = new Set(cross.flatMap((f: { path: string; related: Array<{ path: string }> }) => [f.path, ...f.related.map((r) => r.path)]).map((p: string) => shardOf(p, 2)));
    expect(shards).toEqual(new Set([1, 2]));
  });

  it('refuses to merge an incomplete or mixed set of shards (exit 2, naming the problem)', () => {
    runCli(['check', 'src', ...ref, '--no-cache', '--shard', '1/3', '--report-dir', 't1', '--no-write'], dir);
    const missing = runCli(['merge', 's1', ...ref, '--no-write'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing shard 2/2');
    runCli(['check', 'src', ...ref, '--no-cache', '--shard', '1/3', '--report-dir', 't1'], dir);
    const mixed = runCli(['merge', 's1', 's2', 't1', ...ref, '--no-write'], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/t1\/shard\.jsonl: shard 1\/3 does not belong/);
    writeFileSync(join(dir, 't1', 'shard.jsonl'), readFileSync(join(dir, 's2', 'shard.jsonl'), 'utf8').split('\n').slice(0, 2).join('\n'));
    const truncated = runCli(['merge', 's1', 't1', ...ref, '--no-write'], dir);
    expect(truncated.code).toBe(2);
    expect(truncated.stderr).toMatch(/truncated/);
    expect(runCli(['check', 'src', ...ref, '--shard', '3/2'], dir).code).toBe(2);
    expect(runCli(['check', 'src', ...ref, '--jobs', 'zero'], dir).code).toBe(2);
  });
});
