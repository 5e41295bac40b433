/** Stable, documented exit codes (README "Exit codes"). */
export const EXIT = {
  /** No finding at or above the --fail-on level. */
  OK: 0,
  /** At least one finding at or above the --fail-on level. */
  FINDINGS: 1,
  /** Usage error, invalid reference/vocabulary/config, or reports could not be written. */
  CONFIG: 2,
} as const;
