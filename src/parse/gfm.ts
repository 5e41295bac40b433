/**
 * GFM only where a page can use it. remark-gfm costs ~75 % extra parse time even on a page
 * with no GFM at all: its autolink literal is tried at every word start and then searched
 * for again in every text node, and a table is tried at every line start. Each GFM construct
 * needs a trigger in the text (read off the micromark-extension-gfm-* and mdast-util-gfm-*
 * sources), so a page gets only the extensions whose trigger it contains, and the tree is the
 * one full GFM would give (tests/parse-gfm-prescan.test.ts compares the two):
 *   - autolink literal: `@` (e-mail, `mailto:`, `xmpp:`), `www.` or `http://`/`https://`, in any
 *     case; the mdast transform reads text nodes, where `\.` and `&#64;` are already decoded;
 *   - footnote: `[^` (a call needs a definition, and both start with it);
 *   - strikethrough: `~`;
 *   - table: `|`, or a delimiter row with an alignment colon: `Titolo` over `:--` is a
 *     one-column table with no pipe at all;
 *   - task list item: `[` then a space, tab, line end, `x` or `X`.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

const AUTOLINK = /@|www\.|https?:\/\//i;

/** The GFM extensions, in the order micromark-extension-gfm and mdast-util-gfm combine them, each with its trigger. */
const FEATURES = [
  { name: 'autolink literal', syntax: gfmAutolinkLiteral, mdast: gfmAutolinkLiteralFromMarkdown, used: (t: string) => AUTOLINK.test(t) || (/[&\\]/.test(t) && AUTOLINK.test(decoded(t))) },
  { name: 'footnote', syntax: gfmFootnote, mdast: gfmFootnoteFromMarkdown, used: (t: string) => t.includes('[^') },
  { name: 'strikethrough', syntax: gfmStrikethrough, mdast: gfmStrikethroughFromMarkdown, used: (t: string) => t.includes('~') },
  { name: 'table', syntax: gfmTable, mdast: gfmTableFromMarkdown, used: (t: string) => t.includes('|') || /^[ \t>]*(?::-+:?|-+:)[ \t]*$/m.test(t) },
  { name: 'task list item', syntax: gfmTaskListItem, mdast: gfmTaskListItemFromMarkdown, used: (t: string) => /\[[\sxX]/.test(t) },
];

/**
 * The text with every backslash dropped and every character reference decoded, as text nodes
 * hold it; dropping a `\` that escapes nothing, or decoding a reference micromark leaves as
 * text, can only add trigger matches, never lose one.
 */
function decoded(text: string): string {
  return text.replace(/\\/g, '').replace(/&(?:#(\d+)|#[xX]([\da-fA-F]+)|([A-Za-z\d]+));/g, (m, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return decodeNamedCharacterReference(name) || m;
    const code = parseInt(dec ?? hex ?? '', dec ? 10 : 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** The bit of gfmFeatures that stands for the named extension. */
export function gfmBit(name: (typeof FEATURES)[number]['name']): number {
  return 1 << FEATURES.findIndex((f) => f.name === name);
}

/** Bit i set: FEATURES[i] can matter for this text. */
export function gfmFeatures(text: string): number {
  let mask = 0;
  FEATURES.forEach((f, i) => {
    if (f.used(text)) mask |= 1 << i;
  });
  return mask;
}

/** A unified processor, as far as it is used here. */
type Parser = { parse(text: string): unknown };
const processors = new Map<number, Parser>();
let full: Parser | undefined;

/**
 * remark-parse + YAML front matter + the GFM extensions in `mask`, one processor per combination.
 * Pushing the extensions one by one orders the constructs as remark-gfm's single combined one does.
 */
function processorFor(mask: number): Parser {
  let p = processors.get(mask);
  if (!p) {
    const chosen = FEATURES.filter((_, i) => mask & (1 << i));
    p = unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml'])
      .use(function gfmSubset(this: Processor) {
        if (!chosen.length) return;
        const data = this.data();
        (data.micromarkExtensions ??= []).push(...chosen.map((f) => f.syntax()));
        (data.fromMarkdownExtensions ??= []).push(chosen.map((f) => f.mdast()));
      });
    processors.set(mask, p);
  }
  return p;
}

/** The mdast tree of a page; `fullGfm` parses with remark-gfm whatever the text holds (what the tests compare with). */
export function parseMarkdown(text: string, fullGfm = false): Root {
  if (fullGfm) return (full ??= unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)).parse(text) as Root;
  return processorFor(gfmFeatures(text)).parse(text) as Root;
}
