import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Every temporary file and directory the tests make (projects, caches, spill files, browser
// profiles) goes under one directory per run, removed when the run ends (tests/helpers/temp-dir.ts):
// runs do not pile thousands of directories up in the system's temporary directory.
const testTmp = mkdtempSync(join(tmpdir(), 'claimlint-tests-'));
// As open as the system's temporary directory (sticky, writable by all): the permission tests
// run the CLI as user "nobody" on projects made in it (tests/helpers/nobody.ts).
chmodSync(testTmp, 0o1777);
process.env.CLAIMLINT_TEST_TMP = testTmp;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: keep the pool small so browser and end-to-end tests do not starve each other.
    maxWorkers: 2,
    env: { TMPDIR: testTmp },
    globalSetup: ['tests/helpers/temp-dir.ts'],
  },
});
