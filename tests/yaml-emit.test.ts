import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emitYaml } from '../src/util/yaml-emit.js';

describe('emitYaml (claims files)', () => {
  it('lays out objects and lists in block style, two spaces, strings quoted as JSON', () => {
    const value = {
      source: 'en-page',
      claims: [
        { id: 'c-1', value: { min: 4, max: 4, unit: 'mm' }, modifiers: {}, occurrences: [] },
        { id: 'c-2', tags: ['a', 'b'], nested: [[1, 2], []] },
      ],
      'odd key': true,
      none: null,
      skipped: undefined,
    };
    expect(emitYaml(value)).toBe(
      [
        'source: "en-page"',
        'claims:',
        '- id: "c-1"',
        '  value:',
        '    min: 4',
        '    max: 4',
        '    unit: "mm"',
        '  modifiers: {}',
        '  occurrences: []',
        '- id: "c-2"',
        '  tags:',
        '  - "a"',
        '  - "b"',
        '  nested:',
        '  - - 1',
        '    - 2',
        '  - []',
        '"odd key": true',
        'none: null',
        '',
      ].join('\n'),
    );
  });

  it('reads back as the same data, whatever the strings hold', () => {
    const strings = ['plain', 'with "quotes"', 'line\nbreak\ttab', 'ünïcödé – “curly” ≥ 3 mm', 'yes', 'null', '- dash', '# hash', ': colon', '', ' lead', '\u2028'];
    const value = {
      strings,
      numbers: [0, -1.5, 1e21, 3.5],
      flags: [true, false],
      objects: strings.map((s, i) => ({ [s || 'empty']: s, i })),
      // Keys YAML would read as null or a boolean (1.2 and 1.1) stay strings.
      keys: Object.fromEntries(['null', 'Null', 'true', 'False', 'yes', 'No', 'on', 'OFF', 'y', 'n', '~'].map((k) => [k, k])),
      empty: { list: [], object: {} },
    };
    expect(parse(emitYaml(value))).toEqual(value);
  });

  it('gives the same text for the same data, call after call', () => {
    const value = { a: [{ b: { c: ['d'] } }], e: {} };
    expect(emitYaml(value)).toBe(emitYaml(structuredClone(value)));
    expect(emitYaml(value)).toBe('a:\n- b:\n    c:\n    - "d"\ne: {}\n');
  });
});
