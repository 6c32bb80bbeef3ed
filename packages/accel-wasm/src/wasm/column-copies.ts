import type { ColumnVector } from '../column-batch.js';
import {
  type ColumnLayout,
  isVariableWidth,
  makeColumn,
  slotBytes,
  valuesOver,
} from '../column-vectors.js';
import {
  BUFFER_DATA,
  BUFFER_OFFSETS,
  BUFFER_VALIDITY,
  BUFFER_VALUES,
  COLUMN_WORDS,
  NULL_COUNT,
} from './exports.js';

/** Copies up to this many bytes (or words) are done in a loop: cheaper than a view and `set`. */
const SMALL_COPY = 64;

/**
 * Buffers up to this many bytes get typed arrays of their own: V8 keeps typed arrays this small
 * on its heap, with no backing store to allocate and track, where an ArrayBuffer for the batch
 * and a view per buffer cost several times as much (a one-row result).
 */
const SMALL_BUFFER = 64;

/** A column's buffers in the order they are laid out in a batch's one ArrayBuffer. */
const BUFFER_FIELDS = [BUFFER_VALIDITY, BUFFER_VALUES, BUFFER_OFFSETS, BUFFER_DATA] as const;

/** Copies `length` items of `source` from `start` into `target` at `at`. */
export function copyInto<T extends Uint8Array | Uint32Array>(
  target: T,
  at: number,
  source: T,
  start: number,
  length: number,
): void {
  if (length > SMALL_COPY) {
    target.set(source.subarray(start, start + length), at);
    return;
  }
  for (let index = 0; index < length; index++) target[at + index] = source[start + index]!;
}

/** Linear memory, and views of it as bytes and as 32-bit words. */
export interface MemoryViews {
  readonly memory: ArrayBuffer;
  readonly bytes: Uint8Array;
  readonly words: Uint32Array;
}

/** Copies the column buffers the crate wrote out of linear memory, so no result aliases it. */
export class ColumnCopier {
  /** Scratch: offset and length of each column's buffers in its result. */
  private placed = new Uint32Array(64);

  /**
   * The `layouts.length` columns described from `columnsPtr`, `rows` long: one new ArrayBuffer
   * for the batch (one allocation instead of four per column; each view starts 8-byte
   * aligned), or, when every buffer is small, typed arrays of their own.
   */
  read(
    layouts: readonly ColumnLayout[],
    rows: number,
    columnsPtr: number,
    views: MemoryViews,
  ): ColumnVector[] {
    const { words } = views;
    const count = layouts.length;
    let total = 0;
    let small = true;
    for (let c = 0; c < count; c++) {
      const base = (columnsPtr >>> 2) + c * COLUMN_WORDS;
      for (const field of BUFFER_FIELDS) {
        const length = words[base + field + 1]!;
        total += (length + 7) & ~7;
        // A view over linear memory needs an aligned start; empty buffers get no view there.
        small &&= length <= SMALL_BUFFER && (length === 0 || (words[base + field]! & 7) === 0);
      }
    }
    return small
      ? readSmall(layouts, rows, columnsPtr, views)
      : this.readInto(new ArrayBuffer(total), layouts, rows, columnsPtr, views);
  }

  private readInto(
    target: ArrayBuffer,
    layouts: readonly ColumnLayout[],
    rows: number,
    columnsPtr: number,
    views: MemoryViews,
  ): ColumnVector[] {
    const { bytes: source, words } = views;
    const count = layouts.length;
    const targetBytes = new Uint8Array(target);
    // Per column and buffer: where it starts in `target` and its length, in BUFFER_FIELDS order.
    const placed = this.placed.length >= 8 * count ? this.placed : new Uint32Array(8 * count);
    this.placed = placed;
    let at = 0;
    for (let c = 0; c < count; c++) {
      const base = (columnsPtr >>> 2) + c * COLUMN_WORDS;
      for (let field = 0; field < 4; field++) {
        const word = base + BUFFER_FIELDS[field]!;
        const ptr = words[word]!;
        const length = words[word + 1]!;
        placed[c * 8 + field * 2] = at;
        placed[c * 8 + field * 2 + 1] = length;
        copyInto(targetBytes, at, source, ptr, length);
        at += (length + 7) & ~7;
      }
    }
    const columns = new Array<ColumnVector>(count);
    for (let c = 0; c < count; c++) {
      const layout = layouts[c]!;
      const base = (columnsPtr >>> 2) + c * COLUMN_WORDS;
      const at8 = c * 8;
      const variable = isVariableWidth(layout.kind);
      columns[c] = makeColumn(
        layout,
        rows,
        words[base + NULL_COUNT]!,
        new Uint8Array(target, placed[at8]!, placed[at8 + 1]!),
        slotBytes(layout) > 0
          ? valuesOver(layout, target, placed[at8 + 2]!, placed[at8 + 3]!)
          : undefined,
        variable ? new Int32Array(target, placed[at8 + 4]!, placed[at8 + 5]! >>> 2) : undefined,
        variable ? new Uint8Array(target, placed[at8 + 6]!, placed[at8 + 7]!) : undefined,
      );
    }
    return columns;
  }
}

/** `ColumnCopier.read` for buffers of at most SMALL_BUFFER bytes, aligned when not empty. */
function readSmall(
  layouts: readonly ColumnLayout[],
  rows: number,
  columnsPtr: number,
  views: MemoryViews,
): ColumnVector[] {
  const { memory, bytes: source, words } = views;
  const count = layouts.length;
  const columns = new Array<ColumnVector>(count);
  for (let c = 0; c < count; c++) {
    const layout = layouts[c]!;
    const base = (columnsPtr >>> 2) + c * COLUMN_WORDS;
    const validity = base + BUFFER_VALIDITY;
    const values = base + BUFFER_VALUES;
    const valuesLength = words[values + 1]!;
    const variable = isVariableWidth(layout.kind);
    columns[c] = makeColumn(
      layout,
      rows,
      words[base + NULL_COUNT]!,
      source.slice(words[validity]!, words[validity]! + words[validity + 1]!),
      slotBytes(layout) > 0
        ? valuesOver(layout, memory, valuesLength === 0 ? 0 : words[values]!, valuesLength)?.slice()
        : undefined,
      variable ? smallOffsets(memory, words, base + BUFFER_OFFSETS) : undefined,
      variable
        ? source.slice(
            words[base + BUFFER_DATA]!,
            words[base + BUFFER_DATA]! + words[base + BUFFER_DATA + 1]!,
          )
        : undefined,
    );
  }
  return columns;
}

/** A copy of the offsets described at word `field` (its pointer, then its length in bytes). */
function smallOffsets(memory: ArrayBuffer, words: Uint32Array, field: number): Int32Array {
  const length = words[field + 1]!;
  return length === 0
    ? new Int32Array(0)
    : new Int32Array(memory, words[field]!, length >>> 2).slice();
}
