/**
 * Unified diffs of in-place replacements. The edits are known exactly (offset
 * ranges), so hunks are built from the lines they touch, with 3 lines of
 * context, as `diff -u` and `git diff` print them.
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

interface Change {
  /** 0-based index of the first old line and count of old lines. */
  from: number;
  count: number;
  lines: string[];
}

const CONTEXT = 3;

export function unifiedDiff(path: string, text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return '';
  const lines = splitLines(text);
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length;
  }
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Group edits touching the same or adjacent lines into changes.
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const changes: Change[] = [];
  let group: TextEdit[] = [];
  let gFrom = 0;
  let gTo = 0;
  const flush = () => {
    if (!group.length) return;
    const base = starts[gFrom];
    const old = lines.slice(gFrom, gTo + 1).join('');
    const replaced = applyEdits(old, group.map((e) => ({ ...e, start: e.start - base, end: e.end - base })));
    changes.push({ from: gFrom, count: gTo - gFrom + 1, lines: splitLines(replaced) });
    group = [];
  };
  for (const e of sorted) {
    const a = lineOf(e.start);
    const b = lineOf(Math.max(e.start, e.end - 1));
    if (group.length && a <= gTo) gTo = Math.max(gTo, b);
    else {
      flush();
      gFrom = a;
      gTo = b;
    }
    group.push(e);
  }
  flush();

  const show = (prefix: string, line: string, last: boolean) => {
    const body = line.replace(/\r?\n$|\r$/, '');
    return `${prefix}${body}\n${last && body === line ? '\\ No newline at end of file\n' : ''}`;
  };
  let out = `--- a/${path}\n+++ b/${path}\n`;
  let delta = 0;
  for (let i = 0; i < changes.length; ) {
    // A hunk: changes whose context windows touch.
    let j = i;
    while (j + 1 < changes.length && changes[j + 1].from - (changes[j].from + changes[j].count) <= 2 * CONTEXT) j++;
    const first = changes[i];
    const lastChange = changes[j];
    const hFrom = Math.max(0, first.from - CONTEXT);
    const hTo = Math.min(lines.length, lastChange.from + lastChange.count + CONTEXT);
    let body = '';
    let oldCount = 0;
    let newCount = 0;
    let cursor = hFrom;
    for (let k = i; k <= j; k++) {
      const c = changes[k];
      for (; cursor < c.from; cursor++, oldCount++, newCount++) body += show(' ', lines[cursor], cursor === lines.length - 1);
      for (let m = 0; m < c.count; m++, oldCount++) body += show('-', lines[c.from + m], c.from + m === lines.length - 1);
      const endsFile = c.from + c.count === lines.length;
      c.lines.forEach((l, m) => {
        body += show('+', l, endsFile && m === c.lines.length - 1);
        newCount++;
      });
      cursor = c.from + c.count;
    }
    for (; cursor < hTo; cursor++, oldCount++, newCount++) body += show(' ', lines[cursor], cursor === lines.length - 1);
    const range = (start: number, count: number) => (count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`);
    out += `@@ -${range(hFrom + 1, oldCount)} +${range(hFrom + 1 + delta, newCount)} @@\n${body}`;
    for (let k = i; k <= j; k++) delta += changes[k].lines.length - changes[k].count;
    i = j + 1;
  }
  return out;
}
