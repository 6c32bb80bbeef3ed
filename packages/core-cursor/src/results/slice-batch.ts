import type { ColumnBatch, ColumnValues, ColumnVector } from '../column-batch.js';

function sliceValidity(validity: Uint8Array, start: number, length: number): Uint8Array {
  if (start % 8 === 0) return validity.subarray(start / 8, start / 8 + Math.ceil(length / 8));
  const result = new Uint8Array(Math.ceil(length / 8));
  for (let row = 0; row < length; row++) {
    const source = start + row;
    if (((validity[source >> 3] ?? 0) >> (source & 7)) & 1) {
      result[row >> 3] = (result[row >> 3] ?? 0) | (1 << (row & 7));
    }
  }
  return result;
}

function countNulls(validity: Uint8Array, length: number): number {
  let present = 0;
  for (let row = 0; row < length; row++) present += ((validity[row >> 3] ?? 0) >> (row & 7)) & 1;
  return length - present;
}

function sliceColumn(column: ColumnVector, start: number, end: number): ColumnVector {
  const length = end - start;
  const validity = sliceValidity(column.validity, start, length);
  const sliced: { -readonly [K in keyof ColumnVector]: ColumnVector[K] } = {
    ...column,
    length,
    validity,
    nullCount: column.nullCount === 0 ? 0 : countNulls(validity, length),
  };
  if (column.values) {
    const width = column.kind === 'vector' ? (column.dims ?? 0) : 1;
    sliced.values = column.values.subarray(start * width, end * width) as ColumnValues;
  }
  if (column.offsets && column.data) {
    const first = column.offsets[start] ?? 0;
    sliced.offsets = column.offsets.slice(start, end + 1).map((offset) => offset - first);
    sliced.data = column.data.subarray(first, column.offsets[end]);
  }
  return sliced;
}

/**
 * Rows `start` (inclusive) to `end` (exclusive) of a batch. Values and bytes are views of the
 * original buffers; only the validity bitmap (when `start` is not a multiple of 8) and the
 * offsets are rebuilt. The whole batch is returned as is.
 */
export function sliceBatch(batch: ColumnBatch, start: number, end: number): ColumnBatch {
  if (start === 0 && end === batch.numRows) return batch;
  return {
    numRows: end - start,
    columns: batch.columns.map((column) => sliceColumn(column, start, end)),
  };
}
