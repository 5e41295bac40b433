/**
 * The GFM pre-scan (src/parse/gfm.ts) changes no output: for every source and gold page, a set
 * of hand-written tricky snippets and random markdown-ish strings, the fast path (only the GFM
 * extensions whose trigger the text contains) gives the same mdast tree and the same sentences
 * as full remark-gfm.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSentences } from '../src/parse/sentences.js';
import { gfmFeatures, parseMarkdown } from '../src/parse/gfm.js';
import { params } from './fuzz/arbitraries.js';
import { fixturePages } from './helpers/pages.js';


function same(text: string): void {
  expect(parseMarkdown(text)).toStrictEqual(parseMarkdown(text, true));
  expect(parseSentences(text)).toStrictEqual(parseSentences(text, { fullGfm: true }));
}

// Bits of gfmFeatures: autolink literal, footnote, strikethrough, table, task list item.
const [AUTOLINK, FOOTNOTE, STRIKE, TABLE, TASK] = [1, 2, 4, 8, 16];

/** Snippet → the features the pre-scan must find in it. */
const SNIPPETS: Array<[string, number]> = [
  ['Una seduta ogni 7-10 giorni. Aghi da 4 mm.', 0],
  ['| Seduta | Ago |\n|---|:--:|\n| 1 | 4 mm |\n| 2 | 6 mm |', TABLE],
  ['Seduta | Ago\n--- | ---\n1 | 4 mm', TABLE],
  ['| solo una riga con pipe |', TABLE],
  ['Titolo\n:---\nriga del corpo', TABLE],
  ['a\n-:', TABLE],
  ['a b\n :-: ', TABLE],
  ['> Titolo\n> :--\n> corpo', TABLE],
  ['- Titolo\n  --:\n  corpo', TABLE],
  ['Titolo\n---\ntesto', 0],
  ['Il codice `a|b` e `c\\|d` non è una tabella.', TABLE],
  ['| `a\\|b` | c |\n| - | - |\n| `\\|` | d |', TABLE],
  ['~~non più~~ e ~anche questo~ e ~~~tre~~~', STRIKE],
  ['Da 3~5 sedute, circa ~4 mm.', STRIKE],
  ['~~~\ncodice\n~~~\n', STRIKE],
  ['**~~grassetto barrato~~**', STRIKE],
  ['Testo[^1] e altro[^nota].\n\n[^1]: La nota.\n[^nota]: Altra nota\n    con rientro.', FOOTNOTE],
  ['![^a] e [^b]\n\n[^a]: x', FOOTNOTE],
  ['[^senza-definizione] resta testo', FOOTNOTE],
  ['- [ ] da fare\n- [x] fatto\n- [X] Fatto\n- [y] no', TASK],
  ['* [\t] tab\n1. [x]\n2. [ ]\n   segue', TASK],
  ['- [\n  ] a capo', TASK],
  ['Visita www.example.com o WWW.EXAMPLE.IT o Www.x.org.', AUTOLINK],
  ['Vedi http://example.com/a_(b) e HTTPS://EXAMPLE.COM/x. e hTtP://x.it', AUTOLINK],
  ['Scrivi a info@clinica.it, mailto:a.b@c.it o xmpp:a@b.it/risorsa.', AUTOLINK],
  ['Scrivi a info&#64;clinica.it o info&commat;clinica.it', AUTOLINK],
  ['Vai su www&#46;clinica.it o www&period;clinica.it o ww&#x77;.x.it o www\\.clinica.it', AUTOLINK],
  ['Vai su http&colon;//clinica.it o https:&#47;/x.it o http:\\/\\/y.it', AUTOLINK],
  ['*www.x.it* _a@b.it_ [www.x.it](http://x.it) <http://y.it> ![img](https://z.it/a.png)', AUTOLINK],
  ['`www.x.it` e `a@b.it` nel codice', AUTOLINK],
  ['<div>www.x.it e a@b.it</div>\n\ntesto', AUTOLINK],
  ['Prezzo: 50&euro; &egrave; &nbsp; &amp; &#8211; \\* escape', 0],
  ['---\ntitle: a|b ~ c@d.it\n---\nTesto senza GFM.', AUTOLINK | STRIKE | TABLE],
  ['| www.x.it | ~~a~~ |\n|:-|-|\n| [^1] | a@b.it |\n\n- [x] fatto www.y.it\n\n[^1]: nota', AUTOLINK | FOOTNOTE | STRIKE | TABLE | TASK],
];

describe('GFM pre-scan: the fast path parses exactly as full remark-gfm', () => {
  // Its time grows with the gold sets (a thousand pages and more): not the default minute.
  it('every page under sources/ and tests/gold*/', () => {
    const all = fixturePages();
    expect(all.length).toBeGreaterThan(20);
    for (const [name, text] of all) {
      expect(parseSentences(text), name).toStrictEqual(parseSentences(text, { fullGfm: true }));
      expect(parseMarkdown(text), name).toStrictEqual(parseMarkdown(text, true));
    }
  }, 300_000);

  it('hand-written tricky snippets (LF and CRLF), each with the features it needs', () => {
    for (const [snippet, features] of SNIPPETS) {
      for (const text of [snippet, snippet.replace(/\n/g, '\r\n')]) {
        expect(gfmFeatures(text), JSON.stringify(text)).toBe(features);
        same(text);
      }
    }
  });

  it('random markdown-ish strings', () => {
    const pieces = [
      ...'|~@[]^w.:/htpx*_`#->\n\n \tabcWHTPXms\\&;!()0123456789',
      'www.', 'WWW.', 'http://', 'https://', 'mailto:', 'xmpp:', 'a@b.it', '&#64;', '&#46;', '&commat;', '&amp;',
      '[^1]', '[^1]: ', '- [ ] ', '- [x] ', '\n:-', '\n-:', '\n|-|', '~~', '\r\n', '> ', '    ', '`',
    ];
    const markdownish = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(fc.property(markdownish, (text) => same(text)), params(200));
  });
});
