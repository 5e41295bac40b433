import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFileAtomic } from '../src/util/atomic-write.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpillFile, spilledArray } from '../src/util/spill.js';
import { detached, Interner } from '../src/util/strings.js';
import { sha256, sha256Prefix } from '../src/util/hash.js';
import { collectSources, runCheck, type SourceResult } from '../src/pipeline.js';
import { forEachResult } from '../src/run/process-all.js';
import { cacheAt } from '../src/run/cache.js';
import { loadWaivers } from '../src/check/waivers.js';
import type { GateOptions } from '../src/check/gate.js';
import { displayPath } from '../src/source/read.js';
import { FORMATS, sourceTexts } from '../src/report/formats.js';
import { getEngine, REFERENCE, ROOT } from './helpers/engine.js';
import { generatePage, prng } from '../bench/generate.js';

describe('a file written in chunks', () => {
  it('holds exactly the chunks, whatever their sizes and characters, across the write buffer', () => {
    const random = prng(7);
    const alphabet = ['a', 'é', '≈', '😀', '\n', 'mm ', '–'];
    const piece = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    // Small chunks that fill the 1 MB buffer unevenly, a chunk longer than the buffer, empty ones.
    const chunks: string[] = [];
    for (let i = 0; i < 3000; i++) chunks.push(piece(Math.floor(random() * 700)));
    chunks.push(piece(600_000), '', piece(3), piece(400_000));
    for (let i = 0; i < 500; i++) chunks.push(piece(Math.floor(random() * 2000)));
    const file = join(mkdtempSync(join(tmpdir(), 'claimlint-chunks-')), 'out.txt');
    writeFileAtomic(file, chunks);
    expect(readFileSync(file, 'utf8')).toBe(chunks.join(''));
  });
});

describe('spill file', () => {
  it('gives back every value in any order, across its read window, Unicode and long lines included', () => {
    const spill = new SpillFile();
    const values = Array.from({ length: 3000 }, (_, i) => ({ i, text: i % 300 ? `≈ ${i} mm – “ago” ${'x'.repeat(i % 50)}` : 'é'.repeat(600_000 + i) }));
    for (const v of values) spill.push(v);
    expect(spill.length).toBe(values.length);
    for (const i of [0, 2999, 1, 1500, 7, 14, 1499, 2998]) expect(spill.get(i)).toEqual(values[i]);
    for (let i = 0; i < values.length; i++) expect(spill.get<{ i: number }>(i).i).toBe(i);
    expect(() => spill.get(3000)).toThrow(RangeError);
    spill.close();
  });

  it('reads back as an array: length, index, in, for…of, filter, JSON, read-only', () => {
    const spill = new SpillFile();
    for (let i = 0; i < 10; i++) spill.push({ n: i });
    const order = Float64Array.from([9, 3, 5]);
    const list = spilledArray<{ n: number }>(spill, order);
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(3);
    expect(list[1]).toEqual({ n: 3 });
    expect(list[3]).toBeUndefined();
    expect(2 in list).toBe(true);
    expect(3 in list).toBe(false);
    expect([...list].map((x) => x.n)).toEqual([9, 3, 5]);
    expect(list.filter((x) => x.n > 4).map((x) => x.n)).toEqual([9, 5]);
    expect(JSON.stringify(list)).toBe('[{"n":9},{"n":3},{"n":5}]');
    expect(JSON.stringify({ a: list }, null, 2)).toBe(JSON.stringify({ a: [{ n: 9 }, { n: 3 }, { n: 5 }] }, null, 2));
    expect(() => {
      (list as unknown as { n: number }[])[0] = { n: 1 };
    }).toThrow(TypeError);
  });
});

/** The seed pages and generated pages in four languages, in two folders (so file order is not one folder's). */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-stream-'));
  cpSync(join(ROOT, 'sources'), join(dir, 'b'), { recursive: true });
  mkdirSync(join(dir, 'a'));
  const r = prng(11);
  for (let i = 0; i < 16; i++) {
    const page = generatePage(r, i);
    writeFileSync(join(dir, i % 2 ? 'a' : 'b', page.name), page.text);
  }
  return dir;
}

