/**
 * JSON as a sequence of chunks: containers near the root are walked and laid out with
 * two-space indentation; values deeper than `depth` are stringified whole, either pretty
 * (byte for byte JSON.stringify(value, null, 2)) or, with `compact`, on one line each
 * (one finding or result per line: a third smaller, quicker to write, and a changed
 * finding is a changed line in a diff). A report of a large corpus is written without
 * building one giant string (V8 caps strings at about 512 MB) and without holding it
 * all in memory: a LazyList produces its items only as they are written.
 */

/** An array whose items are made on demand while the JSON is written (JSON.stringify sees an array). */
export class LazyList<T = unknown> {
  constructor(
    readonly length: number,
    readonly item: (index: number) => T,
  ) {}

  static map<S, T>(items: readonly S[] | LazyList<S>, fn: (item: S) => T): LazyList<T> {
    if (items instanceof LazyList) return new LazyList(items.length, (i) => fn(items.item(i)));
    return new LazyList(items.length, (i) => fn(items[i]));
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.item(i);
  }

  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.item(i));
  }
}

/**
 * A value already serialised by JSON.stringify (one line): written as it is where values are
 * written compact, parsed where they are laid out or pretty-printed.
 */
export class RawJson {
  constructor(readonly json: string) {}

  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

/**
 * JSON.stringify(object), with the JSON of the value under `key` given rather than made: a value
 * thousands of objects share (a cross-source finding's related statements, frozen and held once)
 * is serialised once and copied after. `json` must be JSON.stringify of that value.
 */
export function stringifyWith(object: Record<string, unknown>, key: string, json: string): string {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  let side = before;
  for (const k of Object.keys(object)) {
    if (k === key) side = after;
    else side[k] = object[k];
  }
  // Each side without its braces; a side whose values all drop out (undefined) is empty.
  const head = JSON.stringify(before).slice(1, -1);
  const tail = JSON.stringify(after).slice(1, -1);
  return `{${head}${head ? ',' : ''}${JSON.stringify(key)}:${json}${tail ? ',' : ''}${tail}}`;
}

/**
 * JSON made once per shared value and copied after, for values kept by identity (frozen, so they
 * cannot change under it). Bounded: a corpus whose values are all different would otherwise keep
 * a second copy of each as JSON; past `limit` values, the rest are serialised at each use.
 */
export class JsonMemo<K extends object> {
  private readonly made = new WeakMap<K, string>();
  private size = 0;

  constructor(private readonly limit = 4096) {}

  json(key: K, make: (key: K) => unknown = (k) => k): string {
    let json = this.made.get(key);
    if (json !== undefined) return json;
    json = JSON.stringify(make(key));
    if (this.size < this.limit) {
      this.made.set(key, json);
      this.size++;
    }
    return json;
  }
}

export interface ChunkOptions {
  /** Levels of containers laid out with indentation; deeper values are written whole. */
  depth?: number;
  /** Write values below `depth` on one line each instead of pretty-printed. */
  compact?: boolean;
}

export function* jsonChunks(value: unknown, options: ChunkOptions = {}, indent = ''): Generator<string> {
  const depth = options.depth ?? 3;
  const inner = `${indent}  `;
  const deeper = { ...options, depth: depth - 1 };
  const list = value instanceof LazyList ? value : Array.isArray(value) ? new LazyList(value.length, (i) => value[i] as unknown) : undefined;
  if (depth > 0 && list) {
    if (list.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let i = 0; i < list.length; i++) {
      yield inner;
      const v = list.item(i);
      // As JSON.stringify: undefined and functions in arrays become null.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
      else yield* jsonChunks(v, deeper, inner);
      yield i < list.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}]`;
    return;
  }
  if (depth > 0 && value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    yield '{\n';
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i];
      yield `${inner}${JSON.stringify(k)}: `;
      yield* jsonChunks(v, deeper, inner);
      yield i < entries.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}}`;
    return;
  }
  if (options.compact) {
    yield value instanceof RawJson ? value.json : JSON.stringify(value);
    return;
  }
  const text = JSON.stringify(value, null, 2);
  yield indent ? text.replace(/\n/g, `\n${indent}`) : text;
}
