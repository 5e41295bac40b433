/**
 * Measures extraction against the hand-annotated gold set: precision, recall
 * and F1 per claim kind and per language.
 *
 * The gold set annotates each distinct (kind, value) once per page (see
 * tests/gold/README.md), so scoring is per page and distinct value: a value
 * found on the page and annotated is a true positive, found but not annotated
 * a false positive, annotated but not found a false negative. True positives
 * whose spans do not overlap the annotated quote are counted as `elsewhere`
 * so that a right value read from the wrong place stays visible.
 * Values outside the annotation scheme (assertions such as `well-tolerated`
 * that the scheme does not annotate) are not scored.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadEngine, processSource } from '../../src/pipeline.js';
import type { Claim } from '../../src/types.js';

export const GOLD_DIR = fileURLToPath(new URL('.', import.meta.url));
export const CORE_KINDS = ['needle', 'sessions.count', 'sessions.frequency', 'contraindication', 'adverse-effect', 'safety', 'efficacy'] as const;

/** The closed vocabularies of the annotation scheme (tests/gold/README.md). */
export const SCHEME: Record<string, ReadonlySet<string>> = {
  contraindication: new Set(['pregnancy', 'breastfeeding', 'anticoagulant-therapy', 'antiplatelet-therapy', 'coagulation-disorder', 'drug-allergy', 'leukemia', 'diabetes', 'blood-infection', 'hiv-aids', 'heart-disease', 'cancer', 'prior-chemotherapy', 'prior-radiotherapy', 'skin-infection', 'autoimmune-disease']),
  'adverse-effect': new Set(['bruising', 'hematoma', 'erythema', 'burning', 'wheal', 'pain', 'swelling', 'itching', 'allergic-reaction', 'anaphylaxis', 'infection', 'bleeding', 'scarring']),
  safety: new Set(['no-side-effects', 'no-serious-side-effects', 'rare-side-effects', 'painless', 'safe', 'no-contraindications']),
  efficacy: new Set(['detox', 'fat-removal', 'cellulite-removal', 'immune-stimulation', 'fast-onset', 'guaranteed', 'permanent-results']),
};

function inScheme(kind: string, key: string): boolean {
  return SCHEME[kind]?.has(key) ?? true;
}

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
  /** True positives whose predicted spans do not overlap the annotated quote. */
  elsewhere: Miss[];
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

export function evaluate(dir = GOLD_DIR, referencePath = join(GOLD_DIR, '../../claims/canonical/mesotherapy.yaml')): Evaluation {
  const engine = loadEngine(referencePath);
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (key: string, field: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    counts.set(key, c);
  };
  const falsePositives: Miss[] = [];
  const falseNegatives: Miss[] = [];
  const elsewhere: Miss[] = [];
  const pages = readdirSync(join(dir, 'pages')).filter((f) => f.endsWith('.md')).sort();
  for (const page of pages) {
    const id = page.replace(/\.md$/, '');
    const path = join(dir, 'pages', page);
    const gold = (parse(readFileSync(join(dir, 'annotations', `${id}.yaml`), 'utf8')) as { claims: GoldClaim[] }).claims ?? [];
    const result = processSource(path, engine);
    if (!result.doc) throw new Error(`${page}: ${result.problem?.message}`);
    const text = result.doc.text;
    const language = result.doc.meta.language;
    const predicted = new Map<string, Claim[]>();
    for (const c of result.claims) {
      if (!(CORE_KINDS as readonly string[]).includes(c.kind)) continue;
      const key = valueKey(c.kind, c.value as unknown as Record<string, unknown>);
      if (!inScheme(c.kind, key)) continue;
      const k = `${c.kind}|${key}`;
      predicted.set(k, [...(predicted.get(k) ?? []), c]);
    }
    const annotated = new Map<string, GoldClaim[]>();
    for (const g of gold) {
      const k = `${g.kind}|${valueKey(g.kind, g.value)}`;
      annotated.set(k, [...(annotated.get(k) ?? []), g]);
    }
    for (const k of [...new Set([...predicted.keys(), ...annotated.keys()])].sort()) {
      const [kind, value] = k.split('|');
      const p = predicted.get(k);
      const g = annotated.get(k);
      if (p && g) {
        bump(`kind:${kind}`, 'tp');
        bump(`lang:${language}`, 'tp');
        const spans = g.flatMap((x) => quoteSpans(text, x.quote));
        const overlaps = p.some((c) => [c.position, ...(c.occurrences ?? [])].some((pos) => spans.some(([s, e]) => pos.start.offset < e && s < pos.end.offset)));
        if (!overlaps) elsewhere.push({ page: id, kind, value, text: p[0].text, line: p[0].position.start.line });
      } else if (p) {
        bump(`kind:${kind}`, 'fp');
        bump(`lang:${language}`, 'fp');
        for (const c of p) falsePositives.push({ page: id, kind, value, text: c.text, line: c.position.start.line });
      } else if (g) {
        bump(`kind:${kind}`, 'fn');
        bump(`lang:${language}`, 'fn');
        falseNegatives.push({ page: id, kind, value, text: g[0].quote });
      }
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
  return { byKind, byLanguage: pick('lang:'), overall: score(all.tp, all.fp, all.fn), falsePositives, falseNegatives, elsewhere, pages: pages.length };
}
