import type { ColumnBatch, ColumnKind, ColumnVector } from './column-batch.js';
import { decodeError, RowEncodeError, rowErrorCode } from './errors.js';
import {
  type EncodeColumn,
  planRowdat1,
  type Rowdat1Batch,
  type Rowdat1EncodeOptions,
  RowdatOp,
  type RowdatPlan,
  SourceElement,
} from './rowdat1-plan.js';
import { type AccelMode, resolveImplementation } from './selection.js';

/**
 * The ROWDAT_1 codec of external functions (external-functions.md §5): request bodies to row
 * ids + columns, and columns back to response bodies. Column types are wire codes (§4):
 * 8 / −8 BIGINT (UNSIGNED), 5 DOUBLE, 254 / −254 TEXT / BLOB, 12 DATETIME, 10 DATE, 11 TIME,
 * 246 DECIMAL, and the narrower codes the codec also accepts (1, 2, 3, 9, 4, 13, 6, 7, 0 and
 * the string family 15, 245–255).
 */

/** Options of `decodeRowdat1`. */
export interface Rowdat1DecodeOptions {
  readonly accel?: AccelMode;
}

/** Options of `encodeRowdat1`. */
export interface Rowdat1EncodeCallOptions extends Rowdat1EncodeOptions {
  readonly accel?: AccelMode;
}

/** A codec for one function signature (column types resolved once). */
export interface Rowdat1Codec {
  readonly types: readonly number[];
  /** @throws RowDecodeError for a malformed body (`row` = the row's index in the body). */
  decode(body: Uint8Array): Rowdat1Batch;
  /** @throws RowEncodeError for a value its wire type cannot carry; TypeError for bad input. */
  encode(rows: Rowdat1Batch): Uint8Array;
}

const INTEGER_SOURCES = new Map<unknown, number>([
  [Int8Array, SourceElement.INT8],
  [Uint8Array, SourceElement.UINT8],
  [Int16Array, SourceElement.INT16],
  [Uint16Array, SourceElement.UINT16],
  [Int32Array, SourceElement.INT32],
  [Uint32Array, SourceElement.UINT32],
  [BigInt64Array, SourceElement.INT64],
  [BigUint64Array, SourceElement.UINT64],
]);

const INTEGER_KINDS: readonly ColumnKind[] = [
  'int8',
  'uint8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'uint64',
];

function encodeColumn(
  plan: RowdatPlan,
  column: ColumnVector,
  index: number,
  rows: number,
): EncodeColumn {
  const fail = (problem: string) => new TypeError(`column ${index} (${plan.sqlName}): ${problem}`);
  if (column === null || typeof column !== 'object') throw fail('not a column');
  if (column.length !== rows) throw fail(`has ${column.length} rows, the batch has ${rows}`);
  if (!(column.validity instanceof Uint8Array) || column.validity.length < (rows + 7) >>> 3) {
    throw fail('validity must be a Uint8Array of ceil(rows / 8) bytes');
  }
  const base = { plan, validity: column.validity };
  const { op, width } = plan;
  if (op === RowdatOp.NULL) {
    return {
      ...base,
      source: SourceElement.NONE,
      values: undefined,
      offsets: undefined,
      data: undefined,
    };
  }
  if (width === 0 || op === RowdatOp.TIME) {
    const { offsets, data } = column;
    if (!(offsets instanceof Int32Array) || offsets.length < rows + 1) {
      throw fail('needs offsets: an Int32Array of rows + 1 entries');
    }
    if (!(data instanceof Uint8Array)) throw fail('needs data: a Uint8Array');
    if (offsets[0]! < 0) throw fail('offsets[0] is negative');
    for (let r = 0; r < rows; r++) {
      if (offsets[r + 1]! < offsets[r]!) throw fail(`offsets decrease at row ${r}`);
    }
    if (offsets[rows]! > data.length) throw fail('offsets point past the end of data');
    return { ...base, source: SourceElement.NONE, values: undefined, offsets, data };
  }
  const values = column.values;
  const need = (kinds: readonly ColumnKind[], what: string) => {
    if (!kinds.includes(column.kind))
      throw fail(`a ${column.kind} column cannot be encoded as ${what}`);
  };
  if (!values || values.length < rows) throw fail('values must hold one entry per row');
  if (op === RowdatOp.FLOAT32 || op === RowdatOp.FLOAT64) {
    need(['float64'], 'a float');
    if (values instanceof Float64Array)
      return {
        ...base,
        source: SourceElement.FLOAT64,
        values,
        offsets: undefined,
        data: undefined,
      };
    if (values instanceof Float32Array)
      return {
        ...base,
        source: SourceElement.FLOAT32,
        values,
        offsets: undefined,
        data: undefined,
      };
    throw fail('float values must be a Float64Array or Float32Array');
  }
  if (op === RowdatOp.DATE) {
    need(['date'], 'a DATE');
    if (!(values instanceof Int32Array)) throw fail('date values must be an Int32Array of days');
    return { ...base, source: SourceElement.INT32, values, offsets: undefined, data: undefined };
  }
  if (op === RowdatOp.DATETIME) {
    need(['timestamp'], 'a DATETIME');
    if (!(values instanceof BigInt64Array))
      throw fail('timestamp values must be a BigInt64Array of µs');
    return { ...base, source: SourceElement.INT64, values, offsets: undefined, data: undefined };
  }
  need(INTEGER_KINDS, 'an integer');
  const source = INTEGER_SOURCES.get(values.constructor);
  if (source === undefined) throw fail('integer values must be an integer typed array');
  return { ...base, source, values, offsets: undefined, data: undefined };
}

