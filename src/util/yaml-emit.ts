/**
 * A small, fast YAML emitter for plain data (objects, arrays, strings, numbers,
 * booleans, null): block style, two-space indent, keys in insertion order, every
 * string double-quoted as JSON (a valid YAML double-quoted scalar), so the output
 * is unambiguous and stable. The `yaml` library's stringify is far slower on the
 * thousands of claim files of a large corpus.
 */
export function emitYaml(value: unknown): string {
  const out = { text: '' };
  emit(value, 0, out, '');
  return out.text;
}

// A corpus's claims files repeat the same few keys at the same few depths: their YAML forms and
// the indents are made once (a 10,000-page run emits close to three million lines).
const keys = new Map<string, string>();
const pads: string[] = [];

/** The YAML made so far, one line after another. */
interface Out {
  text: string;
}

function padOf(indent: number): string {
  return (pads[indent] ??= ' '.repeat(indent));
}

/** Object.keys(v).length === 0, without making the array. */
function isEmptyObject(v: object): boolean {
  for (const k in v) if (Object.hasOwn(v, k)) return false;
  return true;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '.nan';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
  if (typeof v === 'object' && isEmptyObject(v as object)) return '{}';
  return undefined;
}

function key(k: string): string {
  let y = keys.get(k);
  if (y === undefined) {
    // Plain only where YAML reads it back as that string: not null, a boolean (1.2), or a 1.1 one.
    y = /^[A-Za-z_][\w.-]*$/.test(k) && !/^(?:null|true|false|yes|no|on|off|y|n)$/i.test(k) ? k : JSON.stringify(k);
    if (keys.size < 4096) keys.set(k, y);
  }
  return y;
}

function emit(value: unknown, indent: number, out: Out, prefix: string): void {
  const s = scalar(value);
  if (s !== undefined) {
    out.text += `${prefix || padOf(indent)}${s}\n`;
    return;
  }
  if (Array.isArray(value)) {
    const pad = padOf(indent);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const itemPrefix = i === 0 && prefix ? `${prefix}- ` : `${pad}- `;
      const inner = scalar(item);
      if (inner !== undefined) out.text += `${itemPrefix}${inner}\n`;
      else emitObjectOrArray(item, indent + 2, out, itemPrefix);
    }
    return;
  }
  emitObjectOrArray(value, indent, out, prefix);
}

function emitObjectOrArray(value: unknown, indent: number, out: Out, prefix: string): void {
  if (Array.isArray(value)) {
    emit(value, indent, out, prefix);
    return;
  }
  const pad = padOf(indent);
  let first = true;
  const object = value as Record<string, unknown>;
  for (const k of Object.keys(object)) {
    const v = object[k];
    if (v === undefined) continue;
    const head = first && prefix ? `${prefix}${key(k)}:` : `${pad}${key(k)}:`;
    first = false;
    const s = scalar(v);
    if (s !== undefined) out.text += `${head} ${s}\n`;
    else if (Array.isArray(v)) {
      out.text += `${head}\n`;
      emit(v, indent, out, '');
    } else {
      out.text += `${head}\n`;
      emit(v, indent + 2, out, '');
    }
  }
}
