/**
 * The report thread (src/report/thread.ts): the formats it writes are byte for byte what one
 * thread writes alone, whether the findings are packed in shared memory or spilled to disk; a
 * thread that fails leaves its formats to the main thread; a report that cannot be shared is
 * written by one thread.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../src/pipeline.js';
import { writeOutputs } from '../src/cli/output.js';
import { prepareReportThread, startReportThread, THREAD_FORMATS, type PreparedReportThread } from '../src/report/thread.js';
import { FORMATS } from '../src/report/formats.js';
import { arrayForm, arrayFrom, packedArray, sharedSpilledArray } from '../src/util/shared-array.js';
import { PackedValues } from '../src/util/packed.js';
import { SpillFile } from '../src/util/spill.js';
import { deepFreeze } from '../src/util/packed.js';
import { REFERENCE, ROOT } from './helpers/engine.js';
import { generatePage, prng } from '../bench/generate.js';

/** The seed pages and 40 generated pages in four languages, and a copy of the reference. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-thread-'));
  cpSync(join(ROOT, 'sources'), join(dir, 'pages'), { recursive: true });
  const r = prng(5);
  for (let i = 0; i < 40; i++) {
    const page = generatePage(r, i);
    writeFileSync(join(dir, 'pages', page.name), page.text);
  }
  copyFileSync(REFERENCE, join(dir, 'reference.yaml'));
  return dir;
}

// Compared as text: deep equality of large Buffers goes byte by byte, and slowly.
const files = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

function inCorpus<T>(fn: (dir: string) => T): T {
  const dir = corpus();
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return fn(dir);
  } finally {
    process.chdir(cwd);
  }
}

describe('arrays another thread reads', () => {
  it('read back the same values in the same order, packed in shared memory or spilled', () => {
    const values = Array.from({ length: 3000 }, (_, i) => ({ id: `f-${i}`, n: i, text: `≈ ${i} mm – “é”`, evidence: deepFreeze([{ id: 'e', n: i % 3 }]), x: i % 7 ? undefined : -1.5 }));
    const packed = new PackedValues<(typeof values)[number]>({ unique: ['id'], shared: true });
    const spill = new SpillFile();
    for (const v of values) {
      packed.push(v);
      spill.push(v);
    }
    const order = Uint32Array.from({ length: values.length }, (_, i) => (i * 7) % values.length);
    for (const array of [packedArray(packed, order), sharedSpilledArray(spill, order)]) {
      const form = arrayForm(array)!;
      expect(form).toBeDefined();
      // What postMessage does to it: a structured clone (shared memory stays shared).
      const copy = arrayFrom<unknown>(structuredClone(form));
      expect(JSON.stringify(copy)).toBe(JSON.stringify(array));
      expect(copy.length).toBe(values.length);
    }
    expect(arrayForm([1, 2, 3])).toBeUndefined();
    expect(() => PackedValues.fromParts(packed.parts()).push(values[0])).toThrow(TypeError);
    spill.close();
  });
});

describe('the report thread', () => {
  for (const findingsInMemory of [undefined, 10]) {
    it(`writes the same files as one thread alone (findings ${findingsInMemory === undefined ? 'packed in shared memory' : 'spilled to disk'})`, () => {
      inCorpus((dir) => {
        const { report, results, engine } = runCheck({ paths: ['pages'], referencePath: 'reference.yaml', spill: true, findingsInMemory });
        expect(report.findings.length).toBeGreaterThan(100);
        const jobs = FORMATS.filter((f) => THREAD_FORMATS.has(f.name)).map((f) => ({ format: f.name, path: join(dir, 'direct', f.file!) }));
        mkdirSync(join(dir, 'direct'));
        const thread = startReportThread(report, results, engine.reference.path, undefined, jobs);
        expect(thread).toBeDefined();
        const outcome = thread!.finish();
        expect(outcome.ok).toBe(true);
        writeOutputs(report, results, engine.reference, { reportDir: join(dir, 'alone'), reportThread: false });
        writeOutputs(report, results, engine.reference, { reportDir: join(dir, 'shared'), reportThread: true });
        const alone = files(join(dir, 'alone'));
        expect(Object.keys(alone).sort()).toEqual(FORMATS.filter((f) => f.file).map((f) => f.file!).sort());
        expect(files(join(dir, 'shared'))).toEqual(alone);
        // The thread's own temporary files hold what one thread writes.
        if (outcome.ok) {
          expect(outcome.done.map((d) => d.path)).toEqual(jobs.map((j) => j.path));
          for (const d of outcome.done) expect('tmp' in d && readFileSync(d.tmp, 'utf8')).toBe(alone[d.path.split('/').pop()!]);
        }
      });
    });
  }

  it('started before the report is made, reading pages ahead (all, some or none), writes the same files', () => {
    inCorpus((dir) => {
      const jobs = FORMATS.filter((f) => THREAD_FORMATS.has(f.name)).map((f) => ({ format: f.name, path: join(dir, 'direct', f.file!) }));
      mkdirSync(join(dir, 'direct'));
      let alone: Record<string, string> | undefined;
      for (const readAhead of [undefined, 5000, 0]) {
        const prepared: PreparedReportThread[] = [];
        const { report, results, engine } = runCheck({
          paths: ['pages'],
          referencePath: 'reference.yaml',
          spill: true,
          onSourcesDone: (done, { reference }, claimRuleFindings) => {
            expect(claimRuleFindings).toBeGreaterThan(50);
            for (let i = 0; i < 2; i++) prepared.push(prepareReportThread(done, reference.path, readAhead)!);
          },
        });
        expect(prepared.length).toBe(2);
        if (!alone) {
          writeOutputs(report, results, engine.reference, { reportDir: join(dir, 'alone'), reportThread: false });
          alone = files(join(dir, 'alone'));
        }
        // The thread's own temporary files hold what one thread writes.
        const outcome = prepared[0].start(report, undefined, jobs)!.finish();
        expect(outcome.ok).toBe(true);
        if (outcome.ok) for (const d of outcome.done) expect('tmp' in d && readFileSync(d.tmp, 'utf8')).toBe(alone[d.path.split('/').pop()!]);
        const out = join(dir, `ahead-${readAhead}`);
        writeOutputs(report, results, engine.reference, { reportDir: out, reportThread: true, prepared: prepared[1] });
        expect(files(out)).toEqual(alone);
      }
    });
  });

  it('reading ahead a page that changed after it was checked, quotes no lines from it, as one thread alone does', () => {
    inCorpus((dir) => {
      const jobs = [{ format: 'sarif', path: join(dir, 'direct', 'report.sarif') }];
      mkdirSync(join(dir, 'direct'));
      let prepared: PreparedReportThread | undefined;
      const { report, results, engine } = runCheck({
        paths: ['pages'],
        referencePath: 'reference.yaml',
        spill: true,
        onSourcesDone: (done, { reference }) => {
          const page = done.find((r) => r.doc)!.doc!.path;
          writeFileSync(page, `${readFileSync(page, 'utf8')}\nEdited after the check.\n`);
          prepared = prepareReportThread(done, reference.path);
        },
      });
      writeOutputs(report, results, engine.reference, { reportDir: join(dir, 'alone'), reportThread: false });
      const outcome = prepared!.start(report, undefined, jobs)!.finish();
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect('tmp' in outcome.done[0] && readFileSync(outcome.done[0].tmp, 'utf8')).toBe(readFileSync(join(dir, 'alone', 'report.sarif'), 'utf8'));
    });
  });

  it('started before the report is made and then not needed, is ended and writes nothing', () => {
    inCorpus((dir) => {
      let prepared: PreparedReportThread | undefined;
      const { report, results, engine } = runCheck({ paths: ['pages'], referencePath: 'reference.yaml', spill: true, onSourcesDone: (done, { reference }) => (prepared = prepareReportThread(done, reference.path)) });
      expect(prepared).toBeDefined();
      writeOutputs(report, results, engine.reference, { reportDir: join(dir, 'out'), reportThread: false, prepared });
      // Ended: the report can no longer be handed to it.
      expect(prepared!.start(report, undefined, [{ format: 'sarif', path: join(dir, 'late.sarif') }])).toBeUndefined();
      expect(readdirSync(dir).filter((f) => f.includes('late'))).toEqual([]);
      expect(readdirSync(join(dir, 'out')).sort()).toEqual(FORMATS.filter((f) => f.file).map((f) => f.file!).sort());
    });
  });

  it('leaves its formats to the main thread when it fails (here: the reference changed on disk), and the files are the same', () => {
    inCorpus((dir) => {
      const { report, results, engine } = runCheck({ paths: ['pages'], referencePath: 'reference.yaml', spill: true });
      writeOutputs(report, results, engine.reference, { reportDir: join(dir, 'alone'), reportThread: false });
      writeFileSync('reference.yaml', `${readFileSync('reference.yaml', 'utf8')}\n# edited\n`);
      const jobs = [{ format: 'sarif', path: join(dir, 'report.sarif') }];
      const failed = startReportThread(report, results, engine.reference.path, undefined, jobs)!.finish();
      expect(failed).toMatchObject({ ok: false, message: expect.stringContaining('changed while the run was writing its reports') });
      writeOutputs(report, results, engine.reference, { reportDir: join(dir, 'fallback'), reportThread: true });
      expect(files(join(dir, 'fallback'))).toEqual(files(join(dir, 'alone')));
      expect(readdirSync(join(dir, 'fallback')).some((f) => f.endsWith('.tmp'))).toBe(false);
    });
  });

  it('is not started for a report held in memory (nothing to share): one thread writes all', () => {
    inCorpus(() => {
      const { report, results, engine } = runCheck({ paths: ['pages'], referencePath: 'reference.yaml' });
      expect(startReportThread(report, results, engine.reference.path, undefined, [{ format: 'sarif', path: 'x.sarif' }])).toBeUndefined();
    });
  });
});
