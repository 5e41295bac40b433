/**
 * The term syntax shared by the vocabularies and the reference, compiled to
 * regular expressions that run in linear time: no nested quantifiers, only
 * bounded gaps.
 *
 *   word        literal, case-insensitive
 *   stem*       stem followed by any letters ("controindicat*")
 *   …           a gap of zero to four words between its neighbours
 *   '           any apostrophe, optionally followed by a space
 *   - /         a dash or slash, optionally surrounded by spaces
 */
export const GAP_WORDS = 4;
const LETTER = '[\\p{L}\\p{M}]';
const BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

export function termSource(term: string, options: { leftBoundary?: boolean } = {}): string {
  const tokens = term.trim().split(/\s+/).filter(Boolean);
  let out = '';
  let gap = false;
  let first = true;
  for (const token of tokens) {
    if (token === '…' || token === '...') {
      gap = true;
      continue;
    }
    if (!first) out += gap ? `(?:\\s+\\S+){0,${GAP_WORDS}}?\\s+` : '\\s+';
    gap = false;
    first = false;
    out += tokenSource(token);
  }
  const startsWithWord = /^[\p{L}\p{N}]/u.test(term.trim());
  const endsWithWord = /[\p{L}\p{N}*]$/u.test(term.trim());
  return `${startsWithWord && options.leftBoundary !== false ? BEFORE : ''}${out}${endsWithWord ? AFTER : ''}`;
}

function tokenSource(token: string): string {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const c = token[i];
    if (c === '*' && i === token.length - 1) out += `${LETTER}*`;
    else if (c === "'" || c === '\u2019') out += "['\u2019]\\s*";
    else if (c === '-') out += '\\s*[-\u2010-\u2015\u2212]\\s*';
    else if (c === '/') out += '\\s*/\\s*';
    else if (/[\p{L}\p{N}\p{M}]/u.test(c)) out += c;
    else out += /[\^$\\.*+?()[\]{}|]/.test(c) ? `\\${c}` : c;
  }
  return out;
}

/** One regex matching any of the terms, longest alternatives first. */
export function compileTerms(terms: readonly string[], flags = 'giu'): RegExp {
  const sources = [...new Set(terms.map((t) => t.trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((t) => termSource(t));
  if (sources.length === 0) return /(?!)/gu;
  return new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags);
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
