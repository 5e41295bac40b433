import { rmSync } from 'node:fs';

/** Global teardown: removes the run's temporary directory (made in vitest.config.ts). */
export default function setup(): () => void {
  return () => {
    const dir = process.env.CLAIMLINT_TEST_TMP;
    // Only the directory vitest.config.ts made, never one an environment variable names.
    if (dir && /(^|[\\/])claimlint-tests-[^\\/]+$/.test(dir)) rmSync(dir, { recursive: true, force: true });
  };
}
