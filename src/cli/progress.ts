/**
 * A progress bar on stderr for long runs, drawn only on an interactive
 * terminal: never when stderr is piped or redirected, in CI, with
 * TERM=dumb, or for short runs. It redraws at most every `intervalMs` and
 * erases itself when done, so what stays on screen (and everything on stdout)
 * is the same as without it.
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

export interface ProgressOptions {
  stream?: ProgressStream;
  env?: NodeJS.ProcessEnv;
  /** Runs with fewer sources than this get no bar (default 50). */
  minTotal?: number;
  /** Minimum time between redraws (default 80 ms); 0 redraws on every tick. */
  intervalMs?: number;
  now?: () => number;
}

export interface Progress {
  /** One more source done (`label`: its path). */
  tick(label?: string): void;
  /** Erase the bar. */
  done(): void;
  readonly enabled: boolean;
}

export const PROGRESS_MIN_TOTAL = 50;

/** Whether a progress bar may be drawn on this stream in this environment. */
export function progressAllowed(stream: ProgressStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env.CI && env.TERM !== 'dumb';
}

/** The bar for `done` of `total`: `[#####.....]  12/120  10%  sources/page.md`, cut to `width`. */
export function renderBar(done: number, total: number, width: number, label = ''): string {
  const pct = total ? Math.floor((done / total) * 100) : 100;
  const cells = Math.max(10, Math.min(30, width - 40));
  const full = total ? Math.round((done / total) * cells) : cells;
  const head = `[${'#'.repeat(full)}${'.'.repeat(cells - full)}] ${String(done).padStart(String(total).length)}/${total} ${String(pct).padStart(3)}%`;
  const room = width - head.length - 3;
  const tail = label && room > 5 ? `  ${label.length > room ? `…${label.slice(label.length - room + 1)}` : label}` : '';
  return head + tail;
}

export function createProgress(total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const enabled = total >= (options.minTotal ?? PROGRESS_MIN_TOTAL) && progressAllowed(stream, env);
  const interval = options.intervalMs ?? 80;
  const now = options.now ?? Date.now;
  let count = 0;
  let last = -Infinity;
  let drawn = false;
  return {
    enabled,
    tick(label) {
      count++;
      if (!enabled) return;
      const t = now();
      if (count < total && t - last < interval) return;
      last = t;
      stream.write(`\r\x1b[2K${renderBar(count, total, Math.max(40, (stream.columns ?? 80) - 1), label)}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
