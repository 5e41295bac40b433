import { parseDocument } from 'yaml';
import { load as loadFlat, FAILSAFE_SCHEMA, Type } from 'js-yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Offset of the first body character. */
  bodyOffset: number;
}

export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)(?:\r?\n|^)---[ \t]*(?:\r?\n|\r|$)/;

/** Reads a leading YAML front matter block; a file without one has empty data. */
export function readFrontMatter(text: string): FrontMatter {
  if (!/^---[ \t]*\r?\n/.test(text)) return { data: {}, bodyOffset: 0 };
  const m = FENCE.exec(text);
  if (!m) throw new FrontMatterError('front matter opened with "---" is never closed', 0);
  const yamlStart = text.indexOf('\n') + 1;
  const flat = flatMapping(m[1]);
  if (flat) return { data: flat, bodyOffset: m[0].length };
  const doc = parseDocument(m[1], { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new FrontMatterError(`front matter is not valid YAML: ${e.message.split('\n')[0]}`, yamlStart + (e.pos?.[0] ?? 0));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) as unknown;
  } catch (error) {
    // An alias bomb ("Excessive alias count") or a broken alias: a problem of this page, not a crash of the run.
    throw new FrontMatterError(`front matter is not usable YAML: ${(error as Error).message.split('\n')[0]}`, yamlStart);
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new FrontMatterError('front matter must be a YAML mapping (key: value lines)', yamlStart);
  }
  return { data: (data ?? {}) as Record<string, unknown>, bodyOffset: m[0].length };
}

/**
 * The YAML 1.2 core schema, as the `yaml` package resolves plain scalars (the same tests, in
 * the same order): the fast path below reads values exactly as the full parser does. js-yaml
 * keeps one implicit type per tag, so each tag's tests are tried in one type.
 */
type Resolver = [RegExp, (s: string) => unknown];
const intOf = (s: string, offset: number, radix: number) => {
  const n = parseInt(s.substring(offset), radix);
  return s[0] === '-' ? -n : n;
};
const RESOLVERS: Record<'null' | 'bool' | 'int' | 'float', Resolver[]> = {
  null: [[/^(?:~|[Nn]ull|NULL)?$/, () => null]],
  bool: [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']],
  int: [
    [/^0o[0-7]+$/, (s) => intOf(s, 2, 8)],
    [/^[-+]?[0-9]+$/, (s) => intOf(s, s[0] === '-' || s[0] === '+' ? 1 : 0, 10)],
    [/^0x[0-9a-fA-F]+$/, (s) => intOf(s, 2, 16)],
  ],
  float: [
    [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity)],
    [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
    [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
  ],
};
const coreType = (name: keyof typeof RESOLVERS) =>
  new Type(`tag:yaml.org,2002:${name}`, {
    kind: 'scalar',
    resolve: (s: string | null) => (s === null ? name === 'null' : RESOLVERS[name].some(([test]) => test.test(s))),
    construct: (s: string | null) => (s === null ? null : RESOLVERS[name].find(([test]) => test.test(s))![1](s)),
  });
const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [coreType('null'), coreType('bool'), coreType('int'), coreType('float')] });

/**
 * A line of a flat mapping: a plain key, and a value that is empty, quoted or a plain scalar, not
 * opening an anchor, alias, tag, block scalar or flow collection (where YAML parsers differ in
 * policy: alias limits, unknown tags).
 */
const FLAT_LINE = /^(?:[A-Za-z_][\w-]*:(?:[ \t]+[^\s&*!|>[{@`%?][^\n]*)?[ \t]*|#[^\n]*|[ \t]*)$/;

/**
 * Most front matter is a flat list of "key: value" lines (id, title, language…): read by js-yaml
 * with the core schema above, several times quicker than the full parser (a 10,000-page run
 * spent a second of its threads' time here). Anything else, and any error, goes to the full
 * parser, which gives the same data and says what is wrong and where.
 */
function flatMapping(yaml: string): Record<string, unknown> | undefined {
  for (const line of yaml.split('\n')) if (!FLAT_LINE.test(line.endsWith('\r') ? line.slice(0, -1) : line)) return undefined;
  let data: unknown;
  try {
    data = loadFlat(yaml, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (data === null || data === undefined) return {};
  return typeof data === 'object' && !Array.isArray(data) && Object.getPrototypeOf(data) === Object.prototype ? (data as Record<string, unknown>) : undefined;
}
