/**
 * Catastrophic backtracking: every regular expression claimlint compiles from the
 * vocabularies and the reference is checked with recheck (issue 7).
 *
 * Checking the full compiled patterns (670 distinct, up to 14,000 characters) takes recheck
 * minutes and mostly times out, so the check is split in two parts that together cover them:
 *
 * 1. Every term of every vocabulary and of the reference, by shape. A term compiles through
 *    termSource; its backtracking depends on the constructs it uses (gaps "…", stems "*",
 *    apostrophes, dashes, slashes, spaces), not on which letters it holds, so each distinct
 *    shape (letters → "a") is compiled and checked. Top-level alternations of terms cost at
 *    most the sum of their alternatives per start position, so a union of safe terms is safe.
 * 2. Every composite pattern (numbers and ranges, units, frequencies, session counts, gauge,
 *    concept unions, every cached extractor regex), built by the real code from the real
 *    vocabularies and reference with each word list cut to its first three entries: the
 *    structure (quantifiers around alternations) is the real one, the alternations are short.
 *
 * Fixed-width lookarounds (the word boundaries) are kept. recheck runs with a fixed seed; a
 * "vulnerable" verdict fails the test (it found "n'* * que" cubic on runs of spaces, fixed in
 * termSource), except the second-degree polynomial one recheck's
 * model reports for a scan over a long word, which V8 does not show and which the sentence
 * cap (src/parse/limits.ts MAX_SENTENCE_CHARS) bounds anyway.
 */
import { describe, expect, it } from 'vitest';
import { check } from 'recheck';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { termSource } from '../src/extract/terms.js';
import { loadLanguages, VOCAB_DIR, type LanguagePack } from '../src/vocab/load.js';
import { loadReference } from '../src/reference/load.js';
import { cachedRegexes } from '../src/extract/cache.js';
import { extractClaims } from '../src/extract/index.js';
import { parseSentences } from '../src/parse/sentences.js';
import { MAX_SENTENCE_CHARS } from '../src/parse/limits.js';
import type { SourceDocument } from '../src/types.js';
import { REFERENCE, ROOT } from './helpers/engine.js';

const KEEP = 3;

/** Every string in a YAML value (term lists, patterns); keys of `numbers` too. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** The same data with every list cut to its first KEEP entries and every mapping of numbers to KEEP keys. */
function trim(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.slice(0, key === 'facts' || key === 'evidence' || key === 'concepts' || key === 'derivations' || key === 'fixed' || key === 'every' || key === 'times' ? undefined : KEEP).map((x) => trim(x));
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    return Object.fromEntries((key === 'numbers' ? entries.slice(0, KEEP) : entries).map(([k, x]) => [k, trim(x, k)]));
  }
  return v;
}

const shape = (term: string) => term.replace(/[\p{L}\p{N}\p{M}]+/gu, 'a');

