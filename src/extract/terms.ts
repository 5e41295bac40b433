/**
 * The term syntax shared by the vocabularies and the reference, compiled to
 * regular expressions that run in linear time: no nested quantifiers, only
 * bounded gaps.
 *
 *   word        literal, case-insensitive (terms and text are case-folded one-to-one,
 *               so the regexes need no `i` flag, which is slow to compile with \p{…} classes)
 *   stem*       stem followed by any letters ("controindicat*")
 *   …           a gap of zero to four words between its neighbours (after a comma, too)
 *   '           any apostrophe, optionally followed by a space; or a space alone
 *   -           a dash, optionally surrounded by spaces; or a space alone
 *   /           a slash, optionally surrounded by spaces
 *   é           an accented letter, or its plain letter in a word of three letters or more
 *               (a final one may be the plain letter and an apostrophe: "piu'")
 */
export const GAP_WORDS = 4;
/**
 * A word character is anything that is not white space or punctuation. Written as a
 * small negated class rather than [\p{L}\p{M}\p{N}]: V8 compiles Unicode property
 * classes into large native code on first use, which made a cold start cost seconds.
 */
const SEPARATORS = '\\s!-\\/:-@\\[-`{-~\\u00a0-\\u00bf\\u2000-\\u206f\\u3000-\\u303f';
export const WORD_CHAR = `[^${SEPARATORS}]`;
const LETTER = WORD_CHAR;
const BEFORE = `(?<!${WORD_CHAR})`;
const AFTER = `(?!${WORD_CHAR})`;

export function termSource(term: string, options: { leftBoundary?: boolean } = {}): string {
  const { before, core, after } = termParts(term, options);
  return `${before}${core}${after}`;
}

/** A term's pattern, and the word boundaries that go before and after it (empty where none does). */
function termParts(term: string, options: { leftBoundary?: boolean } = {}): { before: string; core: string; after: string } {
  const tokens = foldCase(term).trim().split(/\s+/).filter(Boolean);
  let out = '';
  let gap = false;
  let first = true;
  for (const token of tokens) {
    if (token === '…' || token === '...') {
      gap = true;
      continue;
    }
    // A gap may open after a comma: "dolor, ardor o escozor en el punto de inyección".
    if (!first) out += gap ? `,?(?:\\s+\\S+){0,${GAP_WORDS}}?\\s+` : '\\s+';
    gap = false;
    first = false;
    out += tokenSource(token);
  }
  const startsWithWord = /^[\p{L}\p{N}]/u.test(term.trim());
  const endsWithWord = /[\p{L}\p{N}*]$/u.test(term.trim());
  return { before: startsWithWord && options.leftBoundary !== false ? BEFORE : '', core: out, after: endsWithWord ? AFTER : '' };
}

function tokenSource(token: string): string {
  let out = '';
  const letters = token.replace(NOT_LETTERS, '').length;
  for (let i = 0; i < token.length; i++) {
    const c = token[i];
    const base = plainLetter(c);
    // A letter with an accent also matches its plain letter, as pages typed without accents (or
    // with an apostrophe for a final one) write it: "seance", "sessao", "piu'". Not in a word of one
    // or two letters, where the accent tells words apart ("sí" and "si", "è" and "e"), except as
    // the apostrophe ("e'" for "è").
    // (Not before a stem's "*": "évité*" is the participle, and "évitez" would be its stem plus "ez".
    // Nor in a short stem: "sûr*" would be "sur*", as in "surtout".)
    if (base !== c && token[i + 1] !== '*' && !(token.endsWith('*') && letters < SHORT_STEM)) {
      const last = i === token.length - 1 || !/\p{L}/u.test(token[i + 1]);
      if (letters >= 3) out += last ? `(?:${c}|${base}['\u2019]?)` : `[${c}${base}]`;
      else out += last ? `(?:${c}|${base}['\u2019])` : c;
      continue;
    }
    // A token that is only "*" is one whole word ("n'* * que"): one or more letters. Allowing
    // none made two spaces match as "\s+ \s+" in two ways, cubic on long runs of spaces.
    if (c === '*' && token === '*') out += `${LETTER}+`;
    else if (c === '*' && i === token.length - 1) out += `${LETTER}*`;
    // (A space stands for either, as pages typed in haste write them: "d une semaine", "contre indications".)
    else if (c === "'" || c === '\u2019') out += "(?:['\u2019]\\s*|\\s+)";
    // (A dash standing alone between words, "fat - gone", is a dash: spaces already stand around it.)
    else if (c === '-') out += token === '-' ? '\\s*[-\u2010-\u2015\u2212]\\s*' : '(?:\\s*[-\u2010-\u2015\u2212]\\s*|\\s+)';
    else if (c === '/') out += '\\s*/\\s*';
    else if (/[\p{L}\p{N}\p{M}]/u.test(c)) out += c;
    else out += /[\^$\\.*+?()[\]{}|]/.test(c) ? `\\${c}` : c;
  }
  return out;
}

