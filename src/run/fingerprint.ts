import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../util/project-root.js';
import type { Engine } from '../pipeline.js';
import { sha256 } from '../util/hash.js';
import { TOOL } from '../version.js';
import { VOCAB_DIR } from '../vocab/load.js';

const ROOT = `${PROJECT_ROOT}/`;

function filesUnder(dir: string, ext: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name.endsWith('/')) walk(join(d, name));
      else if (ext.some((e) => name.endsWith(e))) out.push(join(d, name));
    }
  };
  walk(dir);
  return out;
}

let codeHash: string | undefined;

/**
 * Everything besides a page's bytes and path that changes what processing it yields:
 * tool version, the code under src/ and the lockfile (a patched extractor with the same
 * version must not reuse old results), every vocabulary file, and the reference.
 */
export function engineFingerprint(engine: Engine, defaultLanguage?: string): string {
  // The cache and the record of claims files ask for it in the same run: made once per engine.
  let byLanguage = fingerprints.get(engine);
  if (!byLanguage) fingerprints.set(engine, (byLanguage = new Map()));
  let fingerprint = byLanguage.get(defaultLanguage ?? '');
  if (fingerprint === undefined) byLanguage.set(defaultLanguage ?? '', (fingerprint = makeFingerprint(engine, defaultLanguage)));
  return fingerprint;
}

const fingerprints = new WeakMap<Engine, Map<string, string>>();

function makeFingerprint(engine: Engine, defaultLanguage?: string): string {
  codeHash ??= sha256(
    [...filesUnder(join(ROOT, 'src'), ['.ts', '.mjs', '.js']), join(ROOT, 'package-lock.json')]
      .map((f) => {
        try {
          return `${f.slice(ROOT.length)}\0${sha256(readFileSync(f))}`;
        } catch {
          return f.slice(ROOT.length);
        }
      })
      .join('\n'),
  );
  const vocab = filesUnder(VOCAB_DIR, ['.yaml', '.yml'])
    .map((f) => `${f.slice(VOCAB_DIR.length)}\0${sha256(readFileSync(f))}`)
    .join('\n');
  return sha256([TOOL.name, TOOL.version, codeHash, sha256(vocab), engine.reference.sha256, defaultLanguage ?? ''].join('\0'));
}
