import { LineCounter, parseDocument, isMap, isPair, isScalar, visit, type Document, type Node } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './hash.js';
import { TOOL } from '../version.js';
import { PROJECT_ROOT } from './project-root.js';
import { schemaHash, validator } from './schemas.js';
import { writeFileAtomic } from './atomic-write.js';

/** A problem in a hand-edited file, located at its line and column. */
export interface FileProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Raised for an invalid reference, vocabulary or config: the run stops with exit code 2. */
export class ConfigError extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
  }
}

export function formatProblem(p: FileProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

/** Hard limits that keep hostile YAML (alias bombs, huge documents) from taking the run down. */
export const YAML_LIMITS = { maxAliasCount: 100 } as const;

/** Hand-edited YAML bigger than this is refused (the reference is about 200 KB; 10 MB took 18 s to load). */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;

/**
 * Parses YAML and validates it against a JSON Schema, reporting every problem
 * at the line and column of the offending node.
 */
export function loadYaml<T>(file: string, text: string, validate?: ValidateFunction): T {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_YAML_BYTES) throw new ConfigError([{ file, line: 1, column: 1, message: `the file is ${bytes} bytes; the limit for YAML is ${MAX_YAML_BYTES} bytes (4 MiB)` }]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, ...YAML_LIMITS });
  const at = (offset: number, message: string): FileProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, message };
  };
  const problems: FileProblem[] = [
    ...doc.errors.map((e) => at(e.pos[0], e.message.split('\n')[0])),
    // Unknown tags (!!js/function and the like) are refused, not resolved to strings.
    ...doc.warnings.map((w) => at(w.pos[0], w.message.split('\n')[0])),
  ];
  if (problems.length) throw new ConfigError(problems);
  let data: unknown;
  try {
    data = doc.toJS(YAML_LIMITS);
  } catch (error) {
    // An alias bomb: point at the first alias, say what the limit is.
    let offset = 0;
    visit(doc, {
      Alias(_, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    throw new ConfigError([at(offset, `${(error as Error).message} (aliases may expand to at most ${YAML_LIMITS.maxAliasCount} nodes)`)]);
  }
  if (validate && !validate(data)) {
    throw new ConfigError((validate.errors ?? []).map((e) => at(offsetOf(doc, e), describe(e))));
  }
  return data as T;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath || '(root)';
  if (e.keyword === 'additionalProperties') return `${where}: unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'enum') return `${where}: ${e.message}: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  return `${where}: ${e.message}`;
}

function offsetOf(doc: Document, e: ErrorObject): number {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (e.keyword === 'additionalProperties') {
    const parent = path.length ? doc.getIn(path, true) : doc.contents;
    const key = (e.params as { additionalProperty: string }).additionalProperty;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) return keyNode.range[0];
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as Node | null | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) return node.range[0];
  }
  return 0;
}

/** Finds the line and column of a data path in a YAML text (for checks beyond the schema). */
export function yamlLocator(file: string, text: string): (path: Array<string | number>, message: string) => FileProblem {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, ...YAML_LIMITS });
  return (path, message) => {
    let offset = 0;
    for (let n = path.length; n >= 0; n--) {
      const node = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as Node | null | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) {
        offset = node.range[0];
        break;
      }
    }
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, message };
  };
}

/**
 * loadYaml for large, rarely changing files (the reference): the validated data is kept
 * as JSON under .claimlint-cache/yaml/, keyed by the SHA-256 of the text, the schema and
 * the tool version, so a run does not parse 200 KB of YAML and compile the schema again.
 * An unreadable or malformed entry is ignored and rewritten; a failing write is ignored.
 */
export function loadYamlCached<T>(file: string, text: string, schema: string): T {
  const key = sha256([TOOL.version, schema, schemaHash(schema), text].join('\0'));
  const path = join(PROJECT_ROOT, '.claimlint-cache', 'yaml', `${key}.json`);
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as { key: string; data: T };
    if (entry.key === key && entry.data !== undefined) return entry.data;
  } catch {
    // no entry, or a broken one: parse below
  }
  const data = loadYaml<T>(file, text, validator(schema));
  try {
    writeFileAtomic(path, JSON.stringify({ key, data }));
  } catch {
    // a read-only install still works, only slower
  }
  return data;
}
