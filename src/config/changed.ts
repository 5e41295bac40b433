import { execFileSync } from 'node:child_process';
import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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

/**
 * The real path of each file, resolving each directory once: a file that is not itself a symlink
 * is its directory's real path plus its name. realpathSync on every file of a 10,000-page corpus
 * walks every path component again (a fifth of a second). Only files `mayBeLink` accepts are
 * lstat'ed (the directory walk knows the others are plain files).
 */
export function realPaths(files: readonly string[], mayBeLink: (file: string) => boolean = () => true): string[] {
  const dirs = new Map<string, string>();
  return files.map((f) => {
    try {
      if (mayBeLink(f) && lstatSync(f).isSymbolicLink()) return real(f);
    } catch {
      return real(f);
    }
    const dir = dirname(f);
    let realDir = dirs.get(dir);
    if (realDir === undefined) dirs.set(dir, (realDir = real(dir)));
    return join(realDir, basename(f));
  });
}

export { real as realPath };
