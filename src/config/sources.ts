import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { collectSources } from '../pipeline.js';
import { SOURCE_EXTENSIONS } from '../source/read.js';
import { relativePath } from '../util/paths.js';

/**
 * The source files named by `patterns` (directories, files or picomatch globs,
 * relative to `base`), minus those matching an `ignore` glob, sorted.
 * Files named one by one are never ignored; a glob matching nothing is reported by `onEmpty`.
 */
export function expandSources(patterns: string[], ignore: string[], base: string, onEmpty: (pattern: string) => void = () => {}, linked?: Set<string>): string[] {
  const ignored = ignore.length ? picomatch(ignore, { dot: true }) : () => false;
  const out = new Set<string>();
  for (const pattern of patterns) {
    const scan = picomatch.scan(pattern);
    if (!scan.isGlob) {
      const abs = resolve(base, pattern);
      const explicitFile = statQuiet(abs)?.isFile() ?? false;
      for (const f of collectSources([abs], base, linked)) if (explicitFile || !ignored(relativePath(base, f))) out.add(f);
      continue;
    }
    const match = picomatch(pattern, { dot: false });
    const root = resolve(base, scan.base || '.');
    let found = 0;
    walk(root, (file, link) => {
      const rel = relativePath(base, file);
      if (!SOURCE_EXTENSIONS.has(extname(file).toLowerCase()) || !match(rel) || ignored(rel)) return;
      out.add(file);
      if (link) linked?.add(file);
      found++;
    });
    if (found === 0) onEmpty(pattern);
  }
  return [...out].sort();
}

/** Files under `dir`; `link` is true for one reached through a symlink (the others need no stat). */
function walk(dir: string, visit: (file: string, link: boolean) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return;
  }
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    if (entry.isDirectory()) walk(p, visit);
    else if (entry.isFile()) visit(p, false);
    else {
      const st = statQuiet(p);
      if (st?.isDirectory()) walk(p, visit);
      else if (st?.isFile()) visit(p, true);
    }
  }
}

function statQuiet(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}
