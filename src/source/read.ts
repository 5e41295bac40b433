import { closeSync, constants, fstatSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { relativePath } from '../util/paths.js';
import type { Point, SourceDocument } from '../types.js';
import { sha256 } from '../util/hash.js';
import { LineIndex } from '../util/positions.js';
import { decode } from './decode.js';
import { FrontMatterError, readFrontMatter } from './front-matter.js';
import { guessLanguage, type LanguagePack } from '../vocab/load.js';
import { identifyLanguage } from './language-id.js';

export interface SourceProblem {
  id: string;
  path: string;
  message: string;
  point: Point;
}

export type ReadResult = { ok: true; doc: SourceDocument } | { ok: false; problem: SourceProblem };

/**
 * Files bigger than this are refused (a source-error) rather than read: a clinic page is rarely
 * above 200 KB, and Markdown parsing and extraction run at several seconds per megabyte, so
 * 2 MiB bounds what one page can cost a run.
 */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export const SOURCE_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

export function displayPath(path: string): string {
  return relativePath(process.cwd(), path) || path.split('\\').join('/');
}

function idFromPath(path: string): string {
  return basename(path, extname(path))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'source';
}

const START: Point = { line: 1, column: 1, offset: 0 };

/** Reads one source: bytes → text → front matter → language. Never throws. */
export function readSource(path: string, packs: Map<string, LanguagePack>, defaultLanguage = 'en'): ReadResult {
  const display = displayPath(path);
  const fail = (message: string, point: Point = START, id = idFromPath(path)): ReadResult => ({
    ok: false,
    problem: { id, path: display, message, point },
  });
  let bytes: Buffer;
  try {
    // One open, and the size from its descriptor: a path looked up once, not by a stat and again by
    // the read. Non-blocking, so that a named pipe is told apart (not a regular file) instead of waited on.
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) {
        readdirSync(path); // a directory handed over by collectSources because it cannot be listed: say why
        return fail('a directory, not a source file');
      }
      if (!st.isFile()) return fail('not a regular file');
      if (st.size > MAX_SOURCE_BYTES) return fail(`file is ${st.size} bytes; the limit is ${MAX_SOURCE_BYTES} bytes (2 MiB): split the page or check it is really a page`);
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'EACCES' || code === 'EPERM' ? `permission denied (${code}): the file cannot be read` : `cannot read the file: ${(error as Error).message}`);
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return fail(`${decoded.problem} at byte ${decoded.byteOffset}`);
  const text = decoded.text;
  if (text.trim() === '') return fail(bytes.length === 0 ? 'the file is empty' : 'the file holds only whitespace');
  let front;
  try {
    front = readFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterError) return fail(error.message, new LineIndex(text).point(error.offset));
    throw error;
  }
  const data = front.data;
  const id = typeof data.id === 'string' && /^[A-Za-z0-9][\w.-]*$/.test(data.id) ? data.id : idFromPath(path);
  if (data.id !== undefined && id !== data.id) return fail(`front matter "id" must be letters, digits, ".", "_" or "-": ${JSON.stringify(data.id)}`, START, id);
  const body = text.slice(front.bodyOffset);
  if (body.trim() === '') return fail('the page has front matter but no text', START, id);
  let language: string;
  let languageSource: SourceDocument['meta']['languageSource'];
  if (typeof data.language === 'string' && data.language.trim()) {
    language = data.language.trim().toLowerCase().split(/[-_]/)[0];
    languageSource = 'front-matter';
  } else {
    const guess = guessLanguage(body, packs);
    const identified = identifyLanguage(body, guess, packs);
    if (identified && !identified.listed) {
      const at = new LineIndex(text).point(front.bodyOffset + (/\S/.exec(body)?.index ?? 0));
      return fail(
        `the page reads as ${identified.name} (${identified.code}), a language with no vocabulary, so nothing in it can be checked: add vocab/${identified.code}.yaml (README, "Add a language"), or set "language:" in its front matter if the guess is wrong`,
        at,
        id,
      );
    }
    const detected = identified?.language ?? guess.language;
    language = detected ?? defaultLanguage;
    languageSource = detected ? 'detected' : 'default';
  }
  if (!packs.has(language)) return fail(`no vocabulary for language "${language}" (vocab/${language}.yaml)`, START, id);
  const meta: SourceDocument['meta'] = { language, languageSource };
  for (const k of ['title', 'publisher', 'retrieved', 'url'] as const) {
    const v = data[k];
    if (v instanceof Date) meta[k] = v.toISOString().slice(0, 10);
    else if (typeof v === 'string' || typeof v === 'number') meta[k] = String(v);
  }
  return {
    ok: true,
    doc: { id, path: display, text, bodyOffset: front.bodyOffset, meta, sha256: sha256(bytes) },
  };
}
