import type { ColumnBatch } from '../column-batch.js';
import { columnCells } from '../values/column-array.js';
import type { ValueOptions } from '../values/value-options.js';
import type { ResultColumn } from './result-column.js';

/** A row as an object keyed by column name (results type `'dicts'`). */
export type DictRow = Record<string, unknown>;

/**
 * The key of each column in dict rows and in the `columns` format. A name already taken by an
 * earlier column becomes `table.name` (as in the Python SDK); when the table is unknown or
 * that is taken too, a `_2`, `_3`… suffix is added, so no value is ever hidden.
 */
export function columnKeys(columns: readonly ResultColumn[]): string[] {
  const taken = new Set<string>();
  return columns.map((column) => {
    let key = column.name;
    if (taken.has(key) && column.table) key = `${column.table}.${column.name}`;
    const base = key;
    for (let suffix = 2; taken.has(key); suffix++) key = `${base}_${suffix}`;
    taken.add(key);
    return key;
  });
}

/** The rows of some batches as objects. */
export function toDicts(
  batches: readonly ColumnBatch[],
  columns: readonly ResultColumn[],
  options: ValueOptions,
): DictRow[] {
  const keys = columnKeys(columns);
  const rows: DictRow[] = [];
  for (const batch of batches) {
    const values = batch.columns.map((column) => columnCells(column, options));
    for (let row = 0; row < batch.numRows; row++) {
      const record: DictRow = {};
      values.forEach((column, index) => {
        Object.defineProperty(record, keys[index] as string, {
          value: column[row],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      });
      rows.push(record);
    }
  }
  return rows;
}
