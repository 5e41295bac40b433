import { fileURLToPath } from 'node:url';
import { loadEngine, type Engine } from '../../src/pipeline.js';
import { parseSentences } from '../../src/parse/sentences.js';
import { extractClaims } from '../../src/extract/index.js';
import type { Claim, SourceDocument } from '../../src/types.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const REFERENCE = `${ROOT}claims/canonical/mesotherapy.yaml`;

let engine: Engine | undefined;
export function getEngine(): Engine {
  return (engine ??= loadEngine(REFERENCE));
}

/** Extracts claims from a text as if it were a whole page in the given language. */
export function claimsOf(text: string, language = 'it'): Claim[] {
  const e = getEngine();
  const doc: SourceDocument = { id: 'test', path: 'test.md', text, bodyOffset: 0, meta: { language, languageSource: 'front-matter' }, sha256: '' };
  const lang = e.languages.get(language)!;
  return extractClaims(doc, parseSentences(text, { abbreviations: lang.abbreviations }), lang, e.reference, e.languages);
}

export function valuesOf(text: string, language: string, kind: Claim['kind']): unknown[] {
  return claimsOf(text, language)
    .filter((c) => c.kind === kind)
    .map((c) => c.value);
}

/** The conditions a text states as contraindications, in page order. */
export function conditionsOf(text: string, language: string): string[] {
  return valuesOf(text, language, 'contraindication').map((v) => (v as { condition: string }).condition);
}

/** Session counts as "min-max" ("" for an open bound), in page order. */
export function countsOf(text: string, language: string): string[] {
  return valuesOf(text, language, 'sessions.count').map((v) => {
    const c = v as { min: number | null; max: number | null };
    return `${c.min ?? ''}-${c.max ?? ''}`;
  });
}

/** Session intervals (ISO 8601), in page order. */
export function intervalsOf(text: string, language: string): string[] {
  return valuesOf(text, language, 'sessions.frequency').map((v) => (v as { interval: string }).interval);
}

/** Needle claims as "aspect min-max", in page order. */
export function needlesOf(text: string, language: string): string[] {
  return valuesOf(text, language, 'needle').map((v) => {
    const n = v as { aspect: string; min: number | null; max: number | null };
    return `${n.aspect} ${n.min ?? ''}-${n.max ?? ''}`;
  });
}

/** Adverse effects, in page order. */
export function effectsOf(text: string, language: string): string[] {
  return valuesOf(text, language, 'adverse-effect').map((v) => (v as { effect: string }).effect);
}

/** Safety and efficacy assertions, in page order. */
export function assertionsOf(text: string, language: string): string[] {
  return claimsOf(text, language)
    .filter((c) => c.kind === 'safety' || c.kind === 'efficacy')
    .map((c) => (c.value as { assertion: string }).assertion);
}
