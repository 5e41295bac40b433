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
 * A record with the keys `keys()` gives, in that order, each value made by `valueOf` when it is
 * read; read-only. `keys` must give them in a plain object's order (integer-like keys first, see
 * plainKeyOrder) for the record to read as the object it stands for.
 */
export function lazyRecord<V>(keys: () => string[], valueOf: (key: string) => V | undefined): Record<string, V> {
  const readOnly = (): never => {
    throw new TypeError('a lazily read record is read-only');
  };
  return new Proxy({} as Record<string, V>, {
    get(_target, key) {
      return typeof key === 'string' ? valueOf(key) : undefined;
    },
    has(_target, key) {
      return typeof key === 'string' && valueOf(key) !== undefined;
    },
    ownKeys() {
      return keys();
    },
    getOwnPropertyDescriptor(_target, key) {
      const value = typeof key === 'string' ? valueOf(key) : undefined;
      return value === undefined ? undefined : { value, writable: false, enumerable: true, configurable: true };
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}

/** Keys in the order a plain object lists them: integer-like keys first, ascending, then the rest as given. */
export function plainKeyOrder(keys: string[]): string[] {
  const integers = keys.filter(isArrayIndexKey);
  if (!integers.length) return keys;
  return [...integers.sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isArrayIndexKey(k))];
}

/** A key an object lists first: an array index (0 … 2^32 − 2). */
function isArrayIndexKey(key: string): boolean {
  return isIndex(key) && Number(key) < 2 ** 32 - 1;
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