async function verdicts(patterns: Map<string, { source: string; flags: string }>, timeout: number, parallel = 8): Promise<Array<{ name: string; status: string; complexity?: string }>> {
  const out: Array<{ name: string; status: string; complexity?: string }> = [];
  const list = [...patterns];
  for (let i = 0; i < list.length; i += parallel) {
    await Promise.all(
      list.slice(i, i + parallel).map(async ([name, { source, flags }]) => {
        const d = await check(source, flags.replace(/[dgy]/g, ''), { timeout, randomSeed: 7 });
        const complexity = d.status === 'vulnerable' ? `${d.complexity.type}${d.complexity.type === 'polynomial' ? ` degree ${d.complexity.degree}` : ''}` : undefined;
        out.push({ name, status: d.status, complexity });
      }),
    );
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

const failures = (v: Array<{ name: string; status: string; complexity?: string }>) => v.filter((r) => r.status === 'vulnerable' && r.complexity !== 'polynomial degree 2');

/**
 * The failures of a batch, each checked again alone with a longer time limit: under load the
 * exact (automaton) analysis can run out of time, and recheck's fuzzing fallback then sometimes
 * calls a safe shape polynomial (seen once in a full parallel test run, never alone).
 */
async function confirmedFailures(patterns: Map<string, { source: string; flags: string }>, v: Array<{ name: string; status: string; complexity?: string }>): Promise<Array<{ name: string; status: string; complexity?: string }>> {
  const suspects = failures(v);
  if (!suspects.length) return [];
  return failures(await verdicts(new Map(suspects.map((r) => [r.name, patterns.get(r.name)!])), 20_000, 1));
}

describe('regular expressions: no catastrophic backtracking', () => {
  it('every term shape of the vocabularies and the reference', async () => {
    const terms: string[] = [];
    for (const f of readdirSync(VOCAB_DIR).filter((n) => n.endsWith('.yaml'))) {
      const v = parse(readFileSync(join(VOCAB_DIR, f), 'utf8')) as Record<string, unknown>;
      terms.push(...strings({ ...v, language: undefined, name: undefined, numbers: Object.keys((v.numbers as object) ?? {}) }).flatMap((t) => t.split('{n}')));
    }
    const ref = parse(readFileSync(REFERENCE, 'utf8')) as { concepts: Array<{ terms: Record<string, string[]> }> };
    for (const c of ref.concepts) terms.push(...strings(c.terms));
    const shapes = new Map<string, { source: string; flags: string }>();
    for (const t of terms) if (t.trim()) shapes.set(shape(t), { source: termSource(shape(t)), flags: 'u' });
    expect(terms.length).toBeGreaterThan(1000);
    const v = await verdicts(shapes, 2000);
    expect(await confirmedFailures(shapes, v)).toEqual([]);
    // Most shapes are proven safe within the time limit (74 of 85 on an idle machine); the rest end
    // "unknown" (recheck timed out): reported, not failed, since how many depends on the machine's load.
    const unknown = v.filter((r) => r.status === 'unknown').map((r) => r.name);
    if (unknown.length) process.stderr.write(`recheck: ${v.length - unknown.length} of ${v.length} term shapes safe, unknown (timeout): ${unknown.join(' | ')}\n`);
  }, 600_000);

  it('every composite pattern the code builds, from the real data with short word lists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-regex-'));
    mkdirSync(join(dir, 'vocab'));
    for (const f of readdirSync(VOCAB_DIR).filter((n) => n.endsWith('.yaml'))) writeFileSync(join(dir, 'vocab', f), stringify(trim(parse(readFileSync(join(VOCAB_DIR, f), 'utf8')))));
    writeFileSync(join(dir, 'reference.yaml'), stringify(trim(parse(readFileSync(REFERENCE, 'utf8')))));
    const languages = loadLanguages(join(dir, 'vocab'));
    const reference = loadReference(join(dir, 'reference.yaml'));
    const patterns = new Map<string, { source: string; flags: string }>();
    const add = (name: string, re: RegExp) => patterns.set(name, { source: re.source, flags: re.flags });
    // Running the extractors once per language compiles (and caches) every regex they build.
    const SAMPLE: Record<string, string> = {
      it: 'Aghi da 4 mm, 3-5 sedute ogni 7 giorni, calibro 30G. Non ha effetti collaterali.',
      en: 'Needles of 4 mm, 3-5 sessions every 7 days, 30G. No side effects.',
      fr: 'Aiguilles de 4 mm, 3-5 séances tous les 7 jours, 30G. Sans effets secondaires.',
      es: 'Agujas de 4 mm, 3-5 sesiones cada 7 días, 30G. Sin efectos secundarios.',
    };
    for (const [lang, pack] of languages as Map<string, LanguagePack>) {
      const text = SAMPLE[lang] ?? SAMPLE.en;
      const doc: SourceDocument = { id: 'x', path: 'x.md', text, bodyOffset: 0, meta: { language: lang, languageSource: 'front-matter' }, sha256: '' };
      extractClaims(doc, parseSentences(text), pack, reference);
      for (const [k, re] of Object.entries(pack.re)) add(`${lang}.re.${k}`, re);
      for (const [k, re] of Object.entries(pack.qualifiers)) add(`${lang}.qualifiers.${k}`, re);
      pack.frequencyFixed.forEach((f, i) => add(`${lang}.frequency.fixed.${i}`, f.re));
      pack.frequencyEvery.forEach((f, i) => add(`${lang}.frequency.every.${i}`, f.re));
      pack.frequencyTimes.forEach((f, i) => add(`${lang}.frequency.times.${i}`, f.re));
      for (const c of reference.concepts.values()) if (c.terms[lang]?.length) add(`${lang}.concept.${c.id}`, reference.matcher(lang, c.id));
    }
    for (const [k, re] of cachedRegexes(reference)) add(`cached.${k.replace(/\u0000/g, ':')}`, re);
    // In CI, the patterns with quantifiers around alternations (numbers, ranges, frequencies, the
    // extractors' own); unions of terms are covered by the shapes above. REGEX_FULL=1 (npm run fuzz) checks all.
    if (!process.env.REGEX_FULL) for (const k of [...patterns.keys()]) if (!/quantityMm|frequency\.(every|times)|^cached\./.test(k)) patterns.delete(k);
    expect(patterns.size).toBeGreaterThan(process.env.REGEX_FULL ? 150 : 20);
    expect([...patterns.keys()].some((k) => k.startsWith('cached.'))).toBe(true);
    const v = await verdicts(patterns, 1000);
    expect(await confirmedFailures(patterns, v)).toEqual([]);
    expect(MAX_SENTENCE_CHARS).toBeLessThanOrEqual(1000);
    void ROOT;
  }, 900_000);
});
