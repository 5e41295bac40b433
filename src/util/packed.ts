/**
 * Values packed into typed arrays instead of held as objects. A large corpus's findings are half
 * a million small objects (the finding, its position and two points, its list of claims, its id
 * and fingerprint strings): as objects they were two thirds of a 50,000-page run's heap; packed,
 * a finding takes some 55 bytes of varints and 60 of ids and fingerprint (500 as objects). A value
 * is written once; each read makes it anew, with the same keys in the same order, so
 * JSON.stringify of what is read is JSON.stringify of what was written.
 *
 * A token is a payload times 8 plus a tag, written as a varint (a byte per 7 bits: most
 * tokens are one or two bytes):
 *   INT   a whole number 0 … 2^29 − 1 (positions, counts), in the payload
 *   NUM   any other number: index into a table of numbers
 *   STR   index into the table of shared strings (messages, quotes, rule ids: repeated)
 *   TEXT  a string kept as UTF-8 bytes (ids, fingerprints: one of a kind): payload its byte
 *         length, the next varint where its bytes are
 *   OBJ   payload its shape (its keys, in order); a value per key follows
 *   ARR   payload its length; its items follow
 *   SAME  index into a table of objects kept as they are: frozen ones (evidence lists shared by
 *         every finding of a fact: frozen, so sharing them is safe) and those `keep` names
 *   LIT   undefined, null, false, true
 */

const INT = 0;
const NUM = 1;
const STR = 2;
const TEXT = 3;
const OBJ = 4;
const ARR = 5;
const SAME = 6;
const LIT = 7;

const PAYLOAD_MAX = 2 ** 29 - 1;
const RECENT_SHAPES = 8;
const LITERALS = [undefined, null, false, true] as const;
const EMPTY_TAPE = new Uint8Array(0);
const EMPTY_BYTES = Buffer.alloc(0);

/** Tokens and bytes are held in chunks (no doubling copy of hundreds of megabytes, no half-empty array twice the size needed). */
const TAPE_CHUNK = 1 << 20;
const BYTE_CHUNK = 1 << 20;
/** Strings longer than this go to the shared table even under a `unique` key: a byte chunk holds any string kept as bytes. */
const TEXT_MAX = 1 << 16;

export interface PackOptions {
  /**
   * Keys whose string values (or lists of strings) are one of a kind, such as ids and
   * fingerprints: kept as bytes rather than as entries of the table of shared strings.
   */
  unique?: Iterable<string>;
  /** Entries of the table of shared strings; past it, new strings are kept as bytes (a corpus of all-different messages costs no table). */
  sharedStrings?: number;
  /** Objects kept as they are, not packed, besides frozen ones (the reference's facts a judgement points at). */
  keep?: (value: object) => boolean;
  /**
   * Tokens and bytes in SharedArrayBuffers: another thread reading the values (`parts`, then
   * `fromParts`) reads the same memory, not a copy (src/report/thread.ts).
   */
  shared?: boolean;
}

/**
 * What another thread needs to read the values (postMessage clones it; chunks in shared memory
 * are shared, not copied). Read-only there: nothing can be pushed to a PackedValues made from it.
 */
export interface PackedParts {
  chunks: Uint8Array[];
  byteChunks: Uint8Array[];
  starts: Float64Array<ArrayBuffer>;
  count: number;
  releasedBefore: number;
  strings: string[];
  shapes: string[][];
  frozen: unknown[];
  numbers: Float64Array<ArrayBuffer>;
}

interface Shape {
  keys: string[];
  /** Makes the object from its values read in key order (an object literal: its properties in-object, as a parsed object's are). */
  make: (read: () => unknown) => Record<string, unknown>;
}

