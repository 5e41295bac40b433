import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_FILE } from '../../config/load.js';
import { starterConfig } from '../../config/starter.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { EXIT } from '../exit-codes.js';

export const INIT_HELP = `claimlint init [FILE]            write a commented starter config (default: ${CONFIG_FILE})
  --force              overwrite an existing file`;

export function initCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  const file = positionals[0] ?? CONFIG_FILE;
  if (existsSync(resolve(file)) && !values.force) {
    process.stderr.write(`claimlint: ${file} already exists; use --force to overwrite it\n`);
    return EXIT.CONFIG;
  }
  writeFileAtomic(resolve(file), starterConfig());
  process.stdout.write(`wrote ${file}\n`);
  return EXIT.OK;
}
