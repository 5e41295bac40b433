/**
 * The page's mdast tree from markdown-it, for the pages it can read exactly as remark does.
 *
 * remark-parse (micromark) is the reference parser and costs most of a run: on clinic pages it
 * parses under 2 MB/s, markdown-it some twenty times faster. Both follow CommonMark, but
 * markdown-it gives line maps only, while the sentence splitter needs the exact offset of every
 * text node. So its inline rules are wrapped to note where each token starts and ends, text
 * tokens are kept unjoined (each keeps its own place), and the tree is built with the few node
 * types `collectBlocks` reads, with the offsets remark would give their text.
 *
 * This path returns `undefined`, and the page goes to remark, whenever the two could differ:
 * any GFM construct's trigger (remark-gfm has no markdown-it twin), tabs (markdown-it expands a
 * partly used tab into spaces), CR or NUL (it rewrites them before parsing), a byte-order mark,
 * the CommonMark corners where micromark and markdown-it part (see readableBody and build),
 * and any token whose place cannot be checked against the text it came from.
 * tests/parse-markdown-it.test.ts compares the sentences of both paths on every fixture page, on
 * hand-written Markdown corners and on random Markdown.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type { Root } from 'mdast';
import { gfmBit, gfmFeatures } from './gfm.js';
import { LineIndex } from '../util/positions.js';

/** The subset of mdast built here: only offsets are set in positions. */
interface Node {
  type: string;
  position: { start: { offset: number }; end: { offset: number } };
  children?: Node[];
  value?: string;
}

type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** Inline state that remembers where its pending (not yet pushed) text began. */
interface PlacingState extends StateInline {
  pendingAt: number;
}

/** A page markdown-it cannot read exactly as remark does. */
class NotExact extends Error {}

let parser: MarkdownIt | undefined;

function createParser(): MarkdownIt {
  // The CommonMark preset: no linkify, no typographer, raw HTML on, as remark-parse.
  // maxNesting: the preset's 20 would stop nesting where remark goes on; pages deeper
  // than MAX_MARKDOWN_DEPTH never get here (./limits.ts).
  const md = new MarkdownIt('commonmark');
  (md.options as { maxNesting?: number }).maxNesting = 1000;
  // Joining adjacent text tokens would lose each one's place; the tree joins them instead.
  md.core.ruler.disable('text_join');
  md.inline.ruler2.disable('fragments_join');
  const Base = md.inline.State;
  md.inline.State = class extends Base {
    pendingAt = 0;
    override pushPending(): Token {
      const token = super.pushPending();
      token.map = [this.pendingAt, this.pendingAt + token.content.length];
      return token;
    }
  } as unknown as typeof Base;
  // Ruler has no public way to read a rule back; its list is stable across markdown-it 12–14.
  const rules = (md.inline.ruler as unknown as { __rules__: Array<{ name: string; fn: InlineRule }> }).__rules__;
  for (const { name, fn } of [...rules]) md.inline.ruler.at(name, placing(fn));
  return md;
}

/**
 * Wraps an inline rule so that every token it pushes carries its place in the inline content
 * as `map` ([start, end), unused by markdown-it for inline tokens). Text pushed as pending is
 * placed by pushPending, from where the pending text began: the first rule tried at a position
 * with nothing pending marks it.
 */
function placing(rule: InlineRule): InlineRule {
  return (state, silent) => {
    if (silent) return rule(state, true);
    const start = state.pos;
    if (!state.pending) (state as PlacingState).pendingAt = start;
    const before = state.tokens.length;
    if (!rule(state, false)) return false;
    // Emphasis delimiters are pushed one text token per character, left to right.
    let at = start;
    for (let i = before; i < state.tokens.length; i++) {
      const token = state.tokens[i];
      if (token.map) continue;
      if (token.type === 'text' && token.info === '' && token.markup === '' && isDelimiter(token.content)) {
        token.map = [at, at + token.content.length];
        at += token.content.length;
      } else token.map = [start, state.pos];
    }
    return true;
  };
}

const isDelimiter = (s: string) => s === '*' || s === '_';

/**
 * Characters markdown-it rewrites before parsing (CR, NUL) or expands (tab), a byte-order mark,
 * and the line and paragraph separators (whitespace to micromark beside an emphasis delimiter,
 * not to markdown-it).
 */
