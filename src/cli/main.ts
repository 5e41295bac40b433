import { existsSync } from 'node:fs';
import { ConfigError } from '../util/yaml-load.js';
import { EXIT } from './exit-codes.js';
import { TOOL } from '../version.js';
import { UsageError } from './args.js';
import { CHECK_HELP, checkCommand } from './commands/check.js';
import { INIT_HELP, initCommand } from './commands/init.js';
import { FIX_HELP, fixCommand } from './commands/fix.js';
import { VERIFY_HELP, verifyCommand } from './commands/verify.js';
import { MERGE_HELP, mergeCommand } from './commands/merge.js';

/** Every subcommand: name, one-line help, and its runner (returns the exit code). */
export const COMMANDS: Record<string, { help: string; run(argv: string[]): number }> = {
  check: { help: CHECK_HELP, run: checkCommand },
  merge: { help: MERGE_HELP, run: mergeCommand },
  init: { help: INIT_HELP, run: initCommand },
  fix: { help: FIX_HELP, run: fixCommand },
  verify: { help: VERIFY_HELP, run: verifyCommand },
};

const help = () => `claimlint ${TOOL.version}: check clinic pages against an evidence-backed reference

Usage:
${Object.values(COMMANDS)
  .map((c) => `  ${c.help.replace(/\n/g, '\n  ')}`)
  .join('\n\n')}

  claimlint --help | --version

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, reference or config error.
`;

export function main(argv: string[]): number {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(help());
    return EXIT.OK;
  }
  if (argv.includes('-v') || argv.includes('--version')) {
    process.stdout.write(`${TOOL.version}\n`);
    return EXIT.OK;
  }
  const [first, ...rest] = argv;
  const named = first !== undefined && !first.startsWith('-') && first in COMMANDS;
  const command = named ? COMMANDS[first] : COMMANDS.check;
  const args = named ? rest : argv;
  if (first !== undefined && !first.startsWith('-') && !named && !/[./\\]/.test(first) && !existsQuiet(first)) {
    process.stderr.write(`claimlint: unknown command "${first}"\n\n${help()}`);
    return EXIT.CONFIG;
  }
  try {
    return command.run(args);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`claimlint: configuration error\n${error.message}\n`);
      return EXIT.CONFIG;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`claimlint: ${(error as Error).message}\n\n${help()}`);
      return EXIT.CONFIG;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC' || code === 'EPERM' || code === 'ENOTDIR') {
      process.stderr.write(`claimlint: cannot write outputs: ${(error as Error).message}\n`);
      return EXIT.CONFIG;
    }
    throw error;
  }
}

function existsQuiet(p: string): boolean {
  try {
    return existsSync(p);
  } catch {
    return false;
  }
}

// Run when executed directly (tsx src/cli/main.ts), not when imported by tests or bin/claimlint.js.
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
