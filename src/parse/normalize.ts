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
  '\u301c': '-', // wave dash ("４〜６")
  '\uff5e': '-', // fullwidth tilde, written for the wave dash ("４～６")
  '\u30fb': '\u00b7', // katakana middle dot, a list's bullet in Japanese typing ("・pregnant women")
  '\uff65': '\u00b7', // its halfwidth form
};

// Fullwidth forms (East Asian typing: "３２G", "４～６回") are the ASCII they stand for.
const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;
// A character lost to a wrong charset between figures was their dash: "5�8 Sitzungen".
const LOST_DASH = /(?<=\d)\ufffd(?=\d)/g;

const PATTERN = new RegExp(`[${Object.keys(MAP).join('')}\\uff01-\\uff5e]`, 'g');

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
  const plain = text.replace(PATTERN, (c) => MAP[c] ?? fullwidth(c));
  return plain.includes('\ufffd') ? plain.replace(LOST_DASH, '-') : plain;
}

function fullwidth(c: string): string {
  const code = c.charCodeAt(0);
  return code >= FULLWIDTH_FIRST && code <= FULLWIDTH_LAST ? String.fromCharCode(code - FULLWIDTH_OFFSET) : c;
}

/** A character reference; a doubly escaped one ("&amp;rsquo;") stands for what it escapes. */
const ENTITY_SOURCE = String.raw`&(?:amp;)?(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`;
const ENTITY = /&(?:amp;)?(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;

/**
 * The Windows-1252 characters of the bytes 0x80–0x9F, as a UTF-8 page read in that charset shows
 * them ("â€™" for "’"); the bytes it leaves undefined come through as C1 controls.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const CONTINUATION = `[\\u0080-\\u00BF${CP1252_HIGH}]`;
/** A character's UTF-8 bytes read one by one as Windows-1252 (mojibake): "Ã¨" for "è", "â€™" for "’", "Â°" for "°". */
const MOJIBAKE_SOURCE = `[\\u00C2-\\u00DF]${CONTINUATION}|[\\u00E0-\\u00EF]${CONTINUATION}{2}`;
/** Characters that show nothing inside a word: soft hyphen, zero-width space and joiners, word joiner, a stray byte-order mark. */
const INVISIBLE_SOURCE = '[\\u00AD\\u200B\\u200C\\u200D\\u2060\\uFEFF]';
/** One piece of damage a word may carry: a character reference, a mojibake sequence or an invisible character. */
const DAMAGE = new RegExp(`${ENTITY_SOURCE}|${MOJIBAKE_SOURCE}|${INVISIBLE_SOURCE}`, 'y');
/** A run of word characters and damage: a word damage may sit inside ("sess&otilde;es", "perchÃ¨", "treat\u00ADment"). */
const DAMAGED_RUN = new RegExp(`(?:${MOJIBAKE_SOURCE}|${ENTITY_SOURCE}|${INVISIBLE_SOURCE}|[\\p{L}\\p{N}\\p{M}])+`, 'gu');
/** Whether a text may hold any damage worth a pass. */
const MAY_BE_DAMAGED = new RegExp(`&|${INVISIBLE_SOURCE}|[\\u00C2-\\u00EF]${CONTINUATION}`);

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The character a mojibake sequence stands for, or false when its bytes are not UTF-8. */
function decodeMojibake(seq: string): string | false {
  const bytes = new Uint8Array(seq.length);
  for (let i = 0; i < seq.length; i++) {
    const c = seq.charCodeAt(i);
    const high = CP1252_HIGH.indexOf(seq[i]);
    bytes[i] = c <= 0xff ? c : high >= 0 ? 0x80 + high : -1;
    if (c > 0xff && high < 0) return false;
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    return false;
  }
}

/** Where decoded damage shortened a word: offsets in (from, to] are `delta` short of the file's. */
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

/** What one piece of damage at the start of `piece` decodes to ('' for an invisible character), or false. */
function decodePiece(piece: string): string | false {
  if (piece[0] === '&') {
    ENTITY.lastIndex = 0;
    const m = ENTITY.exec(piece);
    return m ? decodeReference(m[0], m[1], m[2], m[3]) : false;
  }
  if (piece.length === 1) return '';
  const decoded = decodeMojibake(piece);
  return decoded && decoded.length <= piece.length ? normalizeChars(decoded) : false;
}

/**
 * Damage a page took on its way here is read through, word by word: character references left in
 * text ("perch&egrave;", "sess&otilde;es", "4&nbsp;mm", "&amp;rsquo;"), a UTF-8 page read as
 * Windows-1252 ("perchÃ¨", "donâ€™t", "4Â mm"), and characters that show nothing inside a word
 * (soft hyphens, zero-width spaces). The word closes up ("sessões"), blanks filling in after it: the
 * text keeps its length, so offsets outside such words still map to the file, and `shifts` says how
 * far those inside them moved. What does not decode (an unknown name, bytes that are no UTF-8) is
 * left as it is.
 */
export function decodeDamagedWords(text: string): { text: string; shifts?: Shift[] } {
  if (!MAY_BE_DAMAGED.test(text)) return { text };
  const pieces: string[] = [];
  const shifts: Shift[] = [];
  let at = 0;
  for (const run of text.matchAll(DAMAGED_RUN)) {
    const runStart = run.index ?? 0;
    const word0 = run[0];
    let word = '';
    let removed = 0;
    let last = 0;
    const runShifts: Shift[] = [];
    for (let i = 0; i < word0.length; ) {
      DAMAGE.lastIndex = i;
      const m = DAMAGE.exec(word0);
      const decoded = m ? decodePiece(m[0]) : false;
      if (!m || decoded === false) {
        i += word0.codePointAt(i)! > 0xffff ? 2 : 1;
        continue;
      }
      word += word0.slice(last, i) + decoded;
      last = i + m[0].length;
      i = last;
      removed += m[0].length - decoded.length;
      // After the decoded character, offsets are `removed` short of the file's, up to the next
      // piece's character (or the end of the word).
      const end = runStart + word.length;
      if (runShifts.length) runShifts[runShifts.length - 1].to = end - 1;
      runShifts.push({ from: end - 1, to: end, delta: removed });
    }
    if (!removed) continue;
    word += word0.slice(last);
    runShifts[runShifts.length - 1].to = runStart + word.length;
    shifts.push(...runShifts.filter((s) => s.to > s.from));
    pieces.push(text.slice(at, runStart), word, ' '.repeat(removed));
    at = runStart + word0.length;
  }
  if (!pieces.length) return { text };
  pieces.push(text.slice(at));
  return { text: pieces.join(''), ...(shifts.length && { shifts }) };
}

/** Maps an offset of decoded text (decodeDamagedWords) back to the text it was decoded from. */
export function undoShifts(shifts: readonly Shift[] | undefined, offset: number): number {
  if (shifts) for (const s of shifts) if (offset > s.from && offset <= s.to) return offset + s.delta;
  return offset;
}

/**
 * Characters that decorate the end of a question or a lead-in without changing it: emoji and other
 * symbols, their variation selector and joiner ("QUEM NÃO PODE FAZER? 🚫"). A character class body.
 */
export const DECORATION = String.raw`\p{Extended_Pictographic}\p{So}\uFE0F\u200D`;
