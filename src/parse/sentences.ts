import type { Nodes, Parents } from 'mdast';
import type { Sentence } from '../types.js';
import { blankLineTimes, decodeDamagedWords, DECORATION, normalizeChars, readConverterMarks, type Shift } from './normalize.js';
import { foldCase } from '../extract/terms.js';
import { capRanges, markdownDepth, MAX_MARKDOWN_DEPTH, plainTree } from './limits.js';
import { parseMarkdown } from './gfm.js';
import { markdownItTree } from './markdown-it-tree.js';
import { DEFAULT_ABBREVIATIONS, isAbbreviation } from './abbreviations.js';

type BlockType = Sentence['blockType'];

interface Block {
  type: BlockType;
  start: number;
  end: number;
  /** Masked, normalised text of [start, end): markup replaced by spaces. */
  masked: string;
  /** Words hyphenated across a line end, joined in `masked` (see joinHyphenated). */
  joins?: Join[];
  /** Words with damage (character references, mojibake, invisible characters), decoded and closed up in `masked` (see decodeDamagedWords). */
  shifts?: Shift[];
  leadIn?: Block;
  /** For a table cell: the first cell of its row. */
  row?: Block;
}


/**
 * Parses Markdown (or plain text, which is Markdown without markup) into
 * sentences whose offsets point into the original text. GFM extensions are
 * added only where the text can use them (./gfm.ts), and a page markdown-it reads
 * exactly as remark does is read by markdown-it (./markdown-it-tree.ts), many times
 * faster. `fullGfm` and `remark` (for the tests that prove these change nothing)
 * parse with all of remark-gfm, or with remark only.
 */
export function parseSentences(text: string, options: { fullGfm?: boolean; remark?: boolean; abbreviations?: RegExp } = {}): Sentence[] {
  const blocks: Block[] = [];
  collectBlocks(parseTree(text, options), text, blocks, false);
  const sentences: Sentence[] = [];
  const indexOfBlock = new Map(blocks.map((b, i) => [b, i]));
  // A table row's text, its cells joined by " | " (one pass over the blocks, however large the table).
  const cells = new Map<Block, string[]>();
  for (const b of blocks) {
    if (!b.row) continue;
    const list = cells.get(b.row);
    if (list) list.push(b.masked.trim());
    else cells.set(b.row, [b.masked.trim()]);
  }
  const rows = new Map<Block, string>();
  const rowText = (first: Block): string => {
    let text = rows.get(first);
    if (text === undefined) rows.set(first, (text = foldCase((cells.get(first) ?? []).join(' | '))));
    return text;
  };
  // A data cell's column (its header, then the cells under it), read as the rows are: in a table
  // of three columns or more, where a column is one thing (a package, a treatment). (A two-column
  // table is labels and values: its value column holds the page's every figure.)
  const under = new Map<Block, string[]>();
  for (const b of blocks) {
    if (b.type !== 'tableCell' || !b.row || b.leadIn?.type !== 'tableCell' || (cells.get(b.row)?.length ?? 0) < 3) continue;
    const list = under.get(b.leadIn);
    if (list) list.push(b.masked.trim());
    else under.set(b.leadIn, [b.leadIn.masked.trim(), b.masked.trim()]);
  }
  const columns = new Map<Block, string>();
  const columnText = (header: Block): string => {
    let text = columns.get(header);
    if (text === undefined) columns.set(header, (text = foldCase((under.get(header) ?? []).join(' | '))));
    return text;
  };
  blocks.forEach((block, index) => {
    // A table cell of figures alone ("3–4") is a value its column header explains; elsewhere a
    // sentence needs a letter ("0 1.245" is a share counter).
    for (const [s, e] of capRanges(block.masked, splitBlock(block.masked, options.abbreviations, block.type === 'tableCell' ? /[\p{L}\p{N}]/u : LETTER))) {
      sentences.push({
        start: block.start + s,
        end: block.start + e,
        normalized: block.masked.slice(s, e),
        folded: foldCase(block.masked.slice(s, e)),
        ...(block.joins && { joins: sentenceJoins(block.joins, s, e) }),
        ...(block.shifts && { shifts: sentenceJoins(block.shifts, s, e) }),
        block: index,
        blockType: block.type,
        leadIn: block.leadIn ? indexOfBlock.get(block.leadIn) : undefined,
        row: block.row && rowText(block.row),
        // (A header cell's column is its own: "| Single session |" over "€250", "€220".)
        ...(block.type === 'tableCell' && (block.leadIn?.type === 'tableCell' ? under.has(block.leadIn) && { column: columnText(block.leadIn) } : under.has(block) && { column: columnText(block) })),
        // A row opened by a label heads its values ("N.º de sessões | 4 a 6", "Sedute | 4–6 |
        // secondo necessità"): each value's label.
        ...(block.row && block.row !== block && isRowLabel(block.row.masked) && { label: block.row.masked.trim() }),
      });
    }
  });
  return sentences;
}

