/**
 * Front matter made of flat "key: value" lines is read by a quicker parser (js-yaml with the
 * YAML 1.2 core schema as the `yaml` package resolves it); everything else by `yaml`. Both must
 * give the same data, and the same errors, for every page.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { FrontMatterError, readFrontMatter } from '../src/source/front-matter.js';

/** What the full parser alone makes of a front matter block (the behaviour before the fast path). */
function byFullParser(yaml: string): unknown {
  const doc = parseDocument(yaml, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length) return 'error';
  try {
    const data = doc.toJS({ maxAliasCount: 50 }) ?? {};
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? data : 'error';
  } catch {
    return 'error';
  }
}

function read(yaml: string): unknown {
  try {
    return readFrontMatter(`---\n${yaml}\n---\nBody.`).data;
  } catch (error) {
    expect(error).toBeInstanceOf(FrontMatterError);
    return 'error';
  }
}

// Numbers, infinities and -0 compared as text (toEqual would take NaN and -0 loosely).
const shown = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'number' && (!Number.isFinite(x) || Object.is(x, -0)) ? `number ${Object.is(x, -0) ? '-0' : x}` : x));

const FLAT = [
  'id: en-0001\ntitle: "Mesotherapy – Sports & Spine Centre"\npublisher: Clinic\nlanguage: en\nretrieved: 2026-11-26\nurl: https://example.org/a?b=c#d',
  // Plain scalars the core schema types, and look-alikes it leaves as strings (YAML 1.1 habits).
  'a: 1_000\nb: 0b11\nc: 0o17\nd: 0x1F\ne: 1.0\nf: 1e3\ng: +.5e-3\nh: .inf\ni: -.inf\nj: .NaN\nk: 00012\nl: +12\nm: -0\nn: 12345678901234567890\no: 1.',
  'a: True\nb: yes\nc: NO\nd: off\ne: ~\nf:\ng: Null\nh: NULL\ni: nULL\nj: FALSE',
  // Quoting, escapes, comments, blank lines, CRLF, tabs.
  "a: 'it''s'\nb: \"tab\\there \\u00e9 \\/ \\\"q\\\"\"\nc: x # comment\n# a comment line\n\nd: 'x' ",
  'a: b\r\nc: d\r\ne: f',
  'a:\tv\nb: x\ty',
  '',
  '# only a comment',
];

const NOT_FLAT_OR_WRONG = [
  'dup: 1\ndup: 2',
  'k: *a',
  'k: &a x\nl: *a',
  // An alias bomb: refused by the full parser's alias limit (js-yaml would share the nodes).
  ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n'),
  'k: !!str 1',
  'k: !custom 1',
  'k: [1, 2]',
  'k: {a: 1}',
  'k: |\n  text',
  'title: foo\n  continued',
  'title: Mesotherapy: what it is',
  'k: "unterminated',
  'l: - x',
  "k: 'x' y",
  'k:value',
  'just a string',
  '- a\n- b',
  '__proto__: x\nid: y',
  '"quoted key": 1',
  'k: "a\n b"',
  'k: @x',
];

describe('front matter', () => {
  it.each(FLAT)('reads flat front matter as the full parser does: %j', (yaml) => {
    expect(shown(read(yaml))).toBe(shown(byFullParser(yaml)));
  });

  it.each(NOT_FLAT_OR_WRONG)('reads anything else, errors included, as the full parser does: %j', (yaml) => {
    expect(shown(read(yaml))).toBe(shown(byFullParser(yaml)));
  });

  it('keeps the full parser’s error message and place', () => {
    const text = '---\nid: a\ntitle: Mesotherapy: what it is\n---\nBody.';
    expect(() => readFrontMatter(text)).toThrow(/front matter is not valid YAML/);
    try {
      readFrontMatter(text);
    } catch (error) {
      expect((error as FrontMatterError).offset).toBeGreaterThan(10);
    }
  });
});
