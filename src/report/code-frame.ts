/**
 * A code frame for the terminal: the line of a finding with its span
 * underlined by ^^^, like Babel's or ESLint's codeframe. Tabs are expanded,
 * control characters shown as spaces, astral characters count as one cell,
 * and a line wider than the terminal is cut to a window around the span with
 * "…" at the cut ends.
 */

export interface CodeFrameOptions {
  /** 1-based line number shown in the gutter. */
  line: number;
  /** Columns available for the whole frame (gutter included). */
  width?: number;
  tabSize?: number;
  /** Wrap the gutter and the carets (e.g. in ANSI colours); identity by default. */
  gutter?: (s: string) => string;
  marker?: (s: string) => string;
  /** Left indent of the frame. */
  indent?: string;
}

/** Display cells of a line: the text of each cell and the UTF-16 index it starts at. */
function cells(text: string, tabSize: number): { cells: string[]; startOf: number[] } {
  const out: string[] = [];
  const startOf: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const unit = code > 0xffff ? text.slice(i, i + 2) : text[i];
    if (unit === '\t') {
      const n = tabSize - (out.length % tabSize);
      for (let k = 0; k < n; k++) {
        out.push(' ');
        startOf.push(i);
      }
    } else {
      out.push(code < 0x20 || code === 0x7f ? ' ' : unit);
      startOf.push(i);
    }
    if (code > 0xffff) i++;
  }
  return { cells: out, startOf };
}

/**
 * The two lines of a frame for the span [startColumn, endColumn) of `text`
 * (1-based UTF-16 columns, end exclusive; an empty span gets one caret).
 */
export function codeFrame(text: string, startColumn: number, endColumn: number, options: CodeFrameOptions): string[] {
  const tabSize = options.tabSize ?? 4;
  const gutterStyle = options.gutter ?? ((s: string) => s);
  const markerStyle = options.marker ?? ((s: string) => s);
  const indent = options.indent ?? '';
  const { cells: line, startOf } = cells(text, tabSize);
  const s16 = Math.max(0, Math.min(startColumn - 1, text.length));
  const e16 = Math.max(s16, Math.min(endColumn - 1, text.length));
  // Cells covered by the span.
  let from = startOf.findIndex((i) => i >= s16);
  if (from < 0) from = line.length;
  let to = startOf.findIndex((i) => i >= e16);
  if (to < 0) to = line.length;
  if (to <= from) to = from + 1;

  const num = String(options.line);
  const gutter = `${indent}${num.padStart(Math.max(4, num.length))} │ `;
  const blank = `${indent}${' '.repeat(Math.max(4, num.length))} │ `;
  const room = Math.max(20, (options.width ?? 100) - gutter.length);

  // Window [lo, hi) of cells to show, centred on the span when the line is too wide.
  let lo = 0;
  let hi = line.length;
  if (line.length > room) {
    if (to < room - 1) hi = room;
    else {
      const spanLen = Math.min(to - from, room - 2);
      lo = Math.max(0, from - Math.floor((room - spanLen) / 2));
      hi = Math.min(line.length, lo + room);
      lo = Math.max(0, hi - room);
    }
  }
  const left = lo > 0 ? '…' : '';
  const right = hi < line.length ? '…' : '';
  // Keep the ellipses inside the room.
  if (left) lo++;
  if (right) hi--;
  const shown = `${left}${line.slice(lo, hi).join('')}${right}`.replace(/\s+$/, '');
  const caretFrom = Math.max(from, lo) - lo + left.length;
  const caretTo = Math.min(to, Math.max(hi, from + 1)) - lo + left.length;
  const carets = '^'.repeat(Math.max(1, caretTo - caretFrom));
  return [gutterStyle(gutter) + shown, gutterStyle(blank) + ' '.repeat(caretFrom) + markerStyle(carets)];
}
