/**
 * Turns raw bytes into text, or says precisely why it cannot.
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are read; anything else
 * that is not valid UTF-8, or holds NUL bytes, is reported with its byte offset.
 */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; problem: string; byteOffset?: number };

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  let start = 0;
  let encoding = 'utf-8';
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    start = 3;
    encoding = 'utf-8-bom';
  }
  const nul = bytes.indexOf(0, start);
  if (nul >= 0) return { ok: false, problem: 'binary content (NUL byte); not a text file', byteOffset: nul };
  try {
    // The native strict decoder is fast; only a file it refuses is scanned again for the place.
    return { ok: true, text: STRICT_UTF8.decode(bytes.subarray(start)), encoding };
  } catch {
    const invalid = firstInvalidUtf8(bytes, start);
    return { ok: false, problem: 'invalid UTF-8 byte sequence', byteOffset: Math.max(invalid, start) };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  let i = from;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) (n = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (n = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (n = 3), (min = 0x10000);
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}