function toRowIds(rowIds: unknown, rows: number): BigInt64Array {
  if (rowIds instanceof BigInt64Array) {
    if (rowIds.length !== rows)
      throw new TypeError(`rowIds has ${rowIds.length} entries, the batch has ${rows} rows`);
    return rowIds;
  }
  throw new TypeError('rowIds must be a BigInt64Array');
}

class Codec implements Rowdat1Codec {
  private readonly plans: readonly RowdatPlan[];

  constructor(
    readonly types: readonly number[],
    private readonly options: Rowdat1EncodeCallOptions,
  ) {
    this.plans = planRowdat1(types);
    if (
      options.nullFloat !== undefined &&
      options.nullFloat !== 'zero' &&
      options.nullFloat !== 'nan'
    ) {
      throw new TypeError(`nullFloat must be 'zero' or 'nan', not ${String(options.nullFloat)}`);
    }
    if (options.accel !== undefined) resolveImplementation(options.accel);
  }

  decode(body: Uint8Array): Rowdat1Batch {
    if (!(body instanceof Uint8Array)) throw new TypeError('body must be a Uint8Array');
    const outcome = resolveImplementation(this.options.accel).decodeRowdat1(this.plans, body);
    if (!outcome.ok) throw decodeError(outcome, this.plans, 0);
    return outcome.value;
  }

  encode(rows: Rowdat1Batch): Uint8Array {
    const batch: ColumnBatch | undefined = rows?.batch;
    if (
      !batch ||
      !Array.isArray(batch.columns) ||
      !Number.isSafeInteger(batch.numRows) ||
      batch.numRows < 0
    ) {
      throw new TypeError('rows must be { rowIds, batch: { numRows, columns } }');
    }
    if (batch.columns.length !== this.plans.length) {
      throw new TypeError(
        `the batch has ${batch.columns.length} columns, the types ${this.plans.length}`,
      );
    }
    const count = batch.numRows;
    const rowIds = toRowIds(rows.rowIds, count);
    const columns = this.plans.map((plan, c) => encodeColumn(plan, batch.columns[c]!, c, count));
    const outcome = resolveImplementation(this.options.accel).encodeRowdat1(
      columns,
      rowIds,
      count,
      this.options.nullFloat === 'nan',
    );
    if (!outcome.ok) {
      const sqlName = outcome.column >= 0 ? this.plans[outcome.column]?.sqlName : undefined;
      throw new RowEncodeError(rowErrorCode(outcome.status), outcome.row, outcome.column, sqlName);
    }
    return outcome.value;
  }
}

/** A ROWDAT_1 codec for one list of column types. */
export function createRowdat1Codec(
  types: readonly number[],
  options: Rowdat1EncodeCallOptions = {},
): Rowdat1Codec {
  return new Codec(types, options);
}

/** Decode a ROWDAT_1 body into row ids and columns. */
export function decodeRowdat1(
  types: readonly number[],
  body: Uint8Array,
  options: Rowdat1DecodeOptions = {},
): Rowdat1Batch {
  return new Codec(types, options).decode(body);
}

/** Encode row ids and columns as a ROWDAT_1 body. */
export function encodeRowdat1(
  types: readonly number[],
  rows: Rowdat1Batch,
  options: Rowdat1EncodeCallOptions = {},
): Uint8Array {
  return new Codec(types, options).encode(rows);
}
