import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeFrame } from '../src/report/code-frame.js';
import { createProgress, renderBar } from '../src/cli/progress.js';
import { prettyChunks, renderPretty } from '../src/report/pretty.js';
import { runCheck } from '../src/pipeline.js';
import { sourceTexts } from '../src/report/formats.js';
import { REFERENCE, ROOT } from './helpers/engine.js';
import { runCli } from './helpers/cli.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('code frame', () => {
  it('underlines the span under the line', () => {
    const [line, marks] = codeFrame('Usiamo aghi da 6 mm per la cellulite.', 16, 20, { line: 12 });
    expect(line).toBe('  12 │ Usiamo aghi da 6 mm per la cellulite.');
    expect(marks).toBe('     │                ^^^^');
    expect(line.indexOf('6 mm')).toBe(marks.indexOf('^'));
  });

  it('expands tabs and keeps the carets under the span', () => {
    const [line, marks] = codeFrame('\tcon\taghi da 6 mm', 14, 18, { line: 3, tabSize: 4 });
    expect(line).toBe('   3 │     con aghi da 6 mm');
    expect(line.slice(marks.indexOf('^'), marks.lastIndexOf('^') + 1)).toBe('6 mm');
    expect(line).not.toContain('\t');
  });

  it('cuts long lines to a window around the span, with … at the cut ends', () => {
    const text = `${'a'.repeat(300)} 6 mm ${'b'.repeat(300)}`;
    const [line, marks] = codeFrame(text, 302, 306, { line: 1, width: 80 });
    expect(line.length).toBeLessThanOrEqual(80);
    expect(line).toMatch(/│ …a+ 6 mm b+…$/);
    expect(line.slice(marks.indexOf('^'), marks.lastIndexOf('^') + 1)).toBe('6 mm');
  });

  it('counts an astral character as one cell and gives an empty span one caret', () => {
    const [line, marks] = codeFrame('😀 ok', 4, 4, { line: 1 });
    expect(marks.indexOf('^')).toBe(Array.from(line).indexOf('o'));
    expect(marks.match(/\^/g)).toHaveLength(1);
  });
});

describe('pretty output', () => {
  const { report, results } = runCheck({ paths: [`${ROOT}sources`], referencePath: REFERENCE });

  it('shows a code frame under each finding on a terminal, in colour', () => {
    const out = renderPretty(report, { color: true, codeFrames: true, texts: sourceTexts(results), width: 100 });
    expect(out).toMatch(/\x1b\[31m/);
    const plain = strip(out).split('\n');
    const i = plain.findIndex((l) => /unsupported-claim$/.test(l) && l.includes('"disintossicare"'));
    expect(plain[i + 1]).toMatch(/^ +\d+ │ .*disintossicare/);
    expect(plain[i + 2]).toMatch(/^ +│ +\^{14}$/);
    expect(plain[i + 1].indexOf('disintossicare')).toBe(plain[i + 2].indexOf('^'));
  });

  it('is plain and unchanged without colour: one line per finding, no frames, no escapes', () => {
    const out = renderPretty(report, { color: false });
    expect(out).not.toMatch(/\x1b/);
    expect(out).not.toContain('│');
    expect(out.split('\n').filter((l) => /^ {2}\S+:\d+:\d+ /.test(l))).toHaveLength(report.findings.length);
    expect(renderPretty(report, { color: false, codeFrames: false, texts: sourceTexts(results) })).toBe(out);
  });

  it('the CLI prints plain output when stdout is not a terminal', () => {
    const run = runCli(['check', 'sources', '--reference', REFERENCE, '--no-write'], ROOT);
    expect(run.stdout).not.toMatch(/\x1b/);
    expect(run.stdout).not.toContain('│');
    expect(run.stderr).toBe('');
  });
});

describe('progress bar', () => {
  const stream = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { chunks, isTTY, columns: 100, write: (c: string) => (chunks.push(c), true) };
  };

  it('draws on a terminal for long runs, then erases itself', () => {
    const s = stream(true);
    const p = createProgress(120, { stream: s, env: {}, intervalMs: 0 });
    expect(p.enabled).toBe(true);
    for (let i = 0; i < 120; i++) p.tick(`sources/page-${i}.md`);
    p.done();
    expect(s.chunks).toHaveLength(121);
    expect(s.chunks[59]).toContain(' 60/120  50%');
    expect(s.chunks[119]).toContain('120/120 100%');
    expect(s.chunks.at(-1)).toBe('\r\x1b[2K');
  });

  it('stays silent when piped, in CI, with TERM=dumb, or for short runs', () => {
    for (const [isTTY, env, total] of [
      [false, {}, 500],
      [true, { CI: 'true' }, 500],
      [true, { TERM: 'dumb' }, 500],
      [true, {}, 10],
    ] as const) {
      const s = stream(isTTY);
      const p = createProgress(total, { stream: s, env, intervalMs: 0 });
      for (let i = 0; i < total; i++) p.tick();
      p.done();
      expect(p.enabled).toBe(false);
      expect(s.chunks).toEqual([]);
    }
  });

  it('the CLI draws it on a terminal’s stderr for a run of 60 pages, and stdout stays the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-progress-'));
    mkdirSync(join(dir, 'pages'));
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, 'pages', `p${String(i).padStart(2, '0')}.md`), `---\nlanguage: it\n---\nUsiamo aghi da ${i % 2 ? 4 : 6} mm.\n`);
    const args = ['check', 'pages', '--reference', REFERENCE, '--no-write', '--fail-on', 'never'];
    const piped = runCli(args, dir);
    expect(piped.stderr).toBe('');
    const wasTTY = process.stderr.isTTY;
    vi.stubEnv('CI', '');
    vi.stubEnv('TERM', 'xterm');
    process.stderr.isTTY = true;
    try {
      const tty = runCli(args, dir);
      expect(tty.stderr).toContain('60/60 100%');
      expect(tty.stderr.endsWith('\r\x1b[2K')).toBe(true);
      expect(tty.stdout).toBe(piped.stdout);
    } finally {
      process.stderr.isTTY = wasTTY;
      vi.unstubAllEnvs();
    }
  });

  it('fits the bar and the path into the terminal width', () => {
    const bar = renderBar(3, 200, 60, `sources/${'x'.repeat(80)}.md`);
    expect(bar.length).toBeLessThanOrEqual(60);
    expect(bar).toMatch(/^\[#?\.+\]   3\/200   1%  …x+\.md$/);
  });
});

describe('the pretty format streamed', () => {
  it('comes a page at a time, and its chunks are renderPretty whole', () => {
    const { report } = runCheck({ paths: [join(ROOT, 'sources')], referencePath: REFERENCE });
    const chunks = [...prettyChunks(report)];
    const pages = new Set(report.findings.map((f) => f.path)).size;
    // One chunk per page with findings, then the summary.
    expect(chunks).toHaveLength(pages + 1);
    expect(chunks.join('')).toBe(renderPretty(report));
    expect(chunks.at(-1)).toMatch(/^✖ \d+ findings/);
  });
});
