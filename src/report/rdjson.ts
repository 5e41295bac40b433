/**
 * reviewdog's diagnostic format (rdjson, the `DiagnosticResult` message of
 * reviewdog/proto/rdf), so `reviewdog -f=rdjson` comments only on the lines a
 * pull request changed. Lines and columns are 1-based, columns count UTF-8
 * bytes, and a range's end is exclusive; a suggestion is a range and the text
 * that replaces it.
 */
import type { Finding, Position, Severity } from '../types.js';
import { jsonChunks, LazyList } from './json-chunks.js';
import type { Report } from './model.js';
import { SourceLines, type SourceTexts } from './source-text.js';
import { TOOL_HOMEPAGE } from '../version.js';

export const RDJSON_SEVERITY: Record<Severity, 'ERROR' | 'WARNING' | 'INFO'> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

export interface RdPosition {
  line: number;
  column: number;
}
export interface RdRange {
  start: RdPosition;
  end?: RdPosition;
}
export interface RdDiagnostic {
  message: string;
  location: { path: string; range: RdRange };
  severity: 'ERROR' | 'WARNING' | 'INFO';
  source: { name: string; url?: string };
  code: { value: string; url?: string };
  suggestions?: { range: RdRange; text: string }[];
  original_output?: string;
}
export interface RdDiagnosticResult {
  source: { name: string; url?: string };
  severity?: 'ERROR' | 'WARNING' | 'INFO';
  diagnostics: RdDiagnostic[];
}

export interface RdjsonOptions {
  texts?: SourceTexts;
}

export function buildRdjson(report: Report, options: RdjsonOptions = {}): RdDiagnosticResult {
  return rdjsonDocument(report, options, (findings, fn) => findings.map(fn)) as RdDiagnosticResult;
}

type Mapper = (findings: Finding[], fn: (f: Finding) => RdDiagnostic) => unknown;

function rdjsonDocument(report: Report, options: RdjsonOptions, mapFindings: Mapper): Omit<RdDiagnosticResult, 'diagnostics'> & { diagnostics: unknown } {
  const lines = new SourceLines(options.texts);
  const source = { name: report.tool.name, ...(TOOL_HOMEPAGE ? { url: TOOL_HOMEPAGE } : {}) };
  const range = (path: string, p: Position): RdRange => {
    const start = { line: p.start.line, column: lines.utf8Column(path, p.start.line, p.start.column) };
    if (p.end.offset <= p.start.offset) return { start };
    return { start, end: { line: p.end.line, column: lines.utf8Column(path, p.end.line, p.end.column) } };
  };
  const diagnostics = mapFindings(report.findings, (f: Finding): RdDiagnostic => {
    const message = [f.text ? `${f.message}: "${f.text.replace(/\s+/g, ' ')}"` : f.message, ...(f.expected ? [`Reference: ${f.expected}`] : [])].join('\n');
    const d: RdDiagnostic = {
      message,
      location: { path: f.path, range: range(f.path, f.position) },
      severity: RDJSON_SEVERITY[f.severity],
      source,
      code: { value: f.rule },
    };
    if (f.suggestion && f.text) d.suggestions = [{ range: range(f.path, f.position), text: f.suggestion }];
    return d;
  });
  const s = report.summary.bySeverity;
  const result: ReturnType<typeof rdjsonDocument> = { source, diagnostics };
  if (s.error || s.warning || s.info) result.severity = s.error ? 'ERROR' : s.warning ? 'WARNING' : 'INFO';
  return result;
}

/** report.rdjson.json in chunks: indented at the top, one diagnostic per line (made as it is written), a trailing newline. */
export function* rdjsonChunks(report: Report, options: RdjsonOptions = {}): Generator<string> {
  yield* jsonChunks(
    rdjsonDocument(report, options, (findings, fn) => LazyList.map(findings, fn)),
    { depth: 2, compact: true },
  );
  yield '\n';
}

export function renderRdjson(report: Report, options: RdjsonOptions = {}): string {
  return [...rdjsonChunks(report, options)].join('');
}
