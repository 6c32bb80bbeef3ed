import type { ColumnBatch, ColumnVector } from '../column-batch.js';
import { columnValuesInto, PLAIN_NUMBER_KINDS } from '../values/column-array.js';
import type { ValueOptions } from '../values/value-options.js';
import { columnKeys } from './dicts.js';
import type { ResultColumn } from './result-column.js';

/** A column of the `columns` format: a typed array when the policy allows, else an array. */
export type ColumnData =
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array
  | unknown[];

/** Results type `'columns'` (Python's `numpy`): column key → values. */
export type ColumnsResult = Record<string, ColumnData>;

/**
 * One typed array of the parts' values. A single part's values are handed out as they are: a
 * decoded batch is made for one result and never reused, and a stream of frames then allocates
 * its typed columns once instead of twice.
 */
function typedValues(parts: readonly ColumnVector[], total: number): ColumnData | undefined {
  const first = parts[0]?.values;
  if (!first) return undefined;
  if (parts.length === 1) {
    return (first.length === total ? first : first.subarray(0, total)) as ColumnData;
  }
  const Storage = first.constructor as new (length: number) => NonNullable<typeof first>;
  const result = new Storage(total);
  let offset = 0;
  for (const part of parts) {
    result.set(part.values as never, offset);
    offset += part.length;
  }
  return result as ColumnData;
}

function columnData(
  parts: readonly ColumnVector[],
  total: number,
  options: ValueOptions,
): ColumnData {
  const sample = parts[0];
  const hasNulls = parts.some((part) => part.nullCount > 0);
  if (sample && !hasNulls) {
    const big = sample.kind === 'int64' || sample.kind === 'uint64';
    if (PLAIN_NUMBER_KINDS.has(sample.kind) || (big && options.bigint === 'bigint')) {
      return typedValues(parts, total) ?? [];
    }
  }
  const values = new Array<unknown>(total);
  let offset = 0;
  for (const part of parts) {
    columnValuesInto(part, values, offset, options);
    offset += part.length;
  }
  return values;
}

/**
 * The rows of some batches column by column. Integer and float columns without nulls become
 * typed arrays (BIGINT only with `bigint: 'bigint'`, as BigInt64Array/BigUint64Array); columns
 * with nulls and every other kind become arrays of policy values, so a NULL is never turned
 * into 0 or NaN (the Python SDK's numpy path turned nullable ints into floats). The typed
 * arrays of a one-batch result (a streamed frame) are views of the decoded batch's buffer.
 */
export function toColumns(
  batches: readonly ColumnBatch[],
  columns: readonly ResultColumn[],
  options: ValueOptions,
): ColumnsResult {
  const keys = columnKeys(columns);
  const total = batches.reduce((sum, batch) => sum + batch.numRows, 0);
  const result: ColumnsResult = {};
  keys.forEach((key, index) => {
    const parts = batches.flatMap((batch) => batch.columns[index] ?? []);
    Object.defineProperty(result, key, {
      value: columnData(parts, total, options),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  return result;
}
