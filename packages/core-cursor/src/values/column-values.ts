import type { ColumnVector } from '../column-batch.js';
import { decodeBson } from './bson.js';
import { dateFromDays, dateFromMicros, formatDays, formatMicros } from './dates.js';
import { parseJsonLossless } from './lossless-json.js';
import { bigintValue, type ValueOptions } from './value-options.js';
import { vectorAt } from './vectors.js';

/** MySQL's JSON type code. */
export const JSON_TYPE_CODE = 245;
/** SingleStore's extended BSON type code. */
export const BSON_TYPE_CODE = 1001;

// A leading U+FEFF is part of a value, not a byte-order mark to drop.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Reads the value of row `row` of a column, null included. */
export type ValueReader = (row: number) => unknown;

/** Whether row `row` of a column is NULL. */
function isNullAt(column: ColumnVector, row: number): boolean {
  return ((column.validity[row >> 3] ?? 0) & (1 << (row & 7))) === 0;
}

/** The raw bytes of row `row` of a variable-width column (a view, not a copy). */
function bytesAt(column: ColumnVector, row: number): Uint8Array {
  const offsets = column.offsets as Int32Array;
  const data = column.data as Uint8Array;
  return data.subarray(offsets[row], offsets[row + 1]);
}

/** The UTF-8 text of row `row` of a variable-width column. */
function textAt(column: ColumnVector, row: number): string {
  return decoder.decode(bytesAt(column, row));
}

function valueReader(column: ColumnVector, options: ValueOptions): ValueReader {
  const values = column.values;
  switch (column.kind) {
    case 'int8':
    case 'int16':
    case 'int32':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'float64':
      return (row) => (values as Float64Array)[row];
    case 'int64':
    case 'uint64':
      return (row) => bigintValue((values as BigInt64Array)[row] as bigint, options.bigint);
    case 'decimal':
      return options.decimal === 'number'
        ? (row) => Number(textAt(column, row))
        : (row) => textAt(column, row);
    case 'date':
      return options.dates === 'string'
        ? (row) => formatDays((values as Int32Array)[row] as number)
        : (row) => dateFromDays((values as Int32Array)[row] as number);
    case 'timestamp':
      return options.dates === 'string'
        ? (row) => formatMicros((values as BigInt64Array)[row] as bigint, column.decimals)
        : (row) => dateFromMicros((values as BigInt64Array)[row] as bigint);
    case 'time':
      return (row) => textAt(column, row);
    case 'utf8':
      return column.typeCode === JSON_TYPE_CODE && options.parseJson
        ? (row) => parseJsonLossless(textAt(column, row), { bigint: options.bigint })
        : (row) => textAt(column, row);
    case 'binary':
      return column.typeCode === BSON_TYPE_CODE
        ? (row) => decodeBson(bytesAt(column, row).slice())
        : (row) => bytesAt(column, row).slice();
    case 'vector':
      return (row) => vectorAt(column, row, options.vectorFormat, options.bigint);
    default:
      return () => null;
  }
}

/**
 * A reader of one column's JS values under the type policy (ARCHITECTURE.md §4). Binary values
 * and vectors are copies, so a caller may keep or change them freely.
 */
export function columnReader(column: ColumnVector, options: ValueOptions): ValueReader {
  const read = valueReader(column, options);
  if (column.nullCount === 0) return read;
  return (row) => (isNullAt(column, row) ? null : read(row));
}