export class PackedValues<T> {
  private readonly chunks: Uint8Array[] = [];
  private chunk: Uint8Array = new Uint8Array(0);
  private used = 0;
  /** Where each value starts: chunk × 2^32 + byte. */
  private starts = new Float64Array(1024);
  private count = 0;
  /** Per tape chunk, the first byte chunk its values' strings can be in. */
  private readonly byteFloors: number[] = [];
  /** Values before this index have been let go of (releaseBefore). */
  private releasedBefore = 0;
  /** What encode() writes a value into before it goes to a chunk. */
  private scratch: Uint8Array = new Uint8Array(1024);
  private n = 0;

  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly shapes: Shape[] = [];
  private readonly shapeIndex = new Map<string, number>();
  private readonly recentShapes: number[] = [];
  private readonly frozen: unknown[] = [];
  private readonly frozenIndex = new Map<unknown, number>();
  private numbers = new Float64Array(16);
  private numberCount = 0;
  private readonly byteChunks: Buffer<ArrayBufferLike>[] = [];
  private bytes: Buffer<ArrayBufferLike> = Buffer.alloc(0);
  private bytesUsed = 0;

  private readonly unique: ReadonlySet<string>;
  private readonly sharedLimit: number;
  private readonly keep: PackOptions['keep'];
  private readonly shared: boolean;
  /** Made by fromParts: read only. */
  private readOnly = false;

  // The read cursor.
  private tape: Uint8Array = new Uint8Array(0);
  private at = 0;
  private readonly readNext = (): unknown => this.read();

  constructor(options: PackOptions = {}) {
    this.unique = new Set(options.unique ?? []);
    this.sharedLimit = options.sharedStrings ?? 1_000_000;
    this.keep = options.keep;
    this.shared = options.shared ?? false;
  }

  get length(): number {
    return this.count;
  }

  /** What another thread needs to read these values (see PackedParts). */
  parts(): PackedParts {
    return {
      chunks: this.chunks,
      byteChunks: this.byteChunks,
      starts: this.starts.slice(0, this.count),
      count: this.count,
      releasedBefore: this.releasedBefore,
      strings: this.strings,
      shapes: this.shapes.map((shape) => shape.keys),
      frozen: this.frozen,
      numbers: this.numbers.slice(0, this.numberCount),
    };
  }

