import type { ColumnBatch } from '../column-batch.js';
import { columnReader } from '../values/column-values.js';
import type { ValueOptions } from '../values/value-options.js';

/** A row as an array of values in column order (DB-API's tuple). */
export type TupleRow = unknown[];

/** The rows of some batches as arrays (results type `'tuples'`). */
export function toTuples(batches: readonly ColumnBatch[], options: ValueOptions): TupleRow[] {
  const rows: TupleRow[] = [];
  for (const batch of batches) {
    const readers = batch.columns.map((column) => columnReader(column, options));
    for (let row = 0; row < batch.numRows; row++) rows.push(readers.map((read) => read(row)));
  }
  return rows;
}
