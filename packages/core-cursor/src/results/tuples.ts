import type { ColumnBatch } from '../column-batch.js';
import { columnArray } from '../values/column-array.js';
import type { ValueOptions } from '../values/value-options.js';

/** A row as an array of values in column order (DB-API's tuple). */
export type TupleRow = unknown[];

/**
 * The rows of some batches as arrays (results type `'tuples'`): each column is materialised in
 * one loop of its own kind, then the rows are assembled from those arrays. This is the hot loop
 * of every tuples fetch.
 */
export function toTuples(batches: readonly ColumnBatch[], options: ValueOptions): TupleRow[] {
  let total = 0;
  for (const batch of batches) total += batch.numRows;
  const rows = new Array<TupleRow>(total);
  let next = 0;
  for (const batch of batches) {
    const columns = batch.columns.map((column) => columnArray(column, options));
    const width = columns.length;
    for (let row = 0; row < batch.numRows; row += 1) {
      const tuple = new Array<unknown>(width);
      for (let index = 0; index < width; index += 1)
        tuple[index] = (columns[index] as unknown[])[row];
      rows[next] = tuple;
      next += 1;
    }
  }
  return rows;
}
