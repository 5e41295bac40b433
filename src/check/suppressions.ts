/**
 * Inline suppression comments in sources:
 *
 *   <!-- claimlint-disable-next-line RULE[, RULE…] -- reason -->
 *   <!-- claimlint-disable RULE[, RULE…] -- reason -->   …   <!-- claimlint-enable RULE[, RULE…] -->
 *
 * RULE omitted = every rule. Comments are parsed per source (parseSuppressions,
 * in the per-source stage, carried in SourceResult) and applied to each
 * source's findings once the corpus rules have run (applySuppressions, in the gate).
 */
import type { Finding, Position } from '../types.js';
import { LineIndex } from '../util/positions.js';
import { contentId } from '../util/hash.js';
import { suppressionMissingReasonMeta, suppressionUnusedMeta } from './rules/suppression.js';

export type SuppressionKind = 'disable-next-line' | 'disable' | 'enable';

/** One suppression comment, as found in a source (JSON-serialisable). */
export interface SuppressionDirective {
  kind: SuppressionKind;
  /** Rule ids; empty = every rule. */
  rules: string[];
  /** Text after " -- "; undefined when missing or blank. */
  reason?: string;
  /** The whole comment. */
  text: string;
  position: Position;
}

/** Findings raised by the gate itself cannot be silenced inline. */
export const UNSUPPRESSIBLE = /^(suppression-|waiver-|source-error$)/;

const DIRECTIVE = /<!--\s*claimlint-(disable-next-line|disable|enable)(?=\s|-->)([\s\S]*?)-->/g;

export function parseSuppressions(text: string): SuppressionDirective[] {
  const out: SuppressionDirective[] = [];
  let lines: LineIndex | undefined;
  for (const m of text.matchAll(DIRECTIVE)) {
    lines ??= new LineIndex(text);
    const body = m[2];
    const sep = /(?:^|\s)--(?:\s|$)/.exec(body);
    const rulePart = sep ? body.slice(0, sep.index) : body;
    const reason = sep ? body.slice(sep.index + sep[0].length).trim() : '';
    const start = m.index;
    out.push({
      kind: m[1] as SuppressionKind,
      rules: rulePart
        .split(/[\s,]+/)
        .filter(Boolean)
        .sort(),
      ...(reason ? { reason } : {}),
      text: m[0],
      position: lines.position(start, start + m[0].length),
    });
  }
  return out;
}

export interface SuppressionInput {
  source: string;
  path: string;
  directives: SuppressionDirective[];
}

export interface SuppressionOutcome {
  /** Findings still in force. */
  active: Finding[];
  /** Findings silenced by a comment, each with `suppression` set. */
  suppressed: Finding[];
  /** suppression-missing-reason and suppression-unused findings. */
  problems: Finding[];
}

type Severity = Finding['severity'];

interface Span {
  directive: SuppressionDirective;
  /** A rule id or '*' for every rule. */
  rule: string;
  covers(f: Finding): boolean;
  used: boolean;
}

const ruleMatches = (span: Span, rule: string) => span.rule === '*' || span.rule === rule;

/** Applies every source's comments to the findings; `severity` returns undefined for a rule that is off. */
export function applySuppressions(findings: Finding[], inputs: SuppressionInput[], severity: (ruleId: string, fallback: Severity) => Severity | undefined): SuppressionOutcome {
  const byPath = new Map<string, Span[]>();
  const problems: Finding[] = [];
  const unusedEnables: Array<{ input: SuppressionInput; directive: SuppressionDirective }> = [];
  for (const input of inputs) {
    const spans: Span[] = [];
    const sorted = [...input.directives].sort((a, b) => a.position.start.offset - b.position.start.offset);
    const enableUsed = new Set<SuppressionDirective>();
    for (const d of sorted) {
      if (d.kind !== 'enable' && !d.reason) {
        const sev = severity(suppressionMissingReasonMeta.id, suppressionMissingReasonMeta.defaultSeverity);
        if (sev) problems.push(problem(input, d, suppressionMissingReasonMeta.id, sev, `suppression without a reason: write why after " -- " (${d.text.replace(/\s+/g, ' ')})`));
      }
      const rules = d.rules.length ? d.rules : ['*'];
      if (d.kind === 'disable-next-line') {
        const line = d.position.end.line + 1;
        for (const rule of rules) spans.push({ directive: d, rule, used: false, covers: (f) => f.position.start.line === line });
      } else if (d.kind === 'disable') {
        for (const rule of rules) {
          // The first later enable naming this rule, or naming none, ends the range.
          const end = sorted.find(
            (e) => e.kind === 'enable' && e.position.start.offset > d.position.start.offset && (e.rules.length === 0 || (rule !== '*' && e.rules.includes(rule))),
          );
          if (end) enableUsed.add(end);
          const from = d.position.end.offset;
          const to = end ? end.position.start.offset : Number.POSITIVE_INFINITY;
          spans.push({ directive: d, rule, used: false, covers: (f) => f.position.start.offset >= from && f.position.start.offset < to });
        }
      }
    }
    for (const d of sorted) if (d.kind === 'enable' && !enableUsed.has(d)) unusedEnables.push({ input, directive: d });
    byPath.set(input.path, spans);
  }

  const active: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const spans = UNSUPPRESSIBLE.test(f.rule) ? [] : (byPath.get(f.path) ?? []).filter((s) => ruleMatches(s, f.rule) && s.covers(f));
    if (spans.length === 0) {
      active.push(f);
      continue;
    }
    for (const s of spans) s.used = true;
    const d = spans[0].directive;
    suppressed.push({ ...f, suppression: { kind: 'inline', reason: d.reason ?? '', path: f.path, line: d.position.start.line, column: d.position.start.column } });
  }

  const unusedSeverity = severity(suppressionUnusedMeta.id, suppressionUnusedMeta.defaultSeverity);
  if (unusedSeverity) {
    for (const input of inputs) {
      for (const s of byPath.get(input.path) ?? []) {
        if (s.used) continue;
        const what = s.rule === '*' ? 'no finding' : `no "${s.rule}" finding`;
        const where = s.directive.kind === 'disable-next-line' ? 'on the next line' : 'in its range';
        problems.push(problem(input, s.directive, suppressionUnusedMeta.id, unusedSeverity, `unused suppression: ${what} ${where}; remove the comment`, s.rule));
      }
    }
    for (const { input, directive } of unusedEnables)
      problems.push(problem(input, directive, suppressionUnusedMeta.id, unusedSeverity, 'unused claimlint-enable: no claimlint-disable before it is open for these rules; remove the comment'));
  }
  return { active, suppressed, problems };
}

function problem(input: SuppressionInput, d: SuppressionDirective, rule: string, severity: Severity, message: string, detail = ''): Finding {
  return {
    id: contentId('f', rule, input.path, d.position.start.offset, detail),
    rule,
    severity,
    verdict: 'error',
    source: input.source,
    path: input.path,
    position: d.position,
    text: d.text,
    claims: [],
    message,
    evidence: [],
  };
}
