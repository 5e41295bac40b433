/**
 * JSON.stringify(value, null, 2) as a sequence of chunks, byte for byte the same text:
 * containers near the root are walked, deeper values are stringified whole. A report of
 * a large corpus is written without building one giant string (V8 caps strings at
 * about 512 MB) and without holding it all in memory.
 */
export function* jsonChunks(value: unknown, depth = 3, indent = ''): Generator<string> {
  const inner = `${indent}  `;
  if (depth > 0 && Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      const v = value[i];
      // As JSON.stringify: undefined and functions in arrays become null.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
      else yield* jsonChunks(v, depth - 1, inner);
      yield i < value.length - 1 ? ',\n' : '\n';
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
      yield* jsonChunks(v, depth - 1, inner);
      yield i < entries.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2);
  yield indent ? text.replace(/\n/g, `\n${indent}`) : text;
}
