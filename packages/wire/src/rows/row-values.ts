import type { ColumnBatch, ColumnVector } from '@s2/accel-wasm';
import { ColumnType } from '../protocol/protocol-constants.js';

/*
 * JS values of a ColumnBatch under the default type policy (ARCHITECTURE.md §4), for
 * `connect()` users of this package alone. @s2/core-cursor owns the full policy (bigint,
 * decimal, dates, JSON and vector options, BSON documents); this goes once it exports
 * `columnReader`.
 */

const utf8 = new TextDecoder();
const MICROS_PER_MILLI = 1000n;

type ValueAt = (row: number) => unknown;

function isNull(column: ColumnVector, row: number): boolean {
  return ((column.validity[row >> 3] ?? 0) & (1 << (row & 7))) === 0;
}

function bytesAt(column: ColumnVector, row: number): Uint8Array {
  return column.data!.subarray(column.offsets![row], column.offsets![row + 1]);
}

function safeBigint(value: bigint): number | bigint {
  return value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER
    ? Number(value)
    : value;
}

function valueAt(column: ColumnVector): ValueAt {
  const values = column.values;
  switch (column.kind) {
    case 'int64':
    case 'uint64':
      return (row) => safeBigint((values as BigInt64Array)[row]!);
    case 'date':
      return (row) => new Date((values as Int32Array)[row]! * 86_400_000);
    case 'timestamp':
      return (row) => new Date(Number((values as BigInt64Array)[row]! / MICROS_PER_MILLI));
    case 'decimal':
    case 'time':
      return (row) => utf8.decode(bytesAt(column, row));
    case 'utf8':
      return column.typeCode === ColumnType.JSON
        ? (row) => JSON.parse(utf8.decode(bytesAt(column, row)))
        : (row) => utf8.decode(bytesAt(column, row));
    case 'binary':
      return (row) => bytesAt(column, row).slice();
    case 'vector': {
      const dims = column.dims ?? 0;
      return (row) => values!.slice(row * dims, (row + 1) * dims);
    }
    case 'null':
      return () => null;
    default:
      return (row) => values![row];
  }
}

/** The rows of a batch as arrays of JS values. */
export function batchTuples(batch: ColumnBatch): unknown[][] {
  const readers = batch.columns.map((column) => {
    const read = valueAt(column);
    return column.nullCount === 0
      ? read
      : (row: number) => (isNull(column, row) ? null : read(row));
  });
  const rows = new Array<unknown[]>(batch.numRows);
  for (let row = 0; row < batch.numRows; row += 1) {
    const tuple = new Array<unknown>(readers.length);
    for (let index = 0; index < readers.length; index += 1) tuple[index] = readers[index]!(row);
    rows[row] = tuple;
  }
  return rows;
}
