import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process from `cwd` and captures what it prints. */
export function runCli(args: string[], cwd?: string): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const previous = process.cwd();
  try {
    if (cwd) process.chdir(cwd);
    const code = main(args);
    return { code, stdout, stderr };
  } finally {
    process.chdir(previous);
    out.mockRestore();
    err.mockRestore();
  }
}
