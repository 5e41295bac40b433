import { parseDocument } from 'yaml';

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
