/**
 * GitHub Actions output: one workflow command per finding
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`),
 * which GitHub turns into annotations on the pull request. GitHub shows only
 * the first few annotations of a step, so when $GITHUB_STEP_SUMMARY is set a
 * Markdown summary (counts and a table of every finding) is appended to it.
 */
import { appendFileSync } from 'node:fs';
import type { Finding, Severity } from '../types.js';
import { scopeNote, type Report } from './model.js';

export const GITHUB_COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a workflow command's message (GitHub's escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property value (GitHub's escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function messageOf(f: Finding): string {
  const parts = [f.text ? `${f.message}: "${f.text.replace(/\s+/g, ' ')}"` : f.message];
  if (f.expected) parts.push(`Reference: ${f.expected}`);
  if (f.suggestion) parts.push(`Suggested wording: ${f.suggestion}`);
  return parts.join('\n');
}

/** One workflow command for one finding. */
export function workflowCommand(f: Finding): string {
  const props: [string, string | number][] = [
    ['file', f.path],
    ['line', f.position.start.line],
    ['col', f.position.start.column],
  ];
  if (f.position.end.offset > f.position.start.offset) props.push(['endLine', f.position.end.line], ['endColumn', f.position.end.column]);
  props.push(['title', `claimlint ${f.rule}`]);
  return `::${GITHUB_COMMAND[f.severity]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(messageOf(f))}`;
}

/**
 * GitHub code scanning rejects a SARIF run with more results than this, and shows only the first
 * 5,000 (docs.github.com, "SARIF results exceed limits"). A report past it is told here, before
 * the workflow's upload step fails on it.
 */
export const CODE_SCANNING_MAX_RESULTS = 25_000;

/** Why report.sarif will not go into code scanning, if it will not. Suppressed findings are SARIF results too. */
export function codeScanningNote(report: Report): string | undefined {
  const results = report.findings.length + (report.suppressed?.length ?? 0);
  if (results <= CODE_SCANNING_MAX_RESULTS) return undefined;
  return (
    `report.sarif holds ${results} results: GitHub code scanning rejects an upload of more than ${CODE_SCANNING_MAX_RESULTS} (and shows 5,000). ` +
    'Check pull requests with --changed-since (only the changed pages are reported), or turn rules off in claimlint.config.yaml (rules:); report.json has every finding.'
  );
}

export function renderGithubCommands(report: Report): string {
  return [...githubCommandChunks(report)].join('');
}

/** Findings per chunk of githubCommandChunks. */
const COMMANDS_PER_CHUNK = 1000;

/**
 * renderGithubCommands's text, a thousand findings at a time: the commands of a large corpus made
 * into one string took a 10,000-page run to 650 MB (a CI step prints them as they come).
 */
export function* githubCommandChunks(report: Report): Generator<string> {
  const s = report.summary.bySeverity;
  let lines: string[] = [];
  for (const f of report.findings) {
    lines.push(workflowCommand(f));
    if (lines.length >= COMMANDS_PER_CHUNK) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  const note = codeScanningNote(report);
  if (note) lines.push(`::warning title=${escapeProperty('claimlint: too many results for code scanning')}::${escapeData(note)}`);
  lines.push(`claimlint: ${report.summary.findings} findings (${s.error} errors, ${s.warning} warnings, ${s.info} info) in ${report.summary.sources} sources${scopeNote(report)}`);
  yield `${lines.join('\n')}\n`;
}

const cell = (s: string) => s.replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').trim();

/** Rows of the step summary's table beyond which only a count is printed (GitHub caps a summary at 1 MiB). */
export const SUMMARY_MAX_ROWS = 500;

/** The Markdown job summary: counts by severity and rule, then a table of findings. */
export function renderStepSummary(report: Report): string {
  const s = report.summary;
  const out: string[] = [
    '## claimlint',
    '',
    `${s.findings} finding${s.findings === 1 ? '' : 's'} in ${s.sources} source${s.sources === 1 ? '' : 's'}${scopeNote(report)} (${s.claims} claims checked against ${report.reference.id} ${report.reference.version}).`,
    '',
    '| severity | findings |',
    '|---|---:|',
    `| error | ${s.bySeverity.error} |`,
    `| warning | ${s.bySeverity.warning} |`,
    `| info | ${s.bySeverity.info} |`,
    '',
  ];
  const suppressed = (report as Report & { suppressed?: Finding[] }).suppressed ?? [];
  if (suppressed.length) out.push(`${suppressed.length} more finding${suppressed.length === 1 ? ' is' : 's are'} suppressed inline or waived (each with its reason in the JSON and SARIF reports).`, '');
  const note = codeScanningNote(report);
  if (note) out.push(`> **Code scanning:** ${note}`, '');
  const rules = Object.entries(s.byRule);
  if (rules.length) out.push('| rule | findings |', '|---|---:|', ...rules.map(([r, n]) => `| \`${r}\` | ${n} |`), '');
  if (report.findings.length) {
    out.push('| place | severity | rule | quote | message |', '|---|---|---|---|---|');
    for (const f of report.findings.slice(0, SUMMARY_MAX_ROWS)) {
      out.push(`| \`${cell(f.path)}:${f.position.start.line}:${f.position.start.column}\` | ${f.severity} | \`${f.rule}\` | ${f.text ? `“${cell(f.text)}”` : ''} | ${cell(f.message)} |`);
    }
    if (report.findings.length > SUMMARY_MAX_ROWS) out.push('', `…and ${report.findings.length - SUMMARY_MAX_ROWS} more findings: see the SARIF or JSON report.`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

export interface GithubOptions {
  /** Environment to read GITHUB_STEP_SUMMARY from (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

/** The workflow commands (returned, for stdout); the step summary is appended to $GITHUB_STEP_SUMMARY when set. */
export function renderGithub(report: Report, options: GithubOptions = {}): string {
  return [...githubChunks(report, options)].join('');
}

/** renderGithub's text in chunks; the step summary is appended before the first. */
export function* githubChunks(report: Report, options: GithubOptions = {}): Generator<string> {
  const summaryFile = (options.env ?? process.env).GITHUB_STEP_SUMMARY;
  if (summaryFile) appendFileSync(summaryFile, renderStepSummary(report));
  yield* githubCommandChunks(report);
}
