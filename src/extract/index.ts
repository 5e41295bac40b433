import { detached } from '../util/strings.js';
import type { Claim, Sentence, SourceDocument } from '../types.js';
import type { Reference } from '../reference/load.js';
import type { LanguagePack } from '../vocab/load.js';
import { LineIndex } from '../util/positions.js';
import { contentId, stableStringify } from '../util/hash.js';
import { SentenceContext } from './context.js';
import { extractNeedle } from './needle.js';
import { extractSessionCount, extractSessionFrequency } from './sessions.js';
import { extractConcepts } from './concepts.js';
import { findAll, test, type Span } from './terms.js';
import { wordsOf } from './term-index.js';
import { conceptIndex } from './cache.js';
import type { Extractor, RawClaim } from './types.js';

/** The extractors, one module per family of claim kinds. */
export const EXTRACTORS: ReadonlyArray<{ name: string; run: Extractor }> = [
  { name: 'needle', run: extractNeedle },
  { name: 'sessions.count', run: extractSessionCount },
  { name: 'sessions.frequency', run: extractSessionFrequency },
  { name: 'concepts', run: extractConcepts },
];

/**
 * Runs every extractor on every sentence and places the claims in the file.
 * A sentence that occurs again word for word (a paragraph scraped twice)
 * yields its claims once, with the other places listed as occurrences.
 */
export function extractClaims(doc: SourceDocument, sentences: Sentence[], lang: LanguagePack, ref: Reference): Claim[] {
  const lines = new LineIndex(doc.text);
  const index = conceptIndex(ref, lang.language);
  const byKey = new Map<string, Claim>();
  const byBlock = new Map<number, Sentence[]>();
  for (const s of sentences) byBlock.set(s.block, [...(byBlock.get(s.block) ?? []), s]);
  for (const sentence of sentences) {
    const text = sentence.folded;
    // Questions (FAQ headings) assert nothing; page furniture neither.
    if (/\?\s*$/.test(text) || test(lang.re.noise, text)) continue;
    const leadInSentences = sentence.leadIn === undefined ? [] : (byBlock.get(sentence.leadIn) ?? []);
    const leadIn = leadInSentences.map((s) => s.folded).join(' ');
    const words = wordsOf(text);
    const candidates = index.candidates(words);
    // Most sentences of a page mention nothing the reference knows: nothing to extract.
    if (candidates.size === 0 && !lang.frequencyIndex.candidates(words).size) continue;
    const context = new SentenceContext(text, lang);
    const memo = new Map<string, Span[]>();
    const hits = (id: string): Span[] => {
      let h = memo.get(id);
      if (!h) memo.set(id, (h = candidates.has(id) ? findAll(ref.matcher(lang.language, id), text) : []));
      return h;
    };
    const input = { sentence, text, cased: sentence.normalized, leadIn, lang, ref, context, words, candidates, hits };
    const raw: RawClaim[] = [];
    for (const e of EXTRACTORS) raw.push(...e.run(input));
    for (const r of dedupeRaw(raw)) {
      const start = sentence.start + r.span.start;
      const end = sentence.start + r.span.end;
      const key = `${r.kind}\u0000${stableStringify(r.value)}\u0000${text}\u0000${r.span.start}`;
      const position = lines.position(start, end);
      const existing = byKey.get(key);
      if (existing) {
        (existing.occurrences ??= []).push(position);
        continue;
      }
      byKey.set(key, {
        id: contentId('c', doc.id, r.kind, r.value, text.replace(/\s+/g, ' ').trim(), r.span.start),
        source: doc.id,
        path: doc.path,
        kind: r.kind,
        value: r.value,
        text: detached(doc.text.slice(start, end)),
        sentence: detached(doc.text.slice(sentence.start, sentence.end)),
        position,
        language: lang.language,
        modifiers: r.modifiers,
      });
    }
  }
  return [...byKey.values()].sort((a, b) => a.position.start.offset - b.position.start.offset || a.position.end.offset - b.position.end.offset || (a.id < b.id ? -1 : 1));
}

/**
 * One sentence states a value once: "antiaggreganti (aspirina, clopidogrel)" is one
 * contraindication. Among twins the earliest span is kept, or the longer when they overlap.
 */
function dedupeRaw(raw: RawClaim[]): RawClaim[] {
  const out: RawClaim[] = [];
  for (const r of raw) {
    const v = stableStringify(r.value);
    const twin = out.find((o) => o.kind === r.kind && stableStringify(o.value) === v);
    if (!twin) out.push(r);
    else if (twin.span.start < r.span.end && r.span.start < twin.span.end ? r.span.end - r.span.start > twin.span.end - twin.span.start : r.span.start < twin.span.start)
      out[out.indexOf(twin)] = r;
  }
  return out;
}