/** A row's first cell that names what the row gives: a few words, not a figure ("Sedute", "N.º de sessões"). */
function isRowLabel(cell: string): boolean {
  const words = cell.match(/[\p{L}\p{N}]+/gu);
  return words !== null && words.length <= 5 && /\p{L}/u.test(cell);
}

/** The Markdown tree of a text (read with markdown-it where it reads as remark does). */
function parseTree(text: string, options: { fullGfm?: boolean; remark?: boolean }): Nodes {
  // Text copied from a PDF or a word processor marks list items with "•": read as Markdown's "-"
  // (same length, so every offset holds). So does a symbol font's bullet, which a converter leaves
  // as a private-use character ("\uf0b7 are pregnant", Word's Symbol and Wingdings glyphs).
  let source = BULLET.test(text) ? text.replace(BULLETS, (mark: string, indent?: string, wordIndent?: string) => asDash(mark, indent ?? wordIndent ?? '')) : text;
  // Forms and leaflets letter their items ("a) gravidez;", "(b) warfarin"), which Markdown does not read as a list.
  if (LETTERED_FIRST.test(source) && LETTERED_SECOND.test(source)) source = source.replace(LETTERED, asDash);
  // Consent forms converted to text tick their lines with "[ ]" or "[x]" and no list mark, which
  // Markdown reads as one paragraph: read each as an item ("- [ ]" is a task list already).
  if (CHECKBOX_LINE.test(source)) source = source.replace(CHECKBOX_LINES, asDash);
  // A carousel's slides copied from a social post number their lines "1/5", "2/5": read as items
  // where two lines or more count to the same total (not a fraction that opens a line: "1/2 mm").
  if (SLIDE_LINE.test(source)) source = slidesAsItems(source);
  return markdownDepth(source) > MAX_MARKDOWN_DEPTH
    ? plainTree(source)
    : ((options.fullGfm || options.remark ? undefined : markdownItTree(source)) ?? parseMarkdown(source, options.fullGfm));
}

/**
 * `decoded`: the text was read out of an HTML block, its character references already decoded
 * (their shifts are the HTML block's).
 */