const NOT_LETTERS = /[^\p{L}]/gu;
/** Below this many letters, a stem keeps its accents. */
const SHORT_STEM = 5;
/**
 * A letter with a diacritic that decomposes to one plain letter. Not "ñ" ("año" and "ano" are
 * different words), nor the umlauts, which German writers spell out as "ae", "oe", "ue" when they
 * cannot type them, and which tell words apart ("Länge" and "lange", "schön" and "schon").
 */
const ACCENTED = /^(?![ñäöü])[à-öø-ÿāăąćĉċčďēĕėęěĝğġģĥīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżž]$/u;
/** Plain letters for U+00C0–U+017F, where an accented letter has one ("" where none: kept as it is). */
const PLAIN_FROM = 0xc0;
const PLAIN_TABLE: string[] = Array.from({ length: 0x17f - PLAIN_FROM + 1 }, (_, i) => {
  const c = String.fromCharCode(PLAIN_FROM + i);
  const base = c.normalize('NFD').replace(/\p{M}+/gu, '');
  return ACCENTED.test(c) && base.length === 1 ? base : '';
});

/** The plain letter under an accented one ("é" → "e"); the letter itself when it has none to drop. */
function plainLetter(c: string): string {
  const code = c.charCodeAt(0);
  return (code >= PLAIN_FROM && PLAIN_TABLE[code - PLAIN_FROM]) || c;
}

/**
 * A word with its accents taken off, letter by letter ("séance" → "seance"): the term prefilter
 * files and looks up words so, as the term patterns let a plain letter stand for an accented one.
 * (Runs on every word of every sentence: a table, and the same string when nothing changes.)
 */
export function stripAccents(word: string): string {
  let out: string | undefined;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const plain = (code >= PLAIN_FROM && PLAIN_TABLE[code - PLAIN_FROM]) || '';
    if (plain !== '') out = (out ?? word.slice(0, i)) + plain;
    else if (out !== undefined) out += word[i];
  }
  return out ?? word;
}

/**
 * Lower-cases one UTF-16 unit at a time, keeping the length: offsets in the folded
 * text are offsets in the original. (A few letters, such as "İ", lower-case to two
 * units; they are left as they are.)
 */
export function foldCase(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const l = c.toLowerCase();
    out += l.length === 1 ? l : c;
  }
  return out;
}

/**
 * One regex matching any of the terms, longest alternatives first. Neighbouring terms with the
 * same word boundaries share them, "B(?:t1|t2)A" for "(?:Bt1A)|(?:Bt2A)", which matches the same
 * text in the same order: the boundary class is most of a term's pattern, and V8 stops optimising
 * a regular expression past 20 KB of source (a cue list of 150 terms that crossed it ran 30 times
 * slower).
 */
export function compileTerms(terms: readonly string[], flags = 'gu'): RegExp {
  const sorted = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (sorted.length === 0) return /(?!)/gu;
  return new RegExp(alternation(sorted), flags);
}

/**
 * The terms as one alternation, tried in the order given ("(?:…)|(?:…)"), neighbours with the
 * same word boundaries sharing them (see compileTerms). "(?!)" for none.
 */
export function alternation(terms: readonly string[]): string {
  const parts = terms.map((t) => termParts(t));
  if (parts.length === 0) return '(?!)';
  const runs: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let j = i + 1;
    while (j < parts.length && parts[j].before === parts[i].before && parts[j].after === parts[i].after) j++;
    const cores = parts.slice(i, j).map((p) => p.core);
    runs.push(`(?:${parts[i].before}(?:${cores.join('|')})${parts[i].after})`);
    i = j;
  }
  return runs.join('|');
}

export interface Span {
  start: number;
  end: number;
}

export function findAll(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const r = re.test(text);
  re.lastIndex = 0;
  return r;
}