  /** The values another thread packed, read from its parts; read only. */
  static fromParts<T>(parts: PackedParts): PackedValues<T> {
    const packed = new PackedValues<T>();
    packed.readOnly = true;
    packed.chunks.push(...parts.chunks);
    // A Buffer comes through postMessage as a plain Uint8Array over the same memory.
    packed.byteChunks.push(...parts.byteChunks.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
    packed.starts = parts.starts;
    packed.count = parts.count;
    packed.releasedBefore = parts.releasedBefore;
    packed.strings.push(...parts.strings);
    for (const keys of parts.shapes) packed.shapes.push({ keys, make: maker(keys) });
    packed.frozen.push(...parts.frozen);
    packed.numbers = parts.numbers;
    packed.numberCount = parts.numbers.length;
    return packed;
  }

  private tapeChunk(size: number): Uint8Array {
    return this.shared ? new Uint8Array(new SharedArrayBuffer(size)) : new Uint8Array(size);
  }

  /** Packs one value; returns its index. */
  push(value: T): number {
    if (this.readOnly) throw new TypeError('values read from another thread are read-only');
    const byteFloor = Math.max(0, this.byteChunks.length - 1);
    this.n = 0;
    this.encode(value, false);
    const n = this.n;
    if (this.used + n > this.chunk.length) {
      this.chunk = this.tapeChunk(Math.max(TAPE_CHUNK, n));
      this.chunks.push(this.chunk);
      this.byteFloors.push(byteFloor);
      this.used = 0;
    }
    this.chunk.set(this.scratch.subarray(0, n), this.used);
    if (this.count === this.starts.length) {
      const grown = new Float64Array(Math.ceil(this.starts.length * 1.5));
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count] = (this.chunks.length - 1) * 2 ** 32 + this.used;
    this.used += n;
    return this.count++;
  }

  /** The value at `index`, made anew. */
  get(index: number): T {
    if (!(index >= this.releasedBefore && index < this.count)) throw new RangeError(`packed index ${index} out of range (${this.releasedBefore}–${this.count})`);
    const start = this.starts[index];
    const chunk = Math.floor(start / 2 ** 32);
    this.tape = this.chunks[chunk];
    this.at = start - chunk * 2 ** 32;
    return this.read() as T;
  }

  /**
   * Lets go of the values before `index` (a reader done with them: the check stage's gate, which
   * hands each finding on as it goes): the chunks that hold only such values are freed.
   */
  releaseBefore(index: number): void {
    if (index <= this.releasedBefore) return;
    this.releasedBefore = Math.min(index, this.count);
    // The chunk the first value still held is in, and the first byte chunk its strings can be in.
    const keep = index < this.count ? Math.floor(this.starts[index] / 2 ** 32) : this.chunks.length;
    const keepBytes = keep < this.chunks.length ? this.byteFloors[keep] : this.byteChunks.length;
    for (let k = 0; k < keep; k++) this.chunks[k] = EMPTY_TAPE;
    for (let k = 0; k < keepBytes; k++) this.byteChunks[k] = EMPTY_BYTES;
    if (keep === this.chunks.length) {
      this.chunk = EMPTY_TAPE;
      this.used = 0;
    }
    if (keepBytes === this.byteChunks.length) {
      this.bytes = EMPTY_BYTES;
      this.bytesUsed = 0;
    }
  }

  /** A whole number below 2^32 as a varint: 7 bits a byte, low bits first, the high bit set on all but the last. */
  private emit(value: number): void {
    if (this.n + 5 > this.scratch.length) {
      const grown = new Uint8Array(this.scratch.length * 2);
      grown.set(this.scratch);
      this.scratch = grown;
    }
    while (value >= 128) {
      this.scratch[this.n++] = (value & 127) | 128;
      value = Math.floor(value / 128);
    }
    this.scratch[this.n++] = value;
  }

  private tag(tag: number, payload: number): void {
    this.emit(payload * 8 + tag);
  }

  private varint(): number {
    const tape = this.tape;
    let byte = tape[this.at++];
    if (byte < 128) return byte;
    let value = byte & 127;
    let scale = 128;
    do {
      byte = tape[this.at++];
      value += (byte & 127) * scale;
      scale *= 128;
    } while (byte >= 128);
    return value;
  }

  private encode(value: unknown, unique: boolean): void {
    switch (typeof value) {
      case 'number':
        if (Number.isInteger(value) && value >= 0 && value <= PAYLOAD_MAX && !Object.is(value, -0)) this.tag(INT, value);
        else this.tag(NUM, this.number(value));
        return;
      case 'string':
        this.string(value, unique);
        return;
      case 'boolean':
        this.tag(LIT, value ? 3 : 2);
        return;
      case 'undefined':
        this.tag(LIT, 0);
        return;
      case 'object':
        if (value === null) this.tag(LIT, 1);
        else if (Object.isFrozen(value) || this.keep?.(value)) this.tag(SAME, this.same(value));
        else if (Array.isArray(value)) {
          this.tag(ARR, this.checked(value.length));
          for (const item of value) this.encode(item, unique);
        } else {
          const proto = Object.getPrototypeOf(value);
          if (proto !== Object.prototype && proto !== null) throw new TypeError(`cannot pack a ${proto?.constructor?.name ?? 'non-plain'} object`);
          const keys = Object.keys(value);
          this.tag(OBJ, this.shape(keys));
          const record = value as Record<string, unknown>;
          for (const key of keys) this.encode(record[key], this.unique.has(key));
        }
        return;
      default:
        throw new TypeError(`cannot pack a ${typeof value}`);
    }
  }

  private checked(n: number): number {
    if (n > PAYLOAD_MAX) throw new RangeError(`cannot pack more than ${PAYLOAD_MAX} entries`);
    return n;
  }

  private number(value: number): number {
    if (this.numberCount === this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.numberCount] = value;
    return this.checked(this.numberCount++);
  }

  private string(s: string, unique: boolean): void {
    // As bytes only what fits a byte chunk and what UTF-8 gives back unchanged (a lone surrogate
    // would come back as U+FFFD).
    const fits = s.length <= TEXT_MAX / 3 && this.byteChunks.length < 2 ** 32 / BYTE_CHUNK;
    // A string under a unique key (an id, a fingerprint) goes to the bytes without being looked
    // for in the table: it would not be there, and hashing every one of them to find that out
    // was the most costly step of packing a finding.
    if (unique && fits && wellFormed(s)) return this.text(s);
    const known = this.stringIndex.get(s);
    if (known !== undefined) {
      this.tag(STR, known);
      return;
    }
    if (this.strings.length >= this.sharedLimit && fits && wellFormed(s)) return this.text(s);
    const index = this.checked(this.strings.length);
    this.strings.push(s);
    this.stringIndex.set(s, index);
    this.tag(STR, index);
  }

  private text(s: string): void {
    const size = Buffer.byteLength(s);
    if (this.bytesUsed + size > this.bytes.length) {
      this.bytes = this.shared ? Buffer.from(new SharedArrayBuffer(BYTE_CHUNK)) : Buffer.allocUnsafe(BYTE_CHUNK);
      this.byteChunks.push(this.bytes);
      this.bytesUsed = 0;
    }
    this.bytes.write(s, this.bytesUsed, 'utf8');
    this.tag(TEXT, size);
    this.emit((this.byteChunks.length - 1) * BYTE_CHUNK + this.bytesUsed);
    this.bytesUsed += size;
  }

  private same(value: object): number {
    let index = this.frozenIndex.get(value);
    if (index === undefined) {
      index = this.checked(this.frozen.length);
      this.frozen.push(value);
      this.frozenIndex.set(value, index);
    }
    return index;
  }

  private shape(keys: string[]): number {
    // Most objects have one of the last few shapes: compared key by key (property names are
    // internalised strings, so each comparison is one pointer), no joined string to look up.
    const recent = this.recentShapes;
    for (let r = 0; r < recent.length; r++) {
      const known = this.shapes[recent[r]].keys;
      if (known.length !== keys.length) continue;
      let same = true;
      for (let i = 0; i < keys.length && same; i++) same = known[i] === keys[i];
      if (same) return recent[r];
    }
    const index = this.shapeOf(keys);
    if (recent.length === RECENT_SHAPES) recent.pop();
    recent.unshift(index);
    return index;
  }

  private shapeOf(keys: string[]): number {
    const id = keys.join('\u0000');
    let index = this.shapeIndex.get(id);
    if (index === undefined) {
      index = this.checked(this.shapes.length);
      this.shapes.push({ keys, make: maker(keys) });
      this.shapeIndex.set(id, index);
    }
    return index;
  }

  private read(): unknown {
    const token = this.varint();
    const payload = Math.floor(token / 8);
    switch (token % 8) {
      case INT:
        return payload;
      case NUM:
        return this.numbers[payload];
      case STR:
        return this.strings[payload];
      case TEXT: {
        const where = this.varint();
        const chunk = Math.floor(where / BYTE_CHUNK);
        const from = where - chunk * BYTE_CHUNK;
        return this.byteChunks[chunk].toString('utf8', from, from + payload);
      }
      case OBJ:
        return this.shapes[payload].make(this.readNext);
      case ARR: {
        const out = new Array(payload);
        for (let i = 0; i < payload; i++) out[i] = this.read();
        return out;
      }
      case SAME:
        return this.frozen[payload];
      default:
        return LITERALS[payload];
    }
  }
}

/** No lone surrogate (String.prototype.isWellFormed, Node 20). */
const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * A function making an object of these keys from values read in order. An object literal
 * evaluates its properties left to right, so the values come in key order; `__proto__` in a
 * literal would set the prototype rather than a key, so such a shape is made key by key.
 */
function maker(keys: string[]): Shape['make'] {
  if (keys.includes('__proto__'))
    return (read) => {
      const o: Record<string, unknown> = {};
      for (const key of keys) Object.defineProperty(o, key, { value: read(), enumerable: true, writable: true, configurable: true });
      return o;
    };
  return new Function('read', `return {${keys.map((k) => `${JSON.stringify(k)}: read()`).join(', ')}};`) as Shape['make'];
}

/** Freezes a value and everything it holds (plain objects and arrays): what packing then keeps once, however many values share it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
