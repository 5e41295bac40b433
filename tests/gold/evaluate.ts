/**
 * Measures extraction against the hand-annotated gold set: precision, recall
 * and F1 per claim kind and per language. A predicted claim matches a gold
 * claim when the kind and the key value agree and the spans overlap.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadEngine, processSource } from '../../src/pipeline.js';
import type { Claim } from '../../src/types.js';

export const GOLD_DIR = fileURLToPath(new URL('.', import.meta.url));
export const CORE_KINDS = ['needle', 'sessions.count', 'sessions.frequency', 'contraindication', 'adverse-effect', 'safety', 'efficacy'] as const;

interface GoldClaim {
  kind: string;
  value: Record<string, unknown>;
  quote: string;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Miss {
  page: string;
  kind: string;
  value: string;
  text: string;
  line?: number;
}

export interface Evaluation {
  byKind: Record<string, Score>;
  byLanguage: Record<string, Score>;
  overall: Score;
  falsePositives: Miss[];
  falseNegatives: Miss[];
  pages: number;
}

function days(iso: unknown): number | undefined {
  const m = /^P(\d+(?:\.\d+)?)([DWMY])$/.exec(String(iso));
  if (!m) return undefined;
  return Number(m[1]) * { D: 1, W: 7, M: 30, Y: 365 }[m[2] as 'D'];
}

/** The part of a value the gold set annotates; modifiers and qualifiers are not scored. */
export function valueKey(kind: string, v: Record<string, unknown>): string {
  switch (kind) {
    case 'needle':
      return `${v.aspect}:${v.min ?? '-'}:${v.max ?? '-'}`;
    case 'sessions.count':
      return `${v.min ?? '-'}:${v.max ?? '-'}`;
    case 'sessions.frequency':
      return `${days(v.interval)}`;
    case 'contraindication':
      return String(v.condition);
    case 'adverse-effect':
      return String(v.effect);
    default:
      return String(v.assertion ?? v.concept);
  }
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

function quoteSpans(text: string, quote: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) out.push([i, i + quote.length]);
  return out;
}

export function evaluate(referencePath = join(GOLD_DIR, '../../claims/canonical/mesotherapy.yaml')): Evaluation {
  const engine = loadEngine(referencePath);
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (key: string, field: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    counts.set(key, c);
  };
  const falsePositives: Miss[] = [];
  const falseNegatives: Miss[] = [];
  const pages = readdirSync(join(GOLD_DIR, 'pages')).filter((f) => f.endsWith('.md')).sort();
  for (const page of pages) {
    const id = page.replace(/\.md$/, '');
    const path = join(GOLD_DIR, 'pages', page);
    const gold = (parse(readFileSync(join(GOLD_DIR, 'annotations', `${id}.yaml`), 'utf8')) as { claims: GoldClaim[] }).claims ?? [];
    const result = processSource(path, engine);
    if (!result.doc) throw new Error(`${page}: ${result.problem?.message}`);
    const text = result.doc.text;
    const language = result.doc.meta.language;
    const predicted = result.claims.filter((c) => (CORE_KINDS as readonly string[]).includes(c.kind));
    const used = new Set<Claim>();
    for (const g of gold) {
      const key = valueKey(g.kind, g.value);
      const spans = quoteSpans(text, g.quote);
      const hit = predicted.find(
        (c) =>
          !used.has(c) &&
          c.kind === g.kind &&
          valueKey(c.kind, c.value as unknown as Record<string, unknown>) === key &&
          [c.position, ...(c.occurrences ?? [])].some((p) => spans.some(([s, e]) => p.start.offset < e && s < p.end.offset)),
      );
      if (hit) {
        used.add(hit);
        bump(`kind:${g.kind}`, 'tp');
        bump(`lang:${language}`, 'tp');
      } else {
        bump(`kind:${g.kind}`, 'fn');
        bump(`lang:${language}`, 'fn');
        falseNegatives.push({ page: id, kind: g.kind, value: key, text: g.quote });
      }
    }
    for (const c of predicted) {
      if (used.has(c)) continue;
      bump(`kind:${c.kind}`, 'fp');
      bump(`lang:${language}`, 'fp');
      falsePositives.push({ page: id, kind: c.kind, value: valueKey(c.kind, c.value as unknown as Record<string, unknown>), text: c.text, line: c.position.start.line });
    }
  }
  const pick = (prefix: string) =>
    Object.fromEntries(
      [...counts]
        .filter(([k]) => k.startsWith(prefix))
        .sort()
        .map(([k, c]) => [k.slice(prefix.length), score(c.tp, c.fp, c.fn)]),
    );
  const byKind = pick('kind:');
  const all = [...counts].filter(([k]) => k.startsWith('kind:')).reduce((a, [, c]) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { byKind, byLanguage: pick('lang:'), overall: score(all.tp, all.fp, all.fn), falsePositives, falseNegatives, pages: pages.length };
}