function collectBlocks(node: Nodes, text: string, out: Block[], inListItem: boolean, leadIn?: Block, decoded = false): void {
  if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'tableCell') {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const type: BlockType = node.type === 'paragraph' && inListItem ? 'listItem' : node.type;
    const inline = maskInline(node, text, start, end);
    const { text: plain, shifts } = decoded ? { text: inline, shifts: undefined } : decodeDamagedWords(inline);
    const { masked, joins } = joinHyphenated(normalizeChars(blankLineTimes(readConverterMarks(plain))));
    out.push({ type, start, end, masked, ...(joins && { joins }), ...(shifts && { shifts }), leadIn: inListItem ? leadIn : undefined });
    return;
  }
  if (decoded && node.type === 'code' && node.position) {
    // Text an HTML block indents only by its blanked tags ("<span class=…>🔥 PROMOÇÃO…"): prose, not code.
    const start = node.position.start.offset ?? 0;
    const end = node.position.end.offset ?? 0;
    out.push({ type: inListItem ? 'listItem' : 'paragraph', start, end, masked: normalizeChars(text.slice(start, end)), leadIn: inListItem ? leadIn : undefined });
    return;
  }
  if (node.type === 'html' && node.position) {
    const start = node.position.start.offset ?? 0;
    const end = node.position.end.offset ?? 0;
    if (decoded) {
      // Markup that only decoding made ("&lt;div&gt;"): blanked, not read again.
      out.push({ type: 'paragraph', start, end, masked: maskHtml(text.slice(start, end)) });
      return;
    }
    readHtmlBlock(text, start, end, out, inListItem, leadIn);
    return;
  }
  if (!('children' in node)) return;
  const parent = node as Parents;
  let previous: Block | undefined;
  const rows: Block[][] = [];
  for (const child of parent.children) {
    const before = out.length;
    // A list introduced by "Controindicazioni:", a heading or an unfinished sentence inherits
    // that lead-in, so each item can be read in the context the page gives it.
    // A table takes the paragraph right before it, whatever it ends with: it may introduce a
    // checklist of questions (see below).
    const childLeadIn = child.type === 'list' ? leadInOf(previous, text) ?? leadIn : child.type === 'table' && previous?.type === 'paragraph' ? previous : leadIn;
    collectBlocks(child, text, out, inListItem || child.type === 'listItem', childLeadIn, decoded);
    // Items lettered in a paragraph of their own ("a) gravidanza;\nb) terapia anticoagulante;"),
    // which Markdown does not read as a list, are the list its lead-in introduces all the same.
    if (child.type === 'paragraph' && out.length === before + 1 && !inListItem && isLettered(out[before].masked)) {
      const items = leadInOf(previous, text) ?? leadIn;
      if (items) Object.assign(out[before], { type: 'listItem', leadIn: items, masked: out[before].masked.replace(ITEM_MARKS, (mark, indent: string) => indent + ' '.repeat(mark.length - indent.length)) });
    }
    // Lines of tab-separated cells in a paragraph (a table copied from a spreadsheet, a PDF or a
    // word processor) are a table: their first line heads the columns.
    if (child.type === 'paragraph' && out.length === before + 1 && !inListItem && !decoded) {
      const split = tabTable(out[before], text);
      if (split) out.splice(before, 1, ...split);
    }
    // A numbered section title in capitals, which Markdown reads as a list of one item ("6.
    // CONTRE-INDICATIONS" over "Absolues :" and its list), is the heading it stands for.
    if (child.type === 'list' && child.children.length === 1 && out.length === before + 1 && NUMBER_MARK.test(text.slice(text.lastIndexOf('\n', out[before].start - 1) + 1, out[before].start)) && isSectionTitle(out[before].masked)) out[before].type = 'heading';
    if (out.length > before) previous = out[out.length - 1];
    // A row's cells are read together where one cell's meaning hangs on another's ("1 session | £95").
    if (child.type === 'tableRow') {
      for (let k = before; k < out.length; k++) out[k].row = out[before];
      rows.push(out.slice(before));
    }
  }
  // A column's header leads its cells in, as "Controindicazioni:" does a list's items: under
  // "Contre-indications", the cell "Grossesse et allaitement" lists contraindications.
  // A column of questions under a blank header is a checklist the paragraph before the table
  // introduces: "Il trattamento NON può essere eseguito se il paziente risponde SÌ…" over "Sta allattando?".
  if (node.type === 'table')
    for (const row of rows.slice(1))
      row.forEach((cell, k) => (cell.leadIn ??= leadIn && rows[0][k]?.masked.trim() === '' && /\?\s*$/.test(cell.masked) ? leadIn : rows[0][k]));
}

/** An ordered list's mark, all there is on the line before its item's text: "6. ", "2) ". */
const NUMBER_MARK = /^[ \t]*\d{1,3}[.)][ \t]*$/;

/** A few words in capitals, no sentence: "CONTRE-INDICATIONS", "EFFETS INDÉSIRABLES". */
function isSectionTitle(masked: string): boolean {
  const title = masked.trim();
  const words = title.match(/[\p{L}\p{N}]+/gu);
  return words !== null && words.length <= 5 && /\p{Lu}/u.test(title) && title === title.toUpperCase() && !/[.!?]$/.test(title);
}

/**
 * A paragraph holding two or more lines of tab-separated cells, split into the prose before them,
 * their cells (table cells: each row's first cell its `row`, a data cell's header its lead-in, as a
 * Markdown table's) and the prose after; undefined when it holds no such lines. Offsets hold: the
 * cells are slices of the paragraph's masked text (a paragraph with joined or decoded words, whose
 * masked text is shorter, is left as it is).
 */
