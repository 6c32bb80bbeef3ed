import type { ColumnBatch } from '../column-batch.js';
import { columnCells } from '../values/column-array.js';
import type { ValueOptions } from '../values/value-options.js';

/** A row as an array of values in column order (DB-API's tuple). */
export type TupleRow = unknown[];

type Columns = readonly ArrayLike<unknown>[];
type RowsFiller = (columns: Columns, rows: TupleRow[], at: number, count: number) => void;

/**
 * One filler per narrow width, each building its rows with an array literal. A literal's
 * allocation site lets V8 see that these rows live on and allocate them in the old generation
 * directly, instead of copying a million young arrays through every scavenge (in a 1M-row
 * fetch that GC work was most of the time, and its spikes made runs swing 4×).
 */
const LITERAL_FILLERS: readonly (RowsFiller | undefined)[] = [
  undefined,
  ([a = []], rows, at, count) => {
    for (let row = 0; row < count; row += 1) rows[at + row] = [a[row]];
  },
  ([a = [], b = []], rows, at, count) => {
    for (let row = 0; row < count; row += 1) rows[at + row] = [a[row], b[row]];
  },
  ([a = [], b = [], c = []], rows, at, count) => {
    for (let row = 0; row < count; row += 1) rows[at + row] = [a[row], b[row], c[row]];
  },
  ([a = [], b = [], c = [], d = []], rows, at, count) => {
    for (let row = 0; row < count; row += 1) rows[at + row] = [a[row], b[row], c[row], d[row]];
  },
  ([a = [], b = [], c = [], d = [], e = []], rows, at, count) => {
    for (let row = 0; row < count; row += 1)
      rows[at + row] = [a[row], b[row], c[row], d[row], e[row]];
  },
  ([a = [], b = [], c = [], d = [], e = [], f = []], rows, at, count) => {
    for (let row = 0; row < count; row += 1)
      rows[at + row] = [a[row], b[row], c[row], d[row], e[row], f[row]];
  },
  ([a = [], b = [], c = [], d = [], e = [], f = [], g = []], rows, at, count) => {
    for (let row = 0; row < count; row += 1)
      rows[at + row] = [a[row], b[row], c[row], d[row], e[row], f[row], g[row]];
  },
  ([a = [], b = [], c = [], d = [], e = [], f = [], g = [], h = []], rows, at, count) => {
    for (let row = 0; row < count; row += 1)
      rows[at + row] = [a[row], b[row], c[row], d[row], e[row], f[row], g[row], h[row]];
  },
];

function fillAnyWidth(columns: Columns, rows: TupleRow[], at: number, count: number): void {
  const width = columns.length;
  for (let row = 0; row < count; row += 1) {
    const tuple = new Array<unknown>(width);
    for (let index = 0; index < width; index += 1)
      tuple[index] = (columns[index] as ArrayLike<unknown>)[row];
    rows[at + row] = tuple;
  }
}

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
    const columns = batch.columns.map((column) => columnCells(column, options));
    const fill = LITERAL_FILLERS[columns.length] ?? fillAnyWidth;
    fill(columns, rows, next, batch.numRows);
    next += batch.numRows;
  }
  return rows;
}
