import type { Finding } from '../types.js';
import { scopeNote, type Report } from './model.js';
import { codeFrame } from './code-frame.js';
import { SourceLines, type SourceTexts } from './source-text.js';

export interface PrettyOptions {
  color?: boolean;
  /** Print the line of each finding under it with the span underlined (needs `texts`). */
  codeFrames?: boolean;
  /** Decoded text of each source, by path. */
  texts?: SourceTexts;
  /** Terminal width for code frames (default 100). */
  width?: number;
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

/** ESLint-style: one line per finding, `path:line:col  severity  message  rule`, then a summary. */
export function renderPretty(report: Report, options: PrettyOptions = {}): string {
  return [...prettyChunks(report, options)].join('');
}

/**
 * renderPretty's text, a page's findings at a time: a corpus of 50,000 pages has some 500,000
 * findings, whose lines made into one string took a run's peak memory from 0.5 to 1.2 GB.
 */
export function* prettyChunks(report: Report, options: PrettyOptions = {}): Generator<string> {
  const c = (code: keyof typeof COLORS, s: string) => (options.color ? `${COLORS[code]}${s}${COLORS.reset}` : s);
  let lines: string[] = [];
  const source = new SourceLines(options.texts);
  // Findings come in path order: each page's are printed as the next page's begin.
  const groups = function* (): Generator<[string, Finding[]]> {
    let group: Finding[] = [];
    for (const f of report.findings) {
      if (group.length && group[0].path !== f.path) {
        yield [group[0].path, group];
        group = [];
      }
      group.push(f);
    }
    if (group.length) yield [group[0].path, group];
  };
  for (const [path, findings] of groups()) {
    lines.push(c('bold', path));
    const locs = findings.map((f) => `${path}:${f.position.start.line}:${f.position.start.column}`);
    const width = Math.max(...locs.map((l) => l.length));
    findings.forEach((f, i) => {
      const sev = f.severity.padEnd(7);
      const quote = f.text ? ` "${f.text.replace(/\s+/g, ' ')}"` : '';
      lines.push(`  ${locs[i].padEnd(width)}  ${c(f.severity, sev)}  ${f.message}${quote}  ${c('dim', f.rule)}`);
      const text = options.codeFrames && f.text ? source.line(f.path, f.position.start.line) : undefined;
      if (text !== undefined) {
        const end = f.position.end.line === f.position.start.line ? f.position.end.column : text.length + 1;
        lines.push(...codeFrame(text, f.position.start.column, end, { line: f.position.start.line, width: options.width, indent: '  ', gutter: (g) => c('dim', g), marker: (m) => c(f.severity, m) }));
      }
    });
    lines.push('');
    yield `${lines.join('\n')}\n`;
    lines = [];
  }
  const s = report.summary;
  const total = s.bySeverity.error + s.bySeverity.warning + s.bySeverity.info;
  const line = `${total} finding${total === 1 ? '' : 's'} (${s.bySeverity.error} error${s.bySeverity.error === 1 ? '' : 's'}, ${s.bySeverity.warning} warning${s.bySeverity.warning === 1 ? '' : 's'}, ${s.bySeverity.info} info) in ${s.sources} source${s.sources === 1 ? '' : 's'}${scopeNote(report)}; ${s.claims} claims`;
  lines.push(total === 0 ? c('bold', `✔ ${line}`) : c(s.bySeverity.error ? 'error' : 'warning', `✖ ${line}`));
  const quiet = report.suppressed ?? [];
  if (quiet.length) {
    const inline = quiet.filter((f) => f.suppression?.kind === 'inline').length;
    lines.push(c('dim', `  not counted: ${inline} suppressed inline, ${quiet.length - inline} waived (each with its reason in report.json "suppressed")`));
  }
  yield `${lines.join('\n')}\n`;
}