function tabTable(block: Block, text: string): Block[] | undefined {
  // Most paragraphs hold no tab: told without copying them.
  const tab = text.indexOf('\t', block.start);
  if (tab < 0 || tab >= block.end || block.joins || block.shifts) return undefined;
  const source = text.slice(block.start, block.end);
  if (block.masked.length !== source.length) return undefined;
  const lines: Array<{ start: number; end: number; cells: Array<[number, number]> }> = [];
  for (let at = 0; at <= source.length; ) {
    const nl = source.indexOf('\n', at);
    const end = nl < 0 ? source.length : nl;
    const cells: Array<[number, number]> = [];
    if (source.slice(at, end).includes('\t'))
      for (let c = at; c <= end; ) {
        const tab = source.indexOf('\t', c);
        const ce = tab < 0 || tab > end ? end : tab;
        if (/\S/.test(source.slice(c, ce))) cells.push([c, ce]);
        c = ce + 1;
      }
    lines.push({ start: at, end, cells });
    at = end + 1;
  }
  // The first run of two or more lines of two or more cells each.
  const first = lines.findIndex((l, i) => l.cells.length >= 2 && (lines[i + 1]?.cells.length ?? 0) >= 2);
  if (first < 0) return undefined;
  let last = first;
  while (last + 1 < lines.length && lines[last + 1].cells.length >= 2) last++;
  const piece = (s: number, e: number, type: BlockType): Block => ({ type, start: block.start + s, end: block.start + e, masked: block.masked.slice(s, e) });
  const out: Block[] = [];
  if (first > 0) out.push({ ...piece(0, lines[first - 1].end, 'paragraph'), leadIn: block.leadIn });
  const header: Block[] = [];
  for (let r = first; r <= last; r++) {
    const row = lines[r].cells.map(([s, e]) => piece(s, e, 'tableCell'));
    row.forEach((cell, k) => {
      cell.row = row[0];
      if (r > first && header[k]) cell.leadIn = header[k];
    });
    if (r === first) header.push(...row);
    out.push(...row);
  }
  if (last + 1 < lines.length && /\S/.test(source.slice(lines[last + 1].start))) out.push(piece(lines[last + 1].start, source.length, 'paragraph'));
  return out;
}

/**
 * An item letter or number opening a line: "a)", "(b)", "iv)", "c." before a word, and "1 ." where
 * a converter escaped a numbered list it flattened into a paragraph ("1\. Schwangerschaft", the
 * backslash blanked by readConverterMarks).
 */
const ITEM_MARK = String.raw`(?:\(?[a-z]\)|[ivx]{1,4}\)|\(?[ivx]{1,4}\)|[a-z]\.(?=[ \t]+\p{L})|\d{1,2} ?[.)](?=[ \t]+\p{L}))`;
const LETTERED_LINE = new RegExp(String.raw`^[ \t]*${ITEM_MARK}[ \t]`, 'u');
/** The item marks of a lettered paragraph, blanked so that "2 ." does not end the line before it as a sentence. */
const ITEM_MARKS = new RegExp(String.raw`^([ \t]*)${ITEM_MARK}(?=[ \t])`, 'gmu');

/** A paragraph whose lines (two or more) each open with an item letter. */
function isLettered(masked: string): boolean {
  // Most paragraphs fail on their first line, before any split.
  if (!LETTERED_LINE.test(masked.trimStart())) return false;
  const lines = masked.split('\n').filter((l) => l.trim() !== '');
  return lines.length >= 2 && lines.every((l) => LETTERED_LINE.test(l));
}

const LEAD_IN_END = new RegExp(`(?::|[\\p{L},?])[\\s${DECORATION}]*$`, 'u');

