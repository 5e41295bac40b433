import { relative, sep } from 'node:path';

/** A path that path.relative would normalise: an empty, "." or ".." segment, or a trailing slash. */
const UNNORMAL = /\/\.{0,2}(?:\/|$)/;

/**
 * `path` relative to `base`, with forward slashes: path.relative(base, path), backslashes turned
 * into slashes. A run computes one for every page (10,000 in a large corpus, a few times each),
 * and path.relative resolves both paths each time: a normalised absolute path under a normalised
 * absolute base is cut instead, which gives the same string.
 */
export function relativePath(base: string, path: string): string {
  if (
    sep === '/' &&
    base.length > 1 &&
    base.charCodeAt(0) === 47 &&
    path.length > base.length + 1 &&
    path.charCodeAt(base.length) === 47 &&
    path.startsWith(base) &&
    !UNNORMAL.test(base) &&
    !UNNORMAL.test(path)
  )
    return path.slice(base.length + 1);
  return relative(base, path).split('\\').join('/');
}
