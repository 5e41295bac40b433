/**
 * Hostile files: every one is read correctly or becomes a precise source-error,
 * and the batch goes on (issue 7). Files are generated in temp dirs.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSources, processSource } from '../src/pipeline.js';
import { MAX_SOURCE_BYTES } from '../src/source/read.js';
import { LineIndex } from '../src/util/positions.js';
import type { Report } from '../src/report/model.js';
import { getEngine, REFERENCE, ROOT } from './helpers/engine.js';
import { runCli } from './helpers/cli.js';
import { nobodyUnavailable } from './helpers/nobody.js';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `claimlint-hostile-${prefix}-`));

const PAGE = 'Mesoterapia.\nGli aghi usati sono lunghi 6 mm e la seduta dura venti minuti.\n';
const FRONT = '---\nlanguage: it\n---\n';

/** Runs the CLI on a directory and returns the report it prints (nothing is written). */
function checkDir(dir: string): { code: number; report: Report; stderr: string } {
  const run = runCli(['check', dir, '--reference', REFERENCE, '--format', 'json', '--no-write'], dir);
  return { code: run.code, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

function sourceErrors(report: Report): Record<string, string> {
  return Object.fromEntries(report.findings.filter((f) => f.rule === 'source-error').map((f) => [f.path.split('/').pop()!, f.message]));
}

/** Asserts the needle claim "6 mm" sits at the expected line and column, and its text is the decoded file's. */
function expectNeedleAt(path: string, line: number, column: number): void {
  const r = processSource(path, getEngine());
  expect(r.problem).toBeUndefined();
  const claim = r.claims.find((c) => c.kind === 'needle')!;
  expect(claim, JSON.stringify(r.claims.map((c) => c.text))).toBeDefined();
  expect(claim.text).toBe('6 mm');
  expect(claim.position.start).toMatchObject({ line, column });
  const text = r.doc!.text;
  expect(text.slice(claim.position.start.offset, claim.position.end.offset)).toBe(claim.text);
  expect(new LineIndex(text).point(claim.position.start.offset)).toEqual(claim.position.start);
}

describe('hostile bytes and encodings', () => {
  it('refuses binary, NUL and invalid UTF-8 with the byte offset, and checks the other files', () => {
    const dir = tmp('bytes');
    writeFileSync(join(dir, 'good.md'), FRONT + PAGE);
    writeFileSync(join(dir, 'png.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    writeFileSync(join(dir, 'nul.txt'), Buffer.concat([Buffer.from('Aghi da 6 mm.'), Buffer.from([0]), Buffer.from('resto')]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('Controindicazioni: gravidanza, et\xe0 avanzata.', 'latin1'));
    writeFileSync(join(dir, 'overlong.md'), Buffer.from([0x61, 0x62, 0xc0, 0xaf, 0x63])); // overlong "/"
    writeFileSync(join(dir, 'surrogate.md'), Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62])); // UTF-8-encoded lone surrogate
    writeFileSync(join(dir, 'truncated.md'), Buffer.from([0x61, 0x62, 0x63, 0xe2, 0x82])); // cut inside "€"
    const { code, report } = checkDir(dir);
    expect(code).toBe(1);
    const errors = sourceErrors(report);
    expect(errors['png.md']).toMatch(/binary content \(NUL byte\).* at byte 8$/);
    expect(errors['nul.txt']).toMatch(/NUL byte.* at byte 13$/);
    expect(errors['latin1.md']).toMatch(/invalid UTF-8 byte sequence at byte 33$/);
    expect(errors['overlong.md']).toMatch(/invalid UTF-8 byte sequence at byte 2$/);
    expect(errors['surrogate.md']).toMatch(/invalid UTF-8 byte sequence at byte 1$/);
    expect(errors['truncated.md']).toMatch(/invalid UTF-8 byte sequence at byte 3$/);
    expect(errors['good.md']).toBeUndefined();
    expect(report.claims.some((c) => c.path.endsWith('good.md') && c.kind === 'needle')).toBe(true);
  });

  it('reads UTF-8 with a BOM and UTF-16 LE/BE with a BOM, with positions in the decoded text', () => {
    const dir = tmp('bom');
    const text = FRONT + PAGE; // "6 mm" on line 5, column 28
    writeFileSync(join(dir, 'utf8-bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    writeFileSync(join(dir, 'utf16le.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = Buffer.from(text, 'utf16le');
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    writeFileSync(join(dir, 'utf16be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    for (const f of ['utf8-bom.md', 'utf16le.md', 'utf16be.md']) expectNeedleAt(join(dir, f), 5, 28);
    const { report } = checkDir(dir);
    expect(report.sources.map((s) => s.status)).toEqual(['ok', 'ok', 'ok']);
    // Each source's SHA-256 is of its raw bytes: three encodings, three hashes.
    expect(new Set(report.sources.map((s) => s.sha256)).size).toBe(3);
  });

  it('keeps line and column right under CRLF and lone CR line ends', () => {
    const dir = tmp('eol');
    writeFileSync(join(dir, 'crlf.md'), (FRONT + PAGE).replace(/\n/g, '\r\n'));
    writeFileSync(join(dir, 'cr.md'), (FRONT + PAGE).replace(/\n/g, '\r'));
    writeFileSync(join(dir, 'mixed.md'), `---\r\nlanguage: it\n---\r${PAGE.replace('\n', '\r\n')}`);
    for (const f of ['crlf.md', 'cr.md', 'mixed.md']) expectNeedleAt(join(dir, f), 5, 28);
  });

  it('reports empty and whitespace-only files, with or without front matter', () => {
    const dir = tmp('empty');
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'spaces.txt'), ' \t\r\n\n \u00a0\n');
    writeFileSync(join(dir, 'bom-only.md'), Buffer.from([0xef, 0xbb, 0xbf]));
    writeFileSync(join(dir, 'front-only.md'), `${FRONT}\n  \n`);
    const errors = sourceErrors(checkDir(dir).report);
    expect(errors['empty.md']).toMatch(/the file is empty/);
    expect(errors['spaces.txt']).toMatch(/only whitespace/);
    expect(errors['bom-only.md']).toMatch(/only whitespace/);
    expect(errors['front-only.md']).toMatch(/front matter but no text/);
  });

  it(`refuses a 50 MB file with a clear source-error (limit ${MAX_SOURCE_BYTES} bytes) and one byte over the limit`, () => {
    const dir = tmp('big');
    const line = 'Gli aghi usati sono lunghi 4 mm e la seduta dura venti minuti, senza fretta.\n';
    writeFileSync(join(dir, 'huge.md'), line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    writeFileSync(join(dir, 'page.md'), FRONT + PAGE);
    const { report } = checkDir(dir);
    expect(sourceErrors(report)['huge.md']).toMatch(/file is \d{8} bytes; the limit is 2097152 bytes/);
    expect(report.sources.find((s) => s.path.endsWith('page.md'))?.status).toBe('ok');
    // One byte over the limit is refused before anything is read.
    const over = join(dir, 'over.md');
    writeFileSync(over, FRONT + PAGE + '\n'.repeat(MAX_SOURCE_BYTES + 1 - Buffer.byteLength(FRONT + PAGE)));
    expect(processSource(over, getEngine()).problem?.message).toBe(`file is ${MAX_SOURCE_BYTES + 1} bytes; the limit is ${MAX_SOURCE_BYTES} bytes (2 MiB): split the page or check it is really a page`);
  });

  it('survives front matter alias bombs, broken YAML and odd keys as source-errors (crashed the run before)', () => {
    const dir = tmp('front');
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]'].join('\n');
    writeFileSync(join(dir, 'bomb.md'), `---\n${bomb}\n---\n${PAGE}`);
    writeFileSync(join(dir, 'unclosed.md'), `---\nlanguage: it\n${PAGE}`);
    writeFileSync(join(dir, 'list.md'), `---\n- a\n- b\n---\n${PAGE}`);
    writeFileSync(join(dir, 'proto.md'), `---\n__proto__: {polluted: yes}\nlanguage: it\nid: "../../etc"\n---\n${PAGE}`);
    writeFileSync(join(dir, 'tag.md'), `---\nlanguage: !!js/function "function(){}"\n---\n${PAGE}`);
    const { report } = checkDir(dir);
    const errors = sourceErrors(report);
    expect(errors['bomb.md']).toMatch(/front matter is not usable YAML: Excessive alias count/);
    expect(errors['unclosed.md']).toMatch(/never closed/);
    expect(errors['list.md']).toMatch(/must be a YAML mapping/);
    expect(errors['proto.md']).toMatch(/"id" must be letters/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A custom tag is not resolved: the value stays a plain string ("function(){}" is not a language).
    expect(errors['tag.md']).toMatch(/no vocabulary for language/);
  });

  it('reads pages nested 1,000 and 5,000 deep and 100,000-character lines (stack overflow and a minutes-long stall before)', () => {
    const dir = tmp('deep');
    writeFileSync(join(dir, 'quotes.md'), `${'> '.repeat(5000)}Gli aghi sono lunghi 6 mm.\n`);
    writeFileSync(join(dir, 'lists.md'), Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- aghi da 6 mm`).join('\n'));
    writeFileSync(join(dir, 'long.md'), `${FRONT}${'Aghi di 6 mm, '.repeat(8000)}\n`);
    for (const f of ['quotes.md', 'lists.md', 'long.md']) {
      const r = processSource(join(dir, f), getEngine(), 'it');
      expect(r.problem, f).toBeUndefined();
      const needle = r.claims.find((c) => c.kind === 'needle');
      expect(needle?.text, f).toMatch(/6 mm$/);
      expect(r.doc!.text.slice(needle!.position.start.offset, needle!.position.end.offset)).toBe(needle!.text);
    }
  });
});

describe('hostile paths', () => {
  it('reads paths with spaces and non-ASCII names, and a directory outside the working directory', () => {
    const dir = tmp('names');
    mkdirSync(join(dir, 'pagine cliniche'));
    writeFileSync(join(dir, 'pagine cliniche', 'médico é ñ 東京.md'), FRONT + PAGE);
    writeFileSync(join(dir, 'pagine cliniche', 'спина.txt'), FRONT + PAGE.replace('6 mm', '4 mm'));
    const { report } = checkDir(dir);
    expect(report.sources.map((s) => [s.path, s.status, s.id])).toEqual([
      ['pagine cliniche/médico é ñ 東京.md', 'ok', 'medico-e-n'],
      ['pagine cliniche/спина.txt', 'ok', 'source'],
    ]);
    // Checked from elsewhere (the repository root), the directory's files are still found.
    const elsewhere = runCli(['check', join(dir, 'pagine cliniche'), '--reference', REFERENCE, '--format', 'json', '--no-write'], ROOT);
    expect((JSON.parse(elsewhere.stdout) as Report).summary.sources).toBe(2);
  });

  it('follows symlinks only inside the project, and walks symlink loops once', () => {
    const outside = tmp('outside');
    writeFileSync(join(outside, 'secret.md'), FRONT + PAGE);
    const project = tmp('project');
    const src = join(project, 'sources');
    mkdirSync(join(src, 'sub'), { recursive: true });
    writeFileSync(join(src, 'page.md'), FRONT + PAGE);
    writeFileSync(join(project, 'shared.md'), FRONT + PAGE.replace('6 mm', '4 mm'));
    symlinkSync(join(outside, 'secret.md'), join(src, 'escape.md'));
    symlinkSync(outside, join(src, 'escape-dir'));
    symlinkSync(join(project, 'shared.md'), join(src, 'inside.md'));
    symlinkSync(src, join(src, 'sub', 'loop'));
    symlinkSync(join(src, 'missing.md'), join(src, 'dangling.md'));
    const found = collectSources([src], project).map((f) => f.slice(project.length + 1));
    expect(found).toEqual(['sources/inside.md', 'sources/page.md']);
    // Named on the command line, a file is read wherever it is.
    expect(collectSources([join(src, 'escape.md')], project)).toHaveLength(1);
  });

  it('tells a named pipe on the command line apart as not a regular file, without waiting for a writer', () => {
    const dir = tmp('fifo');
    const fifo = join(dir, 'pipe.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Opened for reading in the ordinary way, a pipe with no writer blocks: the test would hang.
    const r = processSource(fifo, getEngine());
    expect(r.problem?.message).toBe('not a regular file');
    expect(r.claims).toEqual([]);
  });

  it('reports an unreadable file as permission denied and checks the others', (ctx) => {
    const why = nobodyUnavailable();
    if (why) {
      process.stderr.write(`skipped: ${why}\n`);
      ctx.skip();
    }
    const dir = tmp('perm');
    writeFileSync(join(dir, 'open.md'), FRONT + PAGE);
    writeFileSync(join(dir, 'locked.md'), FRONT + PAGE);
    chmodSync(join(dir, 'locked.md'), 0o000);
    chmodSync(dir, 0o755);
    let stdout: string;
    if (process.getuid?.() === 0) {
      // root reads through chmod 000: run the CLI as "nobody" instead, so the kernel really refuses.
      const run = spawnSync(process.execPath, [join(ROOT, 'bin/claimlint.js'), 'check', dir, '--reference', REFERENCE, '--format', 'json', '--no-write'], {
        cwd: dir,
        uid: 65534,
        gid: 65534,
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(1);
      stdout = run.stdout;
    } else {
      stdout = runCli(['check', dir, '--reference', REFERENCE, '--format', 'json', '--no-write'], dir).stdout;
    }
    const report = JSON.parse(stdout) as Report;
    expect(sourceErrors(report)['locked.md']).toMatch(/permission denied \(EACCES\): the file cannot be read/);
    expect(report.sources.find((s) => s.path.endsWith('open.md'))?.status).toBe('ok');
    chmodSync(join(dir, 'locked.md'), 0o644);
    expect(readFileSync(join(dir, 'locked.md'), 'utf8')).toContain('6 mm');
  });
});