function leadInOf(block: Block | undefined, text: string): Block | undefined {
  if (!block) return undefined;
  if (block.type === 'heading') return block;
  // "Controindicazioni:", a sentence the list completes: "Nicht geeignet ist die Mesotherapie",
  // "Non la eseguiamo in caso di" (it ends on a word or a comma, not a full stop), a question
  // the list answers ("**Qui ne peut pas en bénéficier ?**"), and one left open by an ellipsis
  // ("NOT FOR YOU IF…", read as a full stop once normalised).
  // (Emoji after it are decoration: "QUEM NÃO PODE FAZER? 🚫".)
  // So does a paragraph set wholly in bold, a title as a heading is ("**Quando non la faccio.**").
  const raw = text.slice(block.start, block.end);
  return LEAD_IN_END.test(block.masked) || /\p{L}[ \t]*(?:…|\.\.\.)[*_ \t]*$/u.test(raw) || BOLD_TITLE.test(raw) ? block : undefined;
}

/** A paragraph wholly in bold (or strong underscores), on one line, that ends on a word or a full stop (not a quotation: "**Affermazione 5: «…»**"). */
const BOLD_TITLE = /^[ \t]*(\*\*|__)(?:(?!\1)[^\n]){0,79}[\p{L}.]\1[ \t]*$/u;

const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');

/** Text of HTML: comments, scripts, styles and tags blanked out, line ends kept. */
export function maskHtml(html: string): string {
  return normalizeChars(blankMarkup(html));
}

function blankMarkup(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, blank)
    // Struck-out text is withdrawn, as in Markdown (maskInline).
    .replace(STRUCK_ELEMENT, blank)
    .replace(/<(script|style|template|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, blank)
    .replace(/<\/?[A-Za-z][^>]*>?/g, blank);
}

/**
 * The structure an HTML tag marks, written as Markdown of the tag's length (so offsets hold):
 * a heading opens a line with "#", a list item with "-", a line break ends a line, and a
 * paragraph, a division or a list is a block of its own. Other tags are blanked.
 */
function tagAsMarkdown(tag: string, name: string, closing: boolean): string {
  const n = name.toLowerCase();
  // The mark ends where the tag does, so the text after it starts its line (no indentation).
  const pad = (mark: string) => (mark.length <= tag.length ? blank(tag.slice(mark.length)) + mark : blank(tag));
  if (n === 'br' || n === 'hr' || n === 'tr' || (closing && (n === 'li' || /^h[1-6]$/.test(n)))) return pad('\n');
  if (!closing && /^h[1-6]$/.test(n)) return pad('\n# ');
  if (!closing && n === 'li') return pad('\n- ');
  if (/^(?:p|div|ul|ol|table|section|article|header|footer|nav|aside|main|blockquote|dl|dt|dd|figure|figcaption|form|details|summary)$/.test(n)) return pad('\n\n');
  return blank(tag);
}

/**
 * A raw HTML block (pages saved from a CMS keep them: "<h2>Quem não pode fazer mesoterapia?</h2>",
 * "<ul><li>…</li></ul>", "&bull; gestantes;<br>") is read as the Markdown its tags stand for, its
 * character references decoded, never its markup: headings, lists and lines are blocks and
 * sentences as they would be in Markdown, placed at the block's offsets in the file.
 */
