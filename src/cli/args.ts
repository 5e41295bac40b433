/** Raised for a bad command line: printed with the help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}
