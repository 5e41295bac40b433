/**
 * Generators of hostile pages for the fuzz properties: real claim phrases in the four
 * languages cut up and mixed with Markdown markup, line ends of every kind, combining
 * marks, bidi controls, emoji, lone surrogates, very long lines, deep nesting and
 * random front matter.
 */
import fc from 'fast-check';

/** How many cases each property runs: small in CI, FUZZ_RUNS for `npm run fuzz`. */
export function runs(ci: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? Math.max(ci, Math.round((n * ci) / 100)) : ci;
}

/** Fixed seed in CI (reproducible); `npm run fuzz` draws a new one each time unless FUZZ_SEED is set. */
export function params(ci: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20261125;
  return { numRuns: runs(ci), ...(seed !== undefined ? { seed } : {}), endOnFailure: true };
}

const PHRASES = [
  'Gli aghi sono lunghi 6 mm',
  'aghi da 4mm',
  'circa 4 mm di profondità',
  'da 3 a 5 sedute',
  '3 -5 sedute',
  'una seduta a settimana',
  'ogni 7-10 giorni',
  'non ha effetti collaterali importanti',
  'è controindicata in gravidanza',
  'elimina le tossine',
  'We use 6 mm needles',
  'no side effects',
  'between 4 and 6 sessions every two weeks',
  'not suitable during pregnancy',
  'aiguilles de 4 mm',
  'sans effets secundaires',
  'de 3 à 5 séances',
  'agujas de 4 mm',
  'entre 4 y 6 sesiones',
  'contraindicada en el embarazo',
  'calibro 30G',
  '27 gauge',
  'almeno 8',
  'no more than 4',
];

const MARKUP = ['**', '*', '_', '`', '```\n', '[', '](http://x.it/a)', '<https://x.it>', '> ', '- ', '* ', '1. ', '# ', '## ', '|', ' | --- |', '<div>', '</div>', '<!--', '-->', '&amp;', '&#x1F600;', '&nbsp;', '\\', '![x](y.png)', '[^1]', '~~'];
const ENDS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\u2028', '\u0085'];
const ODD = ['\u0301', '\u0308\u0301\u0323', '\u202e', '\u202d', '\u200f', '\u200d', '\u200b', '\ufeff', '\u00a0', '\u2009', 'مرحبا بالعالم', 'שלום', '😀', '👩‍⚕️', '🇮🇹', '\ud800', '\udc00', '\udbff\udfff', 'İ', 'ß', 'ﬁ', 'Σ', '\u0000', '\u001b[31m', '\t', ' ', '.', '. ', '?', '!', ':', ';', ',', '…', '–', '—', '«', '»', '"', "'", '’', '€ 750', '2,5', '0.5', '12/10', '100000000000000000000'];

/** One piece of a page. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 4, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 3, arbitrary: fc.constantFrom(...ENDS) },
  { weight: 4, arbitrary: fc.constantFrom(...ODD) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 2000 }).map(String) },
);

/** A page body: pieces glued together, sometimes with a very long line or deep nesting. */
export const body: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.array(piece, { maxLength: 80 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PHRASES), fc.integer({ min: 200, max: 2500 })).map(([p, n]) => `${p}, `.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('> ', '- ', '* ', '1. ', '  - ', '>- '), fc.integer({ min: 50, max: 5000 }), fc.constantFrom(...PHRASES))
      .map(([m, n, p]) => `${m.repeat(n)}${p}\n`),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 50, max: 400 }), fc.constantFrom(...PHRASES)).map(([n, p]) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- ${p}`).join('\n')),
  },
);

const yamlValue = fc.oneof(fc.constantFrom('it', 'en', 'fr', 'es', 'xx', '"Clinica"', '2026-11-24', '[a, b]', '{x: 1}', '&a x', '*a', '!!js/function "f"', '|\n  block', "'", '"unclosed', '~', 'null', '12'), fc.string({ maxLength: 10 }));
const yamlKey = fc.constantFrom('id', 'title', 'publisher', 'language', 'retrieved', 'url', '__proto__', 'constructor', '<<', '? [a]', '- x', 'id');

/** Optional front matter: well-formed, broken or hostile. */
export const frontMatter: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.constantFrom('it', 'en', 'fr', 'es').map((l) => `---\nlanguage: ${l}\n---\n`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.array(fc.tuple(yamlKey, yamlValue), { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([pairs, eol, closed]) => `---${eol}${pairs.map(([k, v]) => `${k}: ${v}`).join(eol)}${eol}${closed ? `---${eol}` : ''}`),
  },
);

/** A whole page as text. */
export const page: fc.Arbitrary<string> = fc.tuple(frontMatter, body).map(([f, b]) => f + b);

/** A page as bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or raw random bytes. */
export const pageBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 5, arbitrary: page.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))) },
  { weight: 1, arbitrary: page.map((t) => new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]))) },
  { weight: 1, arbitrary: page.map((t) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
  { weight: 1, arbitrary: fc.tuple(page, fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.nat()).map(([t, junk, at]) => {
    const b = Buffer.from(t, 'utf8');
    const i = b.length ? at % b.length : 0;
    return new Uint8Array(Buffer.concat([b.subarray(0, i), junk, b.subarray(i)]));
  }) },
);