const REWRITTEN = /[\t\r\0\ufeff\u2028\u2029]/;
/** Whitespace to JavaScript's `\s` but not to CommonMark's HTML rules, which markdown-it writes with `\s`. */
const UNICODE_SPACE = /[\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const DELIMITER_RUN = /\*+|_+/g;
const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
/** An emphasis delimiter beside a character outside the BMP (an emoji): micromark classes each surrogate half, markdown-it the character. */
const ASTRAL_DELIMITER = /[\ud800-\udfff][*_]|[*_][\ud800-\udfff]/;
/** An ordered list marker with leading zeros: micromark lets only a literal `1` interrupt a paragraph, markdown-it `01` too. */
const ZERO_MARKER = /^[ >*+-]*0\d*[.)](?: |$)/m;
const DELIMITER_ROW = /^[ >]*(?=[^\n]*[|:])\|?[ ]*:?-+:?[ ]*(?:\|[ ]*:?-+:?[ ]*)*\|?[ ]*$/m;
const TABLE = gfmBit('table');

/** Whether markdown-it reads this page as remark does (tests/parse-markdown-it.test.ts). */
export function markdownItCanRead(text: string): boolean {
  return readableBody(text) !== undefined;
}

/**
 * The page with its front matter blanked out, if markdown-it may read it; else undefined.
 *
 * Where the two parsers part (found by the differential tests), the page goes to remark. Told
 * from the text, here (the cheap tests first: most pages pass them all):
 *   - a link reference definition (`]:`): markdown-it reads one as a block of its own, so a
 *     lazy line after it in a list item starts a new paragraph, where remark (and CommonMark,
 *     which takes definitions out of paragraphs) continues the item;
 *   - a run of `*` or `_` that is both left- and right-flanking: micromark's rule of three
 *     counts what is left of a run once part of it is used, markdown-it the whole run
 *     (hasBothFlankingRun);
 *   - an emphasis delimiter beside an emoji, and an ordered list marker with leading zeros;
 *   - raw HTML (`<`) in a page with a no-break or other Unicode space: markdown-it's HTML
 *     patterns take it for whitespace (`</a>` + NBSP starts an HTML block there, a paragraph
 *     in remark);
 *   - an opening front matter fence never closed (frontMatterEnd).
 * Told from the tokens (build): a list opened on its container's line, an empty list item, a list
 * right after indented code, indented code right after a paragraph, a lazy line among `>` lines;
 * (inlineNodes) raw HTML opening a line of a paragraph in a block quote or list item.
 * GFM: a table needs a delimiter row (`|---|`, or `:--` under a one-column header), so a page
 * whose pipes are plain text (`Home | Contatti`) is read here; every other GFM trigger sends the
 * page to remark. Front matter is left out of the search: it is no Markdown.
 */
function readableBody(text: string): string | undefined {
  if (REWRITTEN.test(text) || text.includes(']:') || ASTRAL_DELIMITER.test(text) || ZERO_MARKER.test(text)) return undefined;
  if (text.includes('<') && UNICODE_SPACE.test(text)) return undefined;
  if (hasBothFlankingRun(text)) return undefined;
  const end = frontMatterEnd(text);
  if (end === UNCLOSED) return undefined;
  const body = end > 0 ? text.slice(0, end).replace(/[^\n]/g, ' ') + text.slice(end) : text;
  const features = gfmFeatures(body);
  return features === 0 || (features === TABLE && !DELIMITER_ROW.test(body)) ? body : undefined;
}

/**
 * Whether a run of `*` or `_` is both left- and right-flanking (`a*b`, `)*&`): only such a run
 * brings in CommonMark's rule of three, which micromark applies to what is left of a run once
 * part of it is used and markdown-it to the whole run (`**a*)*&x` parts them). Without one, the
 * two match delimiters alike.
 */
function hasBothFlankingRun(text: string): boolean {
  if (!text.includes('*') && !text.includes('_')) return false;
  DELIMITER_RUN.lastIndex = 0;
  for (let m; (m = DELIMITER_RUN.exec(text)) !== null; ) {
    const before = m.index > 0 ? text[m.index - 1] : ' ';
    const after = text[m.index + m[0].length] ?? ' ';
    if (WHITESPACE.test(before) || WHITESPACE.test(after)) continue;
    // Left-flanking: not (followed by punctuation and preceded by neither whitespace nor punctuation);
    // right-flanking, the mirror: both hold when the two sides are alike.
    if (PUNCTUATION.test(before) === PUNCTUATION.test(after)) return true;
  }
  return false;
}

