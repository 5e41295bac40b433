import type { Reference } from '../reference/load.js';

const caches = new WeakMap<Reference, Map<string, RegExp>>();

/** Compiles a regex built from the reference and a language once, then reuses it. */
export function cachedRegex(ref: Reference, key: string, build: () => RegExp): RegExp {
  let cache = caches.get(ref);
  if (!cache) caches.set(ref, (cache = new Map()));
  let re = cache.get(key);
  if (!re) cache.set(key, (re = build()));
  return re;
}
