import type { RuleMeta } from '../rule.js';

/** Reported by the pipeline itself when a file cannot be read; listed here so it has metadata like every rule. */
export const sourceErrorMeta: RuleMeta = {
  id: 'source-error',
  description: 'A source file could not be read, decoded or parsed; it was skipped and the batch went on.',
  defaultSeverity: 'error',
  docs: 'The file is unreadable, empty, not valid UTF-8/UTF-16, binary, too large, or its front matter is broken. Fix the file; nothing in it was checked.',
};
