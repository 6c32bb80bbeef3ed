import type { ColumnBatch } from '../column-batch.js';

/**
 * A zero-row slice of a result's first batch, so that empty frames keep their schema; no
 * batch at all when the result has none.
 */
export function emptyLayout(first: ColumnBatch | undefined): ColumnBatch[] {
  if (!first) return [];
  return [
    {
      numRows: 0,
      columns: first.columns.map((column) => ({
        ...column,
        length: 0,
        nullCount: 0,
        validity: new Uint8Array(0),
        ...(column.values ? { values: column.values.subarray(0, 0) } : {}),
        ...(column.offsets ? { offsets: new Int32Array(1), data: new Uint8Array(0) } : {}),
      })),
    },
  ];
}
