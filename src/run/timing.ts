/**
 * Cheap stage timers for the benchmark (read, parse, extract, check, report).
 * Off unless CLAIMLINT_TIMINGS is set: then each stage adds its wall time here,
 * summed over every thread that did the work, and the CLI prints them on stderr.
 */
export type Stage = 'read' | 'parse' | 'extract' | 'cache' | 'check' | 'report';

export const TIMINGS_ON = Boolean(process.env.CLAIMLINT_TIMINGS);

export const timings: Record<Stage, number> = { read: 0, parse: 0, extract: 0, cache: 0, check: 0, report: 0 };

/** Runs `fn`, adding its duration to `stage` when timings are on. */
export function timed<T>(stage: Stage, fn: () => T): T {
  if (!TIMINGS_ON) return fn();
  const t = performance.now();
  try {
    return fn();
  } finally {
    timings[stage] += performance.now() - t;
  }
}

export function addTimings(other: Partial<Record<Stage, number>>): void {
  for (const [k, v] of Object.entries(other)) timings[k as Stage] += v ?? 0;
}

const marks: string[] = [];

/** Notes the process's memory at this point of the run (with timings on): where the peak builds up. */
export function memoryMark(label: string): void {
  if (!TIMINGS_ON) return;
  // Under --expose-gc, what is still held rather than what awaits collection.
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  marks.push(`${label} at ${(performance.now() / 1000).toFixed(2)} s: rss=${Math.round(m.rss / 1048576)} heap=${Math.round(m.heapUsed / 1048576)}/${Math.round(m.heapTotal / 1048576)} external=${Math.round(m.external / 1048576)}`);
}

/** Notes what another thread says of its memory (with timings on). */
export function memoryNote(label: string, heap: { used: number; total: number }): void {
  if (TIMINGS_ON) marks.push(`${label}: heap=${Math.round(heap.used / 1048576)}/${Math.round(heap.total / 1048576)}`);
}

/** One line for stderr: `claimlint timings (ms): read=… parse=… …`. */
export function timingsLine(): string {
  return `claimlint timings (ms): ${Object.entries(timings)
    .map(([k, v]) => `${k}=${v.toFixed(1)}`)
    .join(' ')}\n${marks.length ? `claimlint memory (MB): ${marks.join('; ')}\n` : ''}`;
}