function readHtmlBlock(text: string, start: number, end: number, out: Block[], inListItem: boolean, leadIn: Block | undefined): void {
  const html = text.slice(start, end);
  const structured = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, blank)
    .replace(/<(script|style|template|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, blank)
    .replace(STRUCK_ELEMENT, blank)
    .replace(/<(\/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>?/g, (tag, slash: string, name: string) => tagAsMarkdown(tag, name, slash === '/'));
  const { text: inner, shifts } = decodeDamagedWords(structured);
  const before = out.length;
  // remark, not markdown-it: only remark's tree holds the code blocks blanked tags may make.
  collectBlocks(parseTree(inner, { remark: true }), inner, out, inListItem, leadIn, true);
  for (let i = before; i < out.length; i++) {
    const b = out[i];
    const inside = shifts && sentenceJoins(shifts, b.start, b.end);
    b.start += start;
    b.end += start;
    if (inside) b.shifts = inside;
  }
}

// En dash, bullets, middle dot, squares, circles, stars, check and ballot boxes, arrows and emoji
// ("· Gestantes", "✓ Sem cortes", "✔️ Risultati", "► Durata", "☐ are pregnant", "🤰 pregnant or
// breastfeeding") open list items in text copied from web pages, social posts, PDFs and word
// processors, as do symbol fonts' bullets a converter leaves in the private use area (U+F020–U+F0FF,
// "\uf0b7 are pregnant"); an emoji's variation selector (U+FE0F) after the mark is read as a space.
// Word pastes its Wingdings bullets as "§" and "Ø", then a tab or spaces ("Ø  gravidanza accertata;").
const BULLET = /^[ \t]*(?:[\u2013\u2022\u2023\u2043\u2219\u25aa\u25cf\u25e6\u25cb\u25a0\u25a1\u25c6\u25c7\u25b6\u00b7\u2713\u2714\u2717\u2718\u2610\u2612\u2605\u2606\u25ba\u25b8\u27a4\u2794\u2192\u21d2\u30fb\uff65\uf020-\uf0ff]|\p{Extended_Pictographic})\ufe0f?[ \t]|^[ \t]*[\u00a7\u00d8](?:\t| {2})/mu;
const BULLETS = /^([ \t]*)(?:[\u2013\u2022\u2023\u2043\u2219\u25aa\u25cf\u25e6\u25cb\u25a0\u25a1\u25c6\u25c7\u25b6\u00b7\u2713\u2714\u2717\u2718\u2610\u2612\u2605\u2606\u25ba\u25b8\u27a4\u2794\u2192\u21d2\u30fb\uff65\uf020-\uf0ff]|\p{Extended_Pictographic})\ufe0f?(?=[ \t])|^([ \t]*)[\u00a7\u00d8](?=\t| {2})/gmu;

/** An item mark (after its indent) read as Markdown's "-", the same length: offsets hold. */
const asDash = (mark: string, indent: string): string => `${indent}-${' '.repeat(mark.length - indent.length - 1)}`;

/** A line that opens with a checkbox, "[ ] …" or "[x] …" (three characters, as "-  " is). */
const CHECKBOX_LINE = /^[ \t]*\[[ xX]\][ \t]/m;
const CHECKBOX_LINES = /^([ \t]*)\[[ xX]\](?=[ \t])/gm;

/** A line opened by a slide's number of a total: "2/5 🚫 Gestantes e lactantes não podem". */
const SLIDE_LINE = /^[ \t]*\d{1,2}\/\d{1,2}[ \t]/m;
const SLIDE_LINES = /^([ \t]*)(\d{1,2})\/(\d{1,2})(?=[ \t])/gm;

/** The lines numbered as slides of one total, two or more, each number at most the total, read as list items. */
function slidesAsItems(source: string): string {
  const numbers = new Map<string, Set<string>>();
  for (const m of source.matchAll(SLIDE_LINES)) if (Number(m[2]) >= 1 && Number(m[2]) <= Number(m[3])) (numbers.get(m[3]) ?? numbers.set(m[3], new Set()).get(m[3])!).add(m[2]);
  return source.replace(SLIDE_LINES, (mark: string, indent: string, n: string, total: string) => ((numbers.get(total)?.size ?? 0) >= 2 && Number(n) >= 1 && Number(n) <= Number(total) ? asDash(mark, indent) : mark));
}

/** Lettered items: "a) …", "(b) …" at the start of a line; read as a list only where both an "a" and a "b" item are. */
const LETTERED = /^([ \t]*)\(?[a-z]\)(?=[ \t])/gm;
const LETTERED_FIRST = /^[ \t]*\(?a\)[ \t]/m;
const LETTERED_SECOND = /^[ \t]*\(?b\)[ \t]/m;

/** A word hyphenated across a line end and joined: offsets in (from, to] are `delta` short of the file's. */
export interface Join {
  from: number;
  to: number;
  delta: number;
}

/** A letter, a hyphen, a line end (and indentation or quote marks), a small letter: "Schwanger-\nschaft". */
const HYPHENATED = /(?<=\p{L})-\n[ \t>]*(?=\p{Ll})/gu;
const WORD_UNIT = /[\p{L}\p{N}]/u;

/**
 * Joins words a PDF or a narrow column hyphenated across line ends, so that terms match them
 * ("Schwanger-\nschaft", "contre-\nindications"). The length stays the same: the word's tail moves
 * back over the hyphen and line end, and blanks fill in after the word. `joins` says where offsets
 * moved, for claims to be placed on the file's own characters (src/extract/index.ts).
 */
export function joinHyphenated(masked: string): { masked: string; joins?: Join[] } {
  if (!masked.includes('-\n')) return { masked };
  // One pass, in pieces: a block of many lines stays linear.
  const pieces: string[] = [];
  const joins: Join[] = [];
  let at = 0;
  for (const m of masked.matchAll(HYPHENATED)) {
    const cut = m.index ?? 0;
    if (cut < at) continue;
    const gap = m[0].length;
    let wordEnd = cut + gap;
    while (wordEnd < masked.length && WORD_UNIT.test(masked[wordEnd])) wordEnd++;
    pieces.push(masked.slice(at, cut), masked.slice(cut + gap, wordEnd), ' '.repeat(gap));
    joins.push({ from: cut, to: wordEnd - gap, delta: gap });
    at = wordEnd;
  }
  if (!joins.length) return { masked };
  pieces.push(masked.slice(at));
  return { masked: pieces.join(''), joins };
}

/** A block's joins (or shifts) within one of its sentences, relative to it. */
function sentenceJoins<T extends Join | Shift>(joins: T[], start: number, end: number): T[] | undefined {
  // The joins are in order: find the first at or after `start` (binary search), read on to `end`.
  let lo = 0;
  let hi = joins.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (joins[mid].from < start) lo = mid + 1;
    else hi = mid;
  }
  const inside: T[] = [];
  for (let i = lo; i < joins.length && joins[i].from < end; i++) if (joins[i].to <= end) inside.push({ ...joins[i], from: joins[i].from - start, to: joins[i].to - start });
  return inside.length ? inside : undefined;
}

