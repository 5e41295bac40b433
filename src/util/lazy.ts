/**
 * Read-only arrays and records whose items are made when they are read: what a report sees of
 * values held elsewhere than in objects (a spill file on disk, packed values in memory). Each
 * read makes the item anew: readers must not expect the same object twice.
 */

/** An array for every reader (length, index, `in`, for…of, filter, map, JSON.stringify) that rejects writes. */
export function lazyArray<T>(length: number, itemAt: (index: number) => T): T[] {
  // for…of reads the items straight, not each through the index trap.
  const items = function* (): Generator<T> {
    for (let i = 0; i < length; i++) yield itemAt(i);
  };
  return new Proxy([] as T[], {
    get(target, key, receiver) {
      if (key === 'length') return length;
      if (key === Symbol.iterator || key === 'values') return items;
      if (typeof key === 'string' && isIndex(key)) {
        const i = Number(key);
        return i < length ? itemAt(i) : undefined;
      }
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string' && isIndex(key)) return Number(key) < length;
      return Reflect.has(target, key);
    },
    set() {
      throw new TypeError('a lazily read array is read-only');
    },
    ownKeys(target) {
      return [...Array.from({ length }, (_, i) => String(i)), ...Reflect.ownKeys(target).filter((k) => k !== 'length'), 'length'];
    },
    getOwnPropertyDescriptor(target, key) {
      if (key === 'length') return { value: length, writable: true, enumerable: false, configurable: false };
      if (typeof key === 'string' && isIndex(key) && Number(key) < length) return { value: itemAt(Number(key)), writable: false, enumerable: true, configurable: true };
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
}

/**
 * A record with the keys of `index` (in its order, which is a plain object's: integer-like keys
 * first), each value made from the number `index` holds for it; read-only.
 */
export function lazyRecord<V>(index: Record<string, number>, itemAt: (at: number) => V): Record<string, V> {
  return new Proxy(index as unknown as Record<string, V>, {
    get(target, key) {
      return typeof key === 'string' && Object.hasOwn(target, key) ? itemAt(index[key]) : undefined;
    },
    getOwnPropertyDescriptor(target, key) {
      const own = Reflect.getOwnPropertyDescriptor(target, key);
      return own && { ...own, value: itemAt(own.value as number) };
    },
    set() {
      throw new TypeError('a lazily read record is read-only');
    },
    defineProperty() {
      throw new TypeError('a lazily read record is read-only');
    },
    deleteProperty() {
      throw new TypeError('a lazily read record is read-only');
    },
  });
}

/** "0", "17": an array index, as a property key (read on every item access: no number parsed). */
function isIndex(key: string): boolean {
  const n = key.length;
  if (n === 0 || n > 15) return false;
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57 || (first === 48 && n > 1)) return false;
  for (let i = 1; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
