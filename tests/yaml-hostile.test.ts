/**
 * Hostile YAML in the hand-edited files (reference, vocabularies, config): alias bombs,
 * prototype keys, duplicate keys, custom tags, huge files. Each is a ConfigError with
 * file:line:col (exit 2) or loads safely; nothing pollutes Object.prototype.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadYaml, MAX_YAML_BYTES } from '../src/util/yaml-load.js';
import { loadReference } from '../src/reference/load.js';
import { loadLanguages, VOCAB_DIR } from '../src/vocab/load.js';
import { loadConfig } from '../src/config/load.js';
import { ROOT } from './helpers/engine.js';
import { runCli } from './helpers/cli.js';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `claimlint-yaml-${prefix}-`));
const MINIMAL = readFileSync(join(ROOT, 'tests/fixtures/reference/minimal.yaml'), 'utf8');

const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
].join('\n');

/** The problems of a ConfigError thrown by fn, as "line:col: message". */
function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
  }
  throw new Error('expected a ConfigError');
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('hostile YAML', () => {
  it('stops an alias bomb at the first alias, with the limit', () => {
    expect(problems(() => loadYaml('bomb.yaml', BOMB))).toEqual([expect.stringMatching(/^2:8: Excessive alias count .* at most 100 nodes\)$/)]);
  });

  it('keeps __proto__ and constructor keys as plain data: no prototype pollution', () => {
    const data = loadYaml<Record<string, unknown>>('proto.yaml', '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\nx: {__proto__: {polluted: yes}}\n');
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor', 'x']);
    expect((data as { polluted?: unknown }).polluted).toBeUndefined();
    // In the reference, the schema refuses them as unknown properties, at their line.
    const dir = tmp('proto');
    const file = join(dir, 'ref.yaml');
    writeFileSync(file, MINIMAL.replace('id: minimal\n', 'id: minimal\n__proto__:\n  polluted: yes\n'));
    expect(problems(() => loadReference(file))).toEqual([expect.stringMatching(/^3:1: \(root\): unknown property "__proto__"$/)]);
  });

  it('refuses duplicate keys and custom tags at their line and column', () => {
    expect(problems(() => loadYaml('dup.yaml', 'a: 1\nb: 2\na: 3\n'))).toEqual(['3:1: Map keys must be unique']);
    expect(problems(() => loadYaml('tag.yaml', 'a: 1\nb: !!js/function "function () { return 1 }"\n'))).toEqual([expect.stringMatching(/^2:4: Unresolved tag: tag:yaml.org,2002:js\/function$/)]);
    expect(problems(() => loadYaml('tag.yaml', 'a: !custom x\n'))).toEqual([expect.stringMatching(/^1:4: Unresolved tag: !custom$/)]);
  });

  it(`refuses a 10 MB reference quickly (limit ${MAX_YAML_BYTES} bytes) and a bomb, a duplicate or a tag in it with exit 2`, () => {
    const dir = tmp('ref');
    writeFileSync(join(dir, 'page.md'), '---\nlanguage: en\n---\nWe use 4 mm needles.\n');
    const cases: Record<string, [string, RegExp]> = {
      'huge.yaml': [MINIMAL + `# ${'x'.repeat(99)}\n`.repeat(100_000), /^huge\.yaml:1:1: the file is \d+ bytes; the limit for YAML is 4194304 bytes/m],
      'bomb.yaml': [`${MINIMAL}${BOMB.replace(/^(\w):/gm, 'x-$1:')}\n`, /^bomb\.yaml:\d+:\d+: .*unknown property|^bomb\.yaml:\d+:\d+: Excessive alias count/m],
      'dup.yaml': [MINIMAL.replace('version: 0.1.0\n', 'version: 0.1.0\nid: again\n'), /^dup\.yaml:4:1: Map keys must be unique/m],
      'tag.yaml': [MINIMAL.replace('title: Minimal test reference', 'title: !!js/function "function(){}"'), /^tag\.yaml:4:8: Unresolved tag/m],
    };
    for (const [name, [text, message]] of Object.entries(cases)) {
      writeFileSync(join(dir, name), text);
      const run = runCli(['check', join(dir, 'page.md'), '--reference', name, '--no-write'], dir);
      expect(run.code, name).toBe(2);
      expect(run.stderr, name).toMatch(message);
    }
  });

  it('stops on a term listed twice in a vocabulary, at its line', () => {
    const dir = tmp('vocab-duplicate');
    for (const f of readdirSync(VOCAB_DIR)) if (f.endsWith('.yaml')) copyFileSync(join(VOCAB_DIR, f), join(dir, f));
    const lines = readFileSync(join(dir, 'en.yaml'), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('  max: ["no longer than",'));
    lines[at] = lines[at].replace('["no longer than",', '["no longer than", "no longer than",');
    writeFileSync(join(dir, 'en.yaml'), lines.join('\n'));
    expect(problems(() => loadLanguages(dir)).join('\n')).toMatch(new RegExp(`^${at + 1}:\\d+: /quantity/max: must NOT have duplicate items`, 'm'));
  });

  it('stops on a hostile vocabulary and a hostile config with file:line:col', () => {
    const dir = tmp('vocab');
    const vocab = join(dir, 'vocab');
    mkdirSync(vocab);
    for (const f of readdirSync(VOCAB_DIR)) if (f.endsWith('.yaml')) copyFileSync(join(VOCAB_DIR, f), join(vocab, f));
    writeFileSync(join(vocab, 'en.yaml'), `${readFileSync(join(vocab, 'en.yaml'), 'utf8')}\nlanguage: en\n`);
    expect(problems(() => loadLanguages(vocab)).join('\n')).toMatch(/^\d+:1: Map keys must be unique$/m);
    writeFileSync(join(dir, 'claimlint.config.yaml'), `${BOMB}\n`);
    expect(problems(() => loadConfig(undefined, dir)).join('\n')).toMatch(/^2:8: Excessive alias count/m);
    writeFileSync(join(dir, 'claimlint.config.yaml'), 'failOn: !!js/function "x"\n');
    expect(problems(() => loadConfig(undefined, dir)).join('\n')).toMatch(/^1:9: Unresolved tag/m);
    const run = runCli(['check', '--no-write'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/claimlint\.config\.yaml:1:9: Unresolved tag/);
  });
});