/** An element that strikes its text out, tags and text: "<del>13 mm</del>". */
const STRUCK_ELEMENT = /<(del|s|strike)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** An inline tag that strikes its text out, opening or (with "/") closing. */
const STRUCK_TAG = /^<(\/?)(del|s|strike)\b[^>]*>$/i;

/** Keeps the characters of text-bearing nodes, blanks out markup, keeps line ends. */
function maskInline(node: Nodes, text: string, start: number, end: number): string {
  // Built from slices of the text (its nodes come in document order), not character by character.
  const pieces: string[] = [];
  let at = start;
  const keep = (s: number, e: number, replacement?: string) => {
    s = Math.max(s, at);
    e = Math.min(e, end);
    if (e <= s) return;
    pieces.push(blank(text.slice(at, s)), replacement ?? text.slice(s, e));
    at = e;
  };
  const copy = (n: Nodes): void => {
    if ((n.type === 'text' || n.type === 'inlineCode') && n.position) {
      keep(n.position.start.offset ?? 0, n.position.end.offset ?? 0);
      return;
    }
    if (n.type === 'break' && n.position) {
      const s = n.position.start.offset ?? 0;
      keep(s, s + 1, '\n');
      return;
    }
    // A bare URL (autolink, or GFM literal) is an address, not prose: ".../ematoma-dopo-mesoterapia".
    if (n.type === 'link' && n.children.length === 1 && n.children[0].type === 'text' && /^(?:https?:|mailto:|www\.)|@/.test(n.children[0].value)) return;
    // Struck-out text is what the page withdrew ("~~aghi da 6 mm~~ aghi da 4 mm", "<del>13 mm</del>"): no claim of it.
    if (n.type === 'delete') return;
    if ('children' in n) {
      let struck: string | undefined;
      for (const c of (n as Parents).children) {
        if (c.type === 'html' && c.position) {
          // (Its text from the page: markdown-it's tree gives the place only.)
          const tag = STRUCK_TAG.exec(text.slice(c.position.start.offset ?? 0, c.position.end.offset ?? 0));
          if (tag) struck = tag[1] ? (struck === tag[2].toLowerCase() ? undefined : struck) : tag[2].toLowerCase();
        }
        if (!struck) copy(c as Nodes);
      }
    }
  };
  copy(node);
  pieces.push(blank(text.slice(at, end)));
  return pieces.join('');
}

/** Splits a block into sentence ranges (relative to the block). */
const LETTER = /\p{L}/u;

