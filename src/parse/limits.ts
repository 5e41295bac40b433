/**
 * Bounds that keep one hostile page from stalling or crashing a run, without
 * moving any offset: a page nested deeper than Markdown pages ever are is read
 * as plain text, and a "sentence" longer than any real one is cut into pieces
 * at clause or word boundaries before the extractors see it.
 */
import type { Root, Paragraph } from 'mdast';
import { LineIndex } from '../util/positions.js';

/**
 * Container nesting (block quotes, list items) beyond which the page is read as plain text.
 * remark's cost grows with nesting (5,000 nested block quotes overflowed the stack, 1,000
 * nested list items took over a minute); real pages nest a handful of levels.
 */
export const MAX_MARKDOWN_DEPTH = 100;

/**
 * Longest sentence handed to the extractors, in UTF-16 units. Matching a sentence costs more
 * than linear time in its length (every quantity is compared with every cue), so a scraped
 * line with no full stop for 10,000 characters is cut; the longest sentence in the seed and
 * gold pages is under 400 characters.
 */
export const MAX_SENTENCE_CHARS = 600;

const isBlank = (c: number) => c === 32 || c === 9;

/**
 * A cheap upper estimate of a text's container nesting, in one pass: on each line, the
 * block-quote and list markers of its prefix, plus the indentation before them (two spaces
 * per level, as nested list items are written).
 */
export function markdownDepth(text: string): number {
  let max = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let markers = 0;
    let spaces = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (isBlank(c)) {
        spaces += c === 9 ? 4 : 1;
        i++;
      } else if (c === 62) {
        markers++;
        i++;
      } else if ((c === 45 || c === 42 || c === 43) && isBlank(text.charCodeAt(i + 1))) {
        markers++;
        i++;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < n && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 41) && isBlank(text.charCodeAt(j + 1))) {
          markers++;
          i = j + 1;
        } else break;
      } else break;
    }
    if (markers > 0) max = Math.max(max, markers + (spaces >> 1));
    while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    i++;
  }
  return max;
}

/** The page as plain text: one paragraph per run of non-blank lines, with exact positions. */
export function plainTree(text: string): Root {
  const lines = new LineIndex(text);
  const children: Paragraph[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let start = -1;
  let end = -1;
  const flush = () => {
    if (start < 0) return;
    const position = { start: lines.point(start), end: lines.point(end) };
    children.push({ type: 'paragraph', position, children: [{ type: 'text', value: text.slice(start, end), position }] });
    start = -1;
  };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const line = m[0].replace(/[\r\n]+$/, '');
    if (line.trim() === '') flush();
    else {
      if (start < 0) start = m.index;
      end = m.index + line.length;
    }
    if (m.index + m[0].length >= text.length) break;
  }
  flush();
  return { type: 'root', children };
}

/** Cuts ranges longer than `max` at a clause break (, ; :), else a space, else anywhere but inside a surrogate pair. */
export function capRanges(text: string, ranges: Array<[number, number]>, max = MAX_SENTENCE_CHARS): Array<[number, number]> {
  if (ranges.every(([s, e]) => e - s <= max)) return ranges;
  const out: Array<[number, number]> = [];
  for (const [s, e] of ranges) {
    let pos = s;
    while (e - pos > max) {
      const lo = pos + (max >> 1);
      let cut = -1;
      for (let k = pos + max; k > lo && cut < 0; k--) if (/[,;:]/.test(text[k - 1]) && /\s/.test(text[k] ?? '')) cut = k;
      for (let k = pos + max; k > lo && cut < 0; k--) if (/\s/.test(text[k])) cut = k;
      if (cut < 0) {
        cut = pos + max;
        const c = text.charCodeAt(cut - 1);
        if (c >= 0xd800 && c <= 0xdbff) cut--;
      }
      pushPiece(text, pos, cut, out);
      pos = cut;
    }
    pushPiece(text, pos, e, out);
  }
  return out;
}

function pushPiece(text: string, s: number, e: number, out: Array<[number, number]>): void {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s && /\p{L}/u.test(text.slice(s, e))) out.push([s, e]);
}
