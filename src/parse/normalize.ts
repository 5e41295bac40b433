import { decodeNamedCharacterReference } from 'decode-named-character-reference';
/**
 * One-to-one character normalisation. Every replacement keeps the string's
 * length in UTF-16 code units, so an offset in the normalised copy is the same
 * offset in the original file: positions never need a second mapping.
 */
const MAP: Record<string, string> = {
  '\u00a0': ' ', // no-break space ("circa 6 mm")
  '\u202f': ' ', // narrow no-break space (French typography: "4 mm")
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\t': ' ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201b': "'",
  '\u02bc': "'",
  '\u00b4': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-', // en dash ("3–5")
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-', // minus sign
  '\u2026': '.',
  '\u00d7': 'x',
  // Superscript letters of ordinals ("1ʳᵉ séance", "2ᵉ", "1ˢᵗ session"): the letters they stand for.
  '\u02b3': 'r',
  '\u1d49': 'e',
  '\u02e2': 's',
  '\u1d57': 't',
  '\u207f': 'n',
  '\u1d48': 'd',
};

const PATTERN = new RegExp(`[${Object.keys(MAP).join('')}]`, 'g');

/** A Markdown backslash escape, pandoc's "--" between figures, or a definition list's "::" after its term. */
const CONVERTER_MARK = /\\(?=[!-/:-@[-`{-~ \u00a0])|(?<=\d)--(?=\d)|(?<=[\p{L}\p{N})*_])::(?=[ \t])/gu;

/**
 * Marks that converters write into Markdown, read as what they stand for, the text keeping its
 * length: a backslash escape is blanked ("3\-5 sedute", "1\. Schwangerschaft", pandoc's
 * "4\ mm"), pandoc's "--" between figures is an en dash ("3--5 sessions"), and a definition
 * list's "::" (AsciiDoc's) is a label's colon ("Sedute:: 8–10").
 */
export function readConverterMarks(text: string): string {
  return text.includes('\\') || text.includes('--') || text.includes('::') ? text.replace(CONVERTER_MARK, (m) => (m === '--' ? '\u2013 ' : m === '::' ? ': ' : ' ')) : text;
}

/**
 * A line that is only a caption's time ("2:02", "[01:15:30]", "00:01:02,500"), or the stamp that
 * opens a chat or transcript line ("[12/02/25, 09:34] Anna: …", "[00:12:30] Host: …").
 */
const LINE_TIME = /(?<=^|\n)[ \t]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\]?[ \t]*(?=\n|$)|\[(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?[ \t]*)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?\])/g;

const TIME_LIKE = /\d:\d\d/;

/**
 * A video's transcript puts a time on a line of its own every few words, in the middle of a
 * sentence ("si usa un ago da quattro⏎2:02⏎millimetri"), and a chat export opens each message
 * with one: blanked (same length), the words around a time read as one phrase, a message opens
 * with its speaker, and the time is not read as a figure.
 */
export function blankLineTimes(text: string): string {
  // (Looked for only where a time can be: most paragraphs have no figure, colon and two figures.)
  return TIME_LIKE.test(text) ? text.replace(LINE_TIME, (m) => ' '.repeat(m.length)) : text;
}

export function normalizeChars(text: string): string {
  return text.replace(PATTERN, (c) => MAP[c] ?? c);
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;
/** A run of word characters and character references: a word a reference may sit inside ("sess&otilde;es"). */
const REFERENCE_RUN = /(?:[\p{L}\p{N}\p{M}]|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)+/gu;

/** Where decoded character references shortened a word: offsets in (from, to] are `delta` short of the file's. */
export interface Shift {
  from: number;
  to: number;
  delta: number;
}

function decodeReference(whole: string, dec: string | undefined, hex: string | undefined, name: string | undefined): string | false {
  let decoded: string | false;
  if (dec || hex) {
    const cp = Number.parseInt(dec ?? hex!, dec ? 10 : 16);
    decoded = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : false;
  } else decoded = decodeNamedCharacterReference(name!);
  return decoded && decoded.length <= whole.length ? normalizeChars(decoded) : false;
}

/**
 * Character references left in text ("perch&egrave;", "sess&otilde;es", "4&nbsp;mm") are
 * decoded, and the word they sit in closes up ("sessões"), blanks filling in after it: the text
 * keeps its length, so offsets outside such words still map to the file, and `shifts` says how
 * far those inside them moved. Unknown names are left as they are.
 */
export function decodeEntities(text: string): { text: string; shifts?: Shift[] } {
  if (!text.includes('&')) return { text };
  const pieces: string[] = [];
  const shifts: Shift[] = [];
  let at = 0;
  for (const run of text.matchAll(REFERENCE_RUN)) {
    if (!run[0].includes('&')) continue;
    const runStart = run.index ?? 0;
    let word = '';
    let removed = 0;
    let last = 0;
    const runShifts: Shift[] = [];
    for (const ref of run[0].matchAll(ENTITY)) {
      const decoded = decodeReference(ref[0], ref[1], ref[2], ref[3]);
      if (!decoded) continue;
      word += run[0].slice(last, ref.index) + decoded;
      last = (ref.index ?? 0) + ref[0].length;
      removed += ref[0].length - decoded.length;
      // After the decoded character, offsets are `removed` short of the file's, up to the next
      // reference's character (or the end of the word).
      const end = runStart + word.length;
      if (runShifts.length) runShifts[runShifts.length - 1].to = end - 1;
      runShifts.push({ from: end - 1, to: end, delta: removed });
    }
    if (!removed) continue;
    word += run[0].slice(last);
    runShifts[runShifts.length - 1].to = runStart + word.length;
    shifts.push(...runShifts.filter((s) => s.to > s.from));
    pieces.push(text.slice(at, runStart), word, ' '.repeat(removed));
    at = runStart + run[0].length;
  }
  if (!pieces.length) return { text };
  pieces.push(text.slice(at));
  return { text: pieces.join(''), ...(shifts.length && { shifts }) };
}

/** Maps an offset of decoded text (decodeEntities) back to the text it was decoded from. */
export function undoShifts(shifts: readonly Shift[] | undefined, offset: number): number {
  if (shifts) for (const s of shifts) if (offset > s.from && offset <= s.to) return offset + s.delta;
  return offset;
}

/**
 * Characters that decorate the end of a question or a lead-in without changing it: emoji and other
 * symbols, their variation selector and joiner ("QUEM NÃO PODE FAZER? 🚫"). A character class body.
 */
export const DECORATION = String.raw`\p{Extended_Pictographic}\p{So}\uFE0F\u200D`;