/** Four dots or more, then a figure or a price: a price list's leader, not a full stop. */
const DOT_LEADER = /^(\.{4,})[ \t]*(?=[\p{N}\p{Sc}])/u;

export function splitBlock(masked: string, abbreviations: RegExp = DEFAULT_ABBREVIATIONS, needs: RegExp = LETTER): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const lines = splitLines(masked);
  for (const [ls, le] of lines) {
    let s = ls;
    for (let i = ls; i < le; i++) {
      const c = masked[i];
      if (c !== '.' && c !== '!' && c !== '?') continue;
      // Full stop inside a number ("3.797", "0.5") or an abbreviation: not a boundary.
      if (c === '.' && /\d/.test(masked[i + 1] ?? '')) continue;
      if (c === '.' && isAbbreviation(masked, i, s, abbreviations)) continue;
      // A dot leader between an item and its price or figure: "Single session (40 mins) ........ £150".
      if (c === '.') {
        const leader = DOT_LEADER.exec(masked.slice(i, le));
        if (leader) {
          i += leader[1].length - 1;
          continue;
        }
      }
      let j = i + 1;
      while (j < le && /[.!?"')\]]/.test(masked[j])) j++;
      if (j < le && !/\s/.test(masked[j])) continue;
      // A closing quotation mark set off by a space, as French sets « … » ("Une seule séance
      // suffit. » Faux."), closes the sentence it ends when that sentence opened a quotation.
      j = closingQuoteAfter(masked, s, i, j, le);
      // A bracket closed after the stop, then a small letter: the sentence goes on ("Com
      // anticoagulantes (varfarina, apixabano…) desaconselhamos…").
      if (/[)\]]/.test(masked.slice(i + 1, j)) && /^\s+\p{Ll}/u.test(masked.slice(j, j + 3))) continue;
      pushTrimmed(masked, s, j, ranges, needs);
      s = j;
      i = j - 1;
    }
    pushTrimmed(masked, s, le, ranges, needs);
  }
  return ranges;
}

/**
 * Clinic pages are scraped one paragraph per line, so a line end usually ends
 * a sentence; a soft-wrapped line (letter or comma, then a lowercase letter)
 * does not.
 */
function splitLines(masked: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = 0;
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i];
    if (c !== '\n' && c !== '\r') continue;
    // Only the last character before and the first after the line end matter: reading them
    // without slicing the rest of the block keeps a block of 50,000 lines linear, not quadratic.
    let b = i;
    while (b > s && /\s/.test(masked[b - 1])) b--;
    let a = i + 1;
    while (a < masked.length && /\s/.test(masked[a])) a++;
    const before = masked.slice(Math.max(s, b - 2), b);
    const after = masked.slice(a, a + 2);
    // A line that breaks inside a sentence: "de 3 à 6\nséances", "une aiguille de\n13 mm".
    // (Not a figure then a figure: "**Crepey neck — female, 56**" over "3 sessions, three weeks apart"
    // is a caption's label and its text, not "56 3".)
    const softWrap = /[\p{Ll}\p{N},]$/u.test(before) && /^[\p{Ll}\p{N}]/u.test(after) && !(/\p{N}$/u.test(before) && /^\p{N}/u.test(after));
    if (!softWrap) {
      out.push([s, i]);
      s = i + 1;
    }
  }
  out.push([s, masked.length]);
  return out;
}

/** Past the spaces at `j`, a quotation mark closing one the sentence opened (an odd count of them from `s` to `i`): the end after it, else `j`. */
function closingQuoteAfter(masked: string, s: number, i: number, j: number, le: number): number {
  let k = j;
  while (k < le && (masked[k] === ' ' || masked[k] === '\u00a0' || masked[k] === '\u202f')) k++;
  if (k === j || masked[k] !== '"' || (k + 1 < le && !/\s/.test(masked[k + 1]))) return j;
  let quotes = 0;
  for (let q = s; q < i; q++) if (masked[q] === '"') quotes++;
  return quotes % 2 === 1 ? k + 1 : j;
}

function pushTrimmed(text: string, s: number, e: number, out: Array<[number, number]>, needs: RegExp): void {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s && needs.test(text.slice(s, e))) out.push([s, e]);
}
