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
};

const PATTERN = new RegExp(`[${Object.keys(MAP).join('')}]`, 'g');

export function normalizeChars(text: string): string {
  return text.replace(PATTERN, (c) => MAP[c] ?? c);
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/**
 * Character references left in text ("perch&egrave;", "4&nbsp;mm") are decoded in
 * place and padded with spaces to their original length, so offsets still map to
 * the file. Unknown names are left as they are.
 */
export function decodeEntitiesInPlace(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    let decoded: string | false = false;
    if (dec || hex) {
      const cp = Number.parseInt(dec ?? hex!, dec ? 10 : 16);
      decoded = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : false;
    } else decoded = decodeNamedCharacterReference(name!);
    if (!decoded || decoded.length > whole.length) return whole;
    return normalizeChars(decoded) + ' '.repeat(whole.length - decoded.length);
  });
}
