/**
 * Lazily read arrays another thread can read too: findings packed in shared memory
 * (src/util/packed.ts) and claims in a spill file (src/util/spill.ts) are described by what that
 * thread needs to read the same values in the same order, not copied (src/report/thread.ts).
 */
import { lazyArray } from './lazy.js';
import { PackedValues, type PackedParts } from './packed.js';
import { SpillFile, spilledArray, type SpillParts } from './spill.js';

/** How to read an array in another thread: its values' store, and the order the array reads them in. */
export type ArrayForm = { kind: 'packed'; parts: PackedParts; order: Uint32Array } | { kind: 'spill'; parts: SpillParts; order: Uint32Array };

const forms = new WeakMap<object, () => ArrayForm>();

/** The packed values in this order, as a read-only array another thread can read too. */
export function packedArray<T>(packed: PackedValues<T>, order: Uint32Array): T[] {
  const array = lazyArray<T>(order.length, (i) => packed.get(order[i]));
  forms.set(array, () => ({ kind: 'packed', parts: packed.parts(), order }));
  return array;
}

/** The spilled values in this order, as a read-only array another thread can read too. */
export function sharedSpilledArray<T>(spill: SpillFile, order: Uint32Array): T[] {
  const array = spilledArray<T>(spill, order);
  forms.set(array, () => ({ kind: 'spill', parts: spill.parts(), order }));
  return array;
}

/** How another thread can read this array; undefined for an array made otherwise (then it must be copied). */
export function arrayForm(array: unknown): ArrayForm | undefined {
  return typeof array === 'object' && array !== null ? forms.get(array)?.() : undefined;
}

/** The array an ArrayForm describes, read in this thread. */
export function arrayFrom<T>(form: ArrayForm): T[] {
  return form.kind === 'packed' ? packedArray(PackedValues.fromParts<T>(form.parts), form.order) : sharedSpilledArray(SpillFile.reader(form.parts), form.order);
}
