import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './engine.js';

/** The minimal reference plus suggestions; needle-length is safeFix, safety is not. */
export const SAFE_FIX_REFERENCE = `${ROOT}tests/fixtures/reference/safe-fix.yaml`;

/** A temporary project directory holding the given files (paths relative to it). */
export function project(files: Record<string, string>, prefix = 'project'): string {
  const dir = mkdtempSync(join(tmpdir(), `claimlint-${prefix}-`));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** An English page for the safe-fix reference: "6 mm" is contradicted (twice), "no side effects" unsupported. */
export const EN_PAGE = `---
language: en
---
# Mesotherapy

We use 6 mm needles for every session.

The treatment has no side effects.

A second line.
We also use 6 mm needles on the scalp.
`;
