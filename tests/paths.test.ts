import { describe, expect, it } from 'vitest';
import { relative } from 'node:path';
import { relativePath } from '../src/util/paths.js';

const slow = (base: string, path: string) => relative(base, path).split('\\').join('/');

describe('relativePath', () => {
  it('cuts a normalised path under a normalised base, as path.relative would', () => {
    expect(relativePath('/work/site', '/work/site/pages/a.md')).toBe('pages/a.md');
    expect(relativePath('/work/site', '/work/site/a.md')).toBe('a.md');
  });

  it('gives path.relative for everything else: siblings, prefixes of a name, dots, doubled and trailing slashes, relative paths, the root', () => {
    const cases: Array<[string, string]> = [
      ['/work/site', '/work/site'],
      ['/work/site', '/work/site/'],
      ['/work/site', '/work/sites/a.md'],
      ['/work/site', '/work/other/a.md'],
      ['/work/site', '/work/site/./a.md'],
      ['/work/site', '/work/site/../a.md'],
      ['/work/site', '/work/site/x/../a.md'],
      ['/work/site', '/work/site//a.md'],
      ['/work/site', '/work/site/a/.'],
      ['/work/site', '/work/site/a/..'],
      ['/work/site/', '/work/site/a.md'],
      ['/work/./site', '/work/site/a.md'],
      ['/work/site', '/work/site/.hidden/a.md'],
      ['/work/site', '/work/site/..a/b.md'],
      ['/work/site', '/work/site/a..b/c.md'],
      ['/', '/a.md'],
      ['site', 'site/a.md'],
      ['/work/site', 'site/a.md'],
      ['/work/site', '/WORK/site/a.md'],
    ];
    for (const [base, path] of cases) expect(relativePath(base, path), `${base} → ${path}`).toBe(slow(base, path));
  });

  it('agrees with path.relative on random paths made of odd segments', () => {
    const segments = ['a', 'b', '.', '..', '', '.x', 'x.', '...', 'é', 'a b'];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const randomPath = () => '/' + Array.from({ length: 1 + next(5) }, () => segments[next(segments.length)]).join('/');
    for (let i = 0; i < 5000; i++) {
      const base = randomPath();
      const path = next(2) ? `${base}/${randomPath().slice(1)}` : randomPath();
      expect(relativePath(base, path), `${base} → ${path}`).toBe(slow(base, path));
    }
  });
});