/**
 * The mdast tree (offsets only) of a page, or undefined when the page must go to remark.
 */
export function markdownItTree(text: string): Root | undefined {
  const body = readableBody(text);
  if (body === undefined) return undefined;
  try {
    return build(text, body);
  } catch (e) {
    if (e instanceof NotExact) return undefined;
    throw e;
  }
}

/**
 * An opening fence never closed: remark then reads no list or block quote start in the rest of
 * the page (a micromark-extension-frontmatter quirk), which markdown-it cannot copy.
 */
const UNCLOSED = -2;
const isFence = (line: string) => /^---[ ]*$/.test(line);

/**
 * Where YAML front matter ends, as remark-frontmatter reads it (micromark-extension-frontmatter):
 * `---` at the very start, spaces allowed after it, a line end, then lines up to a closing `---`
 * line (spaces allowed after it too). -1: none; UNCLOSED: an opening fence with no closing one.
 * Blanked out (line ends kept), it leaves markdown-it blank lines and every offset as it was.
 */
function frontMatterEnd(text: string): number {
  if (!text.startsWith('---')) return -1;
  const first = text.indexOf('\n');
  if (first < 0 || !isFence(text.slice(0, first))) return -1;
  for (let at = first + 1; ; ) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    if (text.startsWith('---', at) && isFence(text.slice(at, lineEnd))) return nl < 0 ? text.length : nl + 1;
    if (nl < 0) return UNCLOSED;
    at = nl + 1;
  }
}

function build(text: string, body: string): Root {
  const md = (parser ??= createParser());
  const tokens = md.parse(body, {});
  // markdown-it counts lines from 0, LineIndex from 1.
  const lines = new LineIndex(text);
  const root: Node = { type: 'root', position: at(0, text.length), children: [] };
  const stack: Node[] = [root];
  /** The line after the last paragraph's (or heading's) last line. */
  let paragraphEnd = -1;
  /** First line of each list item and block quote open around the current token. */
  const containerLines: number[] = [];
  const open = (type: string) => {
    const node: Node = { type, position: at(0, 0), children: [] };
    stack[stack.length - 1].children!.push(node);
    stack.push(node);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        // A list opened on the line its container opens (`- 2) a`, `> 2) a`, `1. *`): when the
        // container interrupts a paragraph, remark holds the nested list to the rules of
        // interrupting (an ordered list starts at 1, the first item has text on its first
        // line) and may read its marker as text; markdown-it reads a list.
        if (!t.map) throw new NotExact();
        if (containerLines.includes(t.map[0]) && (t.attrGet('start') !== null || startsEmpty(tokens, i))) throw new NotExact();
        open('list');
        break;
      case 'list_item_open':
      case 'blockquote_open':
        // An empty list item: what may follow it lazily differs between the two (`- a\n  - \n***, b`).
        if (t.type === 'list_item_open' && tokens[i + 1]?.type === 'list_item_close') throw new NotExact();
        containerLines.push(t.map?.[0] ?? -1);
        open(t.type === 'list_item_open' ? 'listItem' : 'blockquote');
        break;
      case 'list_item_close':
      case 'blockquote_close':
        containerLines.pop();
        stack.pop();
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        stack.pop();
        break;
      case 'paragraph_open':
      case 'heading_open': {
        const inline = tokens[i + 1];
        if (inline?.type !== 'inline' || !inline.map) throw new NotExact();
        const isHeading = t.type === 'heading_open';
        // The inline token's map holds the content lines only (a setext underline is left out).
        const segments = isHeading && t.markup.startsWith('#') ? atxSegments(text, lines, inline.map[0], inline.content) : lineSegments(text, lines, inline.map[0], inline.map[1] - 1, inline.content);
        // A lazy line (`> a` then `b`) among a paragraph's lines: remark then places the line
        // ends after it with the next line's `> ` (a micromark quirk), markdown-it cannot tell.
        if (segments.length > 1 && new Set(segments.map(([, at], k) => quoteMarks(text, lines.lineStart(inline.map![0] + k + 1), at))).size > 1) throw new NotExact();
        const toSource = sourceOffsets(segments, inline.content.length);
        const node: Node = {
          type: isHeading ? 'heading' : 'paragraph',
          position: at(toSource(0), toSource(inline.content.length)),
          children: inlineNodes(inline, toSource, stack.length > 1),
        };
        stack[stack.length - 1].children!.push(node);
        paragraphEnd = inline.map[1];
        i += 2;
        break;
      }
      case 'html_block': {
        if (!t.map) throw new NotExact();
        // Its content is whole lines (the first from its indentation on, the last with its line end).
        const nl = t.content.indexOf('\n');
        const first = nl < 0 ? t.content : t.content.slice(0, nl);
        const end = lines.lineEnd(t.map[1]);
        const start = lines.lineEnd(t.map[0] + 1) - first.length;
        if (!text.startsWith(first, start)) throw new NotExact();
        stack[stack.length - 1].children!.push({ type: 'html', position: at(start, end) });
        break;
      }
      case 'code_block': {
        // Indented code on the line right after a paragraph's last: an indented code block
        // cannot interrupt a paragraph, so CommonMark (and remark) read the line as a lazy
        // continuation; markdown-it does not when the paragraph is in a nested block quote.
        if (t.map && t.map[0] === paragraphEnd) throw new NotExact();
        // remark reads a list right after an indented code block by the rules of interrupting a
        // paragraph (micromark keeps the block's "interrupt" state): an ordered list must start
        // at 1 and the first item have text on its first line, or it is a paragraph. CommonMark
        // and markdown-it read a list.
        const next = tokens[i + 1];
        if (next?.type === 'bullet_list_open' || next?.type === 'ordered_list_open') if (next.attrGet('start') !== null || startsEmpty(tokens, i + 1)) throw new NotExact();
        break;
      }
      case 'inline':
        throw new NotExact();
      default:
        // Code blocks, thematic breaks: no text the splitter reads.
        break;
    }
  }
  return root as unknown as Root;
}

