import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../cli/args.js';

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
    throw new UsageError(`--changed-since: git ${args[0]} failed: ${stderr || (error as Error).message}`);
  }
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * Absolute (real) paths of the files changed since `ref`: committed, staged
 * or unstaged changes (git diff --name-only ref) plus untracked files.
 */
export function changedSince(ref: string, cwd = process.cwd()): Set<string> {
  if (ref.startsWith('-')) throw new UsageError(`--changed-since: "${ref}" is not a git ref`);
  const top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    throw new UsageError(`--changed-since: unknown git ref "${ref}"`);
  }
  const names = [
    ...git(['diff', '--name-only', '-z', '--no-renames', ref, '--'], cwd).split('\0'),
    ...git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z'], cwd).split('\0'),
  ].filter(Boolean);
  return new Set(names.map((n) => real(resolve(top, n))));
}

export { real as realPath };
