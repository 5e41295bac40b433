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
