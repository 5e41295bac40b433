import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './engine.js';

/** Every page under sources/ and tests/gold*\/ as [path from the repository root, text]: the real pages the parser tests compare on. */
export function fixturePages(): Array<[string, string]> {
  const dirs = ['sources', ...readdirSync(join(ROOT, 'tests'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name.startsWith('gold')).map((d) => join('tests', d.name))];
  const out: Array<[string, string]> = [];
  for (const dir of dirs) {
    for (const f of readdirSync(join(ROOT, dir), { recursive: true }).map(String)) {
      if (/\.(md|txt)$/.test(f)) out.push([join(dir, f), readFileSync(join(ROOT, dir, f), 'utf8')]);
    }
  }
  return out;
}
