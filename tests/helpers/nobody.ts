import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './engine.js';

/**
 * Tests of permission errors need a user the kernel refuses. As root (which reads and writes
 * through any mode), the CLI is run as "nobody" (uid 65534); that works only when nobody can
 * run node and read the checkout. Returns why it cannot, or undefined when it can.
 */
export function nobodyUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(ROOT, 'bin/claimlint.js'))}, require('fs').constants.R_OK); require('fs').accessSync(${JSON.stringify(join(ROOT, 'node_modules/tsx/package.json'))})`], {
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
  });
  return probe.status === 0 ? undefined : `running as root, and user "nobody" cannot run node or read ${ROOT} (${(probe.stderr || String(probe.error)).split('\n')[0]})`;
}
