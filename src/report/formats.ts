import type { Report } from './model.js';
import type { Reference } from '../reference/load.js';
import { renderJson, reportJsonChunks } from './json.js';
import { prettyChunks, renderPretty } from './pretty.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { renderSarif, sarifChunks } from './sarif.js';
import { githubChunks, renderGithub } from './github.js';
import { rdjsonChunks, renderRdjson } from './rdjson.js';
import type { BaselineComparison } from './baseline.js';
import type { SourceTexts } from './source-text.js';

export interface FormatContext {
  ref: Reference;
  /** Colour and other terminal niceties are allowed. */
  tty: boolean;
  /** Decoded text of each source, by path (for the HTML page view). */
  texts?: SourceTexts;
  /** Comparison with --baseline: new / unchanged / resolved findings. */
  baseline?: BaselineComparison;
}

/**
 * An output format: how a report is printed to stdout with --format, and the
 * file it writes under --report-dir (if any). New formats register here.
 */
export interface Format {
  name: string;
  description: string;
  /** File name under --report-dir, or undefined if the format is for stdout only. */
  file?: string;
  render(report: Report, ctx: FormatContext): string;
  /** The same text as render, in chunks: how large reports are written to disk (see json-chunks.ts). */
  chunks?(report: Report, ctx: FormatContext): Iterable<string>;
}

export const FORMATS: Format[] = [
  {
    name: 'pretty',
    description: 'one line per finding, like ESLint (default)',
    render: (r, ctx) => renderPretty(r, prettyOptions(ctx)),
    chunks: (r, ctx) => prettyChunks(r, prettyOptions(ctx)),
  },
  { name: 'json', description: 'the report as JSON (schemas/report.schema.json)', file: 'report.json', render: (r) => renderJson(r), chunks: (r) => reportJsonChunks(r) },
  { name: 'markdown', description: 'the reviewer report: summary, consensus table, findings per source', file: 'report.md', render: (r, ctx) => renderMarkdown(r, ctx.ref, ctx.baseline?.status, ctx.baseline?.resolved) },
  { name: 'html', description: 'the reviewer report as one self-contained HTML page: matrix, charts, page view, filterable findings', file: 'report.html', render: (r, ctx) => renderHtml(r, ctx.ref, ctx) },
  { name: 'sarif', description: 'SARIF 2.1.0 for GitHub code scanning and editors', file: 'report.sarif', render: (r, ctx) => renderSarif(r, { texts: ctx.texts }), chunks: (r, ctx) => sarifChunks(r, { texts: ctx.texts }) },
  { name: 'github', description: 'GitHub Actions annotations (workflow commands) and a job summary in $GITHUB_STEP_SUMMARY', render: (r) => renderGithub(r), chunks: (r) => githubChunks(r) },
  { name: 'rdjson', description: "reviewdog's diagnostic format (rdjson), for comments on changed lines", file: 'report.rdjson.json', render: (r, ctx) => renderRdjson(r, { texts: ctx.texts }), chunks: (r, ctx) => rdjsonChunks(r, { texts: ctx.texts }) },
];

function prettyOptions(ctx: FormatContext) {
  return { color: ctx.tty, codeFrames: ctx.tty, texts: ctx.texts, width: process.stdout.columns };
}

/**
 * Decoded text of every readable source, by path: what code frames and the HTML page view
 * show. Asked for one at a time: a page the cache knew unchanged is read only if shown.
 */
export function sourceTexts(results: ReadonlyArray<{ doc?: { path: string; text: string } }>): SourceTexts {
  const docs = new Map(results.flatMap((r) => (r.doc ? [[r.doc.path, r.doc] as const] : [])));
  let last: { path: string; text: string | undefined } | undefined;
  return {
    get(path) {
      if (last?.path !== path) last = { path, text: docs.get(path)?.text };
      return last.text;
    },
  };
}

export function findFormat(name: string): Format | undefined {
  return FORMATS.find((f) => f.name === name);
}
