/**
 * A small, fast YAML emitter for plain data (objects, arrays, strings, numbers,
 * booleans, null): block style, two-space indent, keys in insertion order, every
 * string double-quoted as JSON (a valid YAML double-quoted scalar), so the output
 * is unambiguous and stable. The `yaml` library's stringify is far slower on the
 * thousands of claim files of a large corpus.
 */
export function emitYaml(value: unknown): string {
  const lines: string[] = [];
  emit(value, 0, lines, '');
  return `${lines.join('\n')}\n`;
}

function scalar(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '.nan';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.length === 0) return '[]';
  if (typeof v === 'object' && Object.keys(v as object).length === 0) return '{}';
  return undefined;
}

function key(k: string): string {
  return /^[A-Za-z_][\w.-]*$/.test(k) ? k : JSON.stringify(k);
}

function emit(value: unknown, indent: number, lines: string[], prefix: string): void {
  const pad = ' '.repeat(indent);
  const s = scalar(value);
  if (s !== undefined) {
    lines.push(`${prefix || pad}${s}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const itemPrefix = i === 0 && prefix ? `${prefix}- ` : `${pad}- `;
      const inner = scalar(item);
      if (inner !== undefined) lines.push(`${itemPrefix}${inner}`);
      else emitObjectOrArray(item, indent + 2, lines, itemPrefix);
    });
    return;
  }
  emitObjectOrArray(value, indent, lines, prefix);
}

function emitObjectOrArray(value: unknown, indent: number, lines: string[], prefix: string): void {
  if (Array.isArray(value)) {
    emit(value, indent, lines, prefix);
    return;
  }
  const pad = ' '.repeat(indent);
  let first = true;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    const head = first && prefix ? `${prefix}${key(k)}:` : `${pad}${key(k)}:`;
    first = false;
    const s = scalar(v);
    if (s !== undefined) lines.push(`${head} ${s}`);
    else if (Array.isArray(v)) {
      lines.push(head);
      emit(v, indent, lines, '');
    } else {
      lines.push(head);
      emit(v, indent + 2, lines, '');
    }
  }
}