describe('compact strings', () => {
  it('sha256Prefix is the prefix and the first digits of the hex hash', () => {
    for (const [data, digits, prefix] of [['a', 12, 'f-'], ['ü–≥', 32, ''], ['', 7, 'x'], ['long '.repeat(100), 64, 'c-']] as const)
      expect(sha256Prefix(data, digits, prefix)).toBe(prefix + sha256(data).slice(0, digits));
  });

  it('an interner gives back the first of equal strings, up to its limit', () => {
    const strings = new Interner(2);
    const a = ['needle', '-length'].join('');
    expect(strings.of(a)).toBe(a);
    expect(strings.of('needle-length')).toBe(a);
    strings.of('b');
    strings.of('c');
    expect(strings.size).toBe(2);
    expect(strings.of(undefined)).toBeUndefined();
    expect(detached('x'.repeat(20) + 'y')).toBe('x'.repeat(20) + 'y');
  });
});

describe('streaming check: the report is the same whether claims are held in memory or spilled', () => {
  it('renders every report format byte for byte the same, and the spilled run keeps no claims in its results', () => {
    const dir = corpus();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const run = (spill: boolean, jobs: number, findingsInMemory?: number) => runCheck({ paths: ['a', 'b'], referencePath: REFERENCE, spill, jobs, findingsInMemory });
      const held = run(false, 1);
      // Claims on disk; claims and findings on disk (the findings go there after the first 10).
      for (const spilled of [run(true, 2), run(true, 1, 10)]) {
        expect(held.report.claims.length).toBeGreaterThan(100);
        expect(held.report.findings.length).toBeGreaterThan(100);
        expect(spilled.report.claims.length).toBe(held.report.claims.length);
        expect(spilled.results.every((r) => r.claims.length === 0)).toBe(true);
        expect(held.results.some((r) => r.claims.length > 0)).toBe(true);
        for (const format of FORMATS) {
          const a = format.render(held.report, { ref: held.engine.reference, tty: false, texts: sourceTexts(held.results) });
          const b = format.render(spilled.report, { ref: spilled.engine.reference, tty: false, texts: sourceTexts(spilled.results) });
          expect(b, format.name).toBe(a);
        }
      }
    } finally {
      process.chdir(cwd);
    }
  });

  it('gates page by page as the whole corpus was gated: suppressions, waivers (matched, orphaned, expired) and spilled findings', () => {
    const dir = corpus();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      writeFileSync(
        join(dir, 'a', 'suppressed.md'),
        '# Mesotherapy\n\n<!-- claimlint-disable-next-line unsupported-claim -- quoted from a leaflet we rebut below -->\nMesotherapy has no side effects and is painless.\n\n<!-- claimlint-disable-next-line contradicts-reference -- unused on purpose -->\nWe inject at 4 mm.\n\nIt eliminates toxins. We use 6 mm needles, 3-5 sessions.\n',
      );
      const run = (gate: GateOptions, findingsInMemory?: number) => runCheck({ paths: ['a', 'b'], referencePath: REFERENCE, spill: findingsInMemory !== undefined, findingsInMemory, gate });
      const first = run({}).report;
      const target = first.findings.find((f) => f.rule === 'unverified-claim' && f.path.startsWith('b/'))!;
      const entry = (fingerprint: string, rule: string, source: string, expiry: string) =>
        `  - fingerprint: "${fingerprint}"\n    rule: ${rule}\n    source: ${source}\n    reason: reviewed by the editors\n    reviewer: Dr. Rossi\n    date: "2019-01-10"\n    expiry: "${expiry}"\n`;
      writeFileSync(join(dir, 'waivers.yaml'), `waivers:\n${entry(target.fingerprint!, target.rule, target.source, '2099-01-01')}${entry('0'.repeat(32), 'unsupported-claim', 'suppressed', '2099-01-01')}${entry('1'.repeat(32), 'unverified-claim', 'suppressed', '2020-01-01')}`);
      const gate: GateOptions = { waivers: loadWaivers(join(dir, 'waivers.yaml')), today: '2026-11-26' };
      const held = run(gate);
      expect(held.report.suppressed?.some((f) => f.suppression?.kind === 'inline')).toBe(true);
      expect(held.report.suppressed?.some((f) => f.suppression?.kind === 'waiver')).toBe(true);
      expect(held.report.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['suppression-unused', 'waiver-orphaned', 'waiver-expired']));
      for (const limit of [0, 10, 1_000_000]) {
        const spilled = run(gate, limit);
        for (const format of FORMATS) {
          const a = format.render(held.report, { ref: held.engine.reference, tty: false, texts: sourceTexts(held.results) });
          const b = format.render(spilled.report, { ref: spilled.engine.reference, tty: false, texts: sourceTexts(spilled.results) });
          expect(b, `${format.name}, ${limit} findings in memory`).toBe(a);
        }
      }
    } finally {
      process.chdir(cwd);
    }
  });

  it('keeps of each checked page only where it is: its text is read again for the reports, and not trusted if the page changed', () => {
    const dir = corpus();
    const cwd = process.cwd();
    const write = process.stderr.write;
    const notes: string[] = [];
    process.chdir(dir);
    try {
      const { results } = runCheck({ paths: ['a', 'b'], referencePath: REFERENCE, spill: true });
      const pages = results.filter((r) => r.doc).map((r) => r.doc!);
      expect(pages.length).toBeGreaterThan(10);
      // One shape for all: no page's own accessor, no claims, no suppressions kept.
      expect(pages.every((d) => Object.getOwnPropertyDescriptor(d, 'text') === undefined && Object.getPrototypeOf(d) === Object.getPrototypeOf(pages[0]))).toBe(true);
      expect(results.every((r) => r.claims.length === 0 && r.suppressions === undefined)).toBe(true);
      const texts = sourceTexts(results);
      const [same, changed] = [pages[0], pages[1]];
      expect(texts.get(same.path)).toBe(readFileSync(same.path, 'utf8').replace(/^\uFEFF/, ''));
      writeFileSync(changed.path, 'Edited after the check: 7 mm.\n');
      process.stderr.write = ((chunk: string) => notes.push(String(chunk)) > 0) as typeof process.stderr.write;
      expect(texts.get(changed.path)).toBe('');
      process.stderr.write = write;
      expect(notes.join('')).toContain(`${changed.path} changed while it was being checked; the reports quote no lines from it`);
    } finally {
      process.stderr.write = write;
      process.chdir(cwd);
    }
  });

  it('keeps the claims in memory, with a note, where no temporary file can be made', () => {
    const dir = corpus();
    const cwd = process.cwd();
    const tmp = process.env.TMPDIR;
    const write = process.stderr.write;
    const notes: string[] = [];
    process.chdir(dir);
    try {
      const held = runCheck({ paths: ['a', 'b'], referencePath: REFERENCE });
      process.env.TMPDIR = join(dir, 'no-such-dir');
      process.stderr.write = ((chunk: string) => notes.push(String(chunk)) > 0) as typeof process.stderr.write;
      const fallback = runCheck({ paths: ['a', 'b'], referencePath: REFERENCE, spill: true });
      process.stderr.write = write;
      expect(notes.join('')).toMatch(/no temporary file could be made in .*no-such-dir.*kept in memory/);
      expect(FORMATS.find((f) => f.name === 'json')!.render(fallback.report, { ref: fallback.engine.reference, tty: false })).toBe(FORMATS.find((f) => f.name === 'json')!.render(held.report, { ref: held.engine.reference, tty: false }));
    } finally {
      process.stderr.write = write;
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
      process.chdir(cwd);
    }
  });

  it('hands results on in file order, whatever thread made them, reading cached ones only when their turn comes', () => {
    const dir = corpus();
    const files = collectSources([join(dir, 'a'), join(dir, 'b')]);
    const seen: number[] = [];
    const paths: string[] = [];
    forEachResult(files, getEngine(), { jobs: 2, referencePath: REFERENCE }, (result: SourceResult, index) => {
      seen.push(index);
      paths.push(result.doc?.path ?? result.problem!.path);
    });
    expect(seen).toEqual(files.map((_, i) => i));
    expect(paths.map((p) => p.split('/').slice(-2).join('/'))).toEqual(files.map((f) => f.split('/').slice(-2).join('/')));

    // Again from a cache: each entry is read just before it is handed on, not all up front.
    const location = join(dir, 'cache');
    const engine = getEngine();
    forEachResult(files, engine, { jobs: 1, referencePath: REFERENCE, cache: cacheAt(location, engine) }, () => {});
    const cache = cacheAt(location, engine)!;
    const events: string[] = [];
    const get = cache.get.bind(cache);
    cache.get = (path, sha, view) => {
      events.push(`get ${path}`);
      return get(path, sha, view);
    };
    forEachResult(files, engine, { jobs: 1, referencePath: REFERENCE, cache }, (result) => events.push(`result ${result.doc?.path}`));
    expect(cache.hits).toBe(files.length);
    expect(events).toEqual(files.flatMap((f) => [`get ${displayPath(f)}`, `result ${displayPath(f)}`]));
  });
});