/** How many `>` stand between a line's start and its content. */
function quoteMarks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 62) n++;
  return n;
}

/** The list opened at tokens[i] has a first item with nothing on its first line. */
function startsEmpty(tokens: Token[], i: number): boolean {
  const item = tokens[i + 1];
  const first = tokens[i + 2];
  return !item?.map || !first || first.type === 'list_item_close' || (first.map !== null && first.map[0] > item.map[0]);
}

const at = (start: number, end: number) => ({ start: { offset: start }, end: { offset: end } });

/** [content offset, source offset] of the start of each content line. */
type Segments = Array<[number, number]>;

/**
 * Where each line of a paragraph's (or setext heading's) content lies in the source: markdown-it
 * joins the lines with `\n` after cutting each line's container prefix and indentation, then
 * trims the whole. So every content line but the last ends where its source line ends, and the
 * last ends where its source line ends but for trailing blanks.
 */
function lineSegments(text: string, lines: LineIndex, first: number, last: number, content: string): Segments {
  const segments: Segments = [];
  let c = 0;
  for (let line = first; line <= last; line++) {
    const nl = content.indexOf('\n', c);
    const piece = nl < 0 ? content.slice(c) : content.slice(c, nl);
    const lineStart = lines.lineStart(line + 1);
    let end = lines.lineEnd(line + 1);
    if (nl < 0) {
      if (line !== last) throw new NotExact();
      while (end - piece.length > lineStart && !text.startsWith(piece, end - piece.length) && isBlank(text.charCodeAt(end - 1))) end--;
    } else if (line === last) throw new NotExact();
    const start = end - piece.length;
    if (start < lineStart || !text.startsWith(piece, start)) throw new NotExact();
    segments.push([c, start]);
    c = nl < 0 ? content.length : nl + 1;
  }
  return segments;
}

const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 11 || c === 12 || c === 13;

/** An ATX heading's content: after the opening `#`s and blanks of its one line. */
function atxSegments(text: string, lines: LineIndex, line: number, content: string): Segments {
  const end = lines.lineEnd(line + 1);
  let p = text.indexOf('#', lines.lineStart(line + 1));
  if (p < 0 || p >= end) throw new NotExact();
  while (text.charCodeAt(p) === 35) p++;
  while (p < end && text.charCodeAt(p) === 32) p++;
  if (!text.startsWith(content, p)) throw new NotExact();
  return [[0, p]];
}

/** Content offset → source offset, through the segments (in content order). */
function sourceOffsets(segments: Segments, length: number): (offset: number) => number {
  if (!segments.length) throw new NotExact();
  return (offset) => {
    if (offset < 0 || offset > length) throw new NotExact();
    // The last segment starting at or before the offset (binary search: a paragraph can have
    // tens of thousands of lines).
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid][0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return segments[lo][1] + (offset - segments[lo][0]);
  };
}

