import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The claimlint package's own folder (where package.json, schemas/ and vocab/ live),
 * found by walking up from this module: the same answer whether the code runs from
 * src/ through tsx or from the bundle in dist/.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'claimlint') return dir;
      } catch {
        // not ours; keep walking
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('claimlint: cannot find its package folder (package.json named "claimlint")');
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot();
