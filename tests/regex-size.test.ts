/**
 * V8 stops optimising a regular expression whose source passes 20 KB (kRegExpTooLargeToOptimize
 * in its regexp compiler): no Boyer-Moore lookahead, no quick checks. At stop 26 the Italian
 * contraindication-cue list crossed it by 400 characters and ran 30 times slower, and every
 * Dutch and Portuguese quantity pattern, each holding the number words three times, had been past
 * it for a while. Extraction regexes are built from data that grows with every vocabulary entry,
 * so their size is checked here rather than noticed in a benchmark.
 */
import { describe, expect, it } from 'vitest';
import { getEngine } from './helpers/engine.js';
import { compileTerms, termSource } from '../src/extract/terms.js';

const LIMIT = 20 * 1024;
/** Headroom: a vocabulary may grow by this much before the test asks for a look. */
const WARN = 0.75 * LIMIT;

function regexesOf(value: unknown, path: string, out: Array<[string, RegExp]>, depth = 0): void {
  if (value instanceof RegExp) out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => regexesOf(v, `${path}[${i}]`, out, depth + 1));
  else if (value && typeof value === 'object' && depth < 3 && !(value instanceof Map) && !(value instanceof Set))
    for (const [k, v] of Object.entries(value)) regexesOf(v, `${path}.${k}`, out, depth + 1);
}

describe('regular expressions built from data', () => {
  it('every language pack regex stays well under the size past which V8 stops optimising', () => {
    const too: string[] = [];
    let seen = 0;
    for (const [language, lang] of getEngine().languages) {
      const found: Array<[string, RegExp]> = [];
      regexesOf(lang, language, found);
      seen += found.length;
      for (const [path, re] of found) if (re.source.length > WARN) too.push(`${path}: ${re.source.length}`);
    }
    expect(too).toEqual([]);
    expect(seen).toBeGreaterThan(200);
  });

  it("every reference matcher (each concept's terms in each language) does too", () => {
    const engine = getEngine();
    const too: string[] = [];
    for (const [language] of engine.languages)
      for (const concept of engine.reference.concepts.values()) {
        const re = engine.reference.matcher(language, concept.id);
        if (re.source.length > WARN) too.push(`${language} ${concept.id}: ${re.source.length}`);
      }
    expect(too).toEqual([]);
  });

  it('neighbouring terms share their word boundaries, and match what the terms one by one match', () => {
    const terms = ['non eseguiamo', 'non trattiamo', "l'idea che", 'anti-age', 'doloros*', '… ore successive', 'non … gravidanza'];
    const shared = compileTerms(terms);
    // (In compileTerms' order: longest first.)
    const sorted = [...terms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const separate = new RegExp(sorted.map((t) => `(?:${termSource(t)})`).join('|'), 'gu');
    const plain = ['non eseguiamo', 'non trattiamo', 'non effettuiamo', 'sconsigliata', 'controindicata', 'evitare', 'rimandare'];
    expect(compileTerms(plain).source.length).toBeLessThan(plain.map((t) => `(?:${termSource(t)})`).join('|').length / 3);
    for (const text of ['Non eseguiamo il trattamento', "l'idea che funzioni", 'effetto anti-age', 'poco dolorosa', 'nelle 24 ore successive', 'non in gravidanza', 'nessuna']) {
      const a = [...text.toLowerCase().matchAll(shared)].map((m) => [m.index, m[0]]);
      const b = [...text.toLowerCase().matchAll(separate)].map((m) => [m.index, m[0]]);
      expect(a, text).toEqual(b);
    }
  });
});