/**
 * The inline nodes of a paragraph or heading, as mdast-util-from-markdown makes them: a text
 * node is a run of text, escapes, references and soft line breaks (its place runs from the
 * first to the last, the container prefixes of the lines between included); code spans, hard
 * breaks, links and emphasis are their own nodes; raw HTML and images carry no text.
 */
function inlineNodes(inline: Token, toSource: (offset: number) => number, inContainer: boolean): Node[] {
  const content = inline.content;
  const root: Node = { type: 'inline', position: at(0, 0), children: [] };
  const stack: Node[] = [root];
  const add = (node: Node) => stack[stack.length - 1].children!.push(node);
  const place = (t: Token): [number, number] => {
    if (!t.map) throw new NotExact();
    return [t.map[0], t.map[1]];
  };
  /** Text from source offset `start` to `end`: a new text node, or the end of the one just before. */
  const addText = (start: number, end: number, value: string) => {
    const siblings = stack[stack.length - 1].children!;
    const last = siblings[siblings.length - 1];
    if (last?.type === 'text') {
      last.position.end.offset = end;
      last.value += value;
    } else add({ type: 'text', value, position: at(start, end) });
  };
  let autolink = false;
  for (const t of inline.children ?? []) {
    switch (t.type) {
      case 'text': {
        // An emptied delimiter (emphasis took it), or an autolink's text (placed with its link).
        if (t.content === '' || autolink) break;
        const [s, e] = place(t);
        if (content.slice(s, e) !== t.content) throw new NotExact();
        addText(toSource(s), toSource(e), t.content);
        break;
      }
      case 'text_special': {
        const [s, e] = place(t);
        if (content.slice(s, e) !== t.markup) throw new NotExact();
        addText(toSource(s), toSource(e), t.content);
        break;
      }
      case 'softbreak': {
        const [s] = place(t);
        if (content.charCodeAt(s) !== 10) throw new NotExact();
        // It ends just after the line end, before the next line's container prefix (`> `),
        // which only text going on after it takes in.
        const nl = toSource(s);
        addText(nl, nl + 1, '\n');
        break;
      }
      case 'hardbreak': {
        let [s] = place(t);
        // remark's break starts at the first of the trailing spaces (or at the backslash).
        if (content.charCodeAt(s) === 10) while (s > 0 && content.charCodeAt(s - 1) === 32) s--;
        else if (content.charCodeAt(s) !== 92) throw new NotExact();
        add({ type: 'break', position: at(toSource(s), toSource(s + 1)) });
        break;
      }
      case 'code_inline': {
        const [s, e] = place(t);
        const raw = content.slice(s, e);
        if (!raw.startsWith(t.markup) || !raw.endsWith(t.markup)) throw new NotExact();
        add({ type: 'inlineCode', value: t.content, position: at(toSource(s), toSource(e)) });
        break;
      }
      case 'link_open': {
        const [s, e] = place(t);
        const link: Node = { type: 'link', position: at(toSource(s), toSource(e)), children: [] };
        add(link);
        stack.push(link);
        autolink = t.markup === 'autolink';
        if (autolink) {
          // `<scheme:…>`: one text child, the characters between the brackets as written.
          const raw = content.slice(s + 1, e - 1);
          if (content[s] !== '<' || content[e - 1] !== '>') throw new NotExact();
          link.children!.push({ type: 'text', value: raw, position: at(toSource(s + 1), toSource(e - 1)) });
        }
        break;
      }
      case 'link_close':
        autolink = false;
        stack.pop();
        break;
      case 'em_close':
      case 'strong_close':
        stack.pop();
        break;
      case 'em_open':
      case 'strong_open': {
        const node: Node = { type: t.type === 'em_open' ? 'emphasis' : 'strong', position: at(0, 0), children: [] };
        add(node);
        stack.push(node);
        break;
      }
      case 'html_inline':
      case 'image': {
        const [s, e] = place(t);
        if (t.type === 'html_inline' && inContainer) {
          const lineStart = content.lastIndexOf('\n', s - 1) + 1;
          if (lineStart > 0 && content.slice(lineStart, s).trim() === '') throw new NotExact();
        }
        add({ type: t.type === 'image' ? 'image' : 'html', position: at(toSource(s), toSource(e)) });
        break;
      }
      default:
        throw new NotExact();
    }
  }
  return root.children!;
}
