import type { ColumnBatch, ColumnKind } from './column-batch.js';
import { TypeCode } from './column-spec.js';
import type { ColumnLayout } from './column-vectors.js';

/**
 * ROWDAT_1 column types (external-functions.md §4–5): MySQL type codes, negative for unsigned
 * integers and binary strings. Resolved here, once, for both implementations.
 */
export const RowdatOp = {
  NULL: 0,
  INT8: 1,
  UINT8: 2,
  INT16: 3,
  UINT16: 4,
  INT32: 5,
  UINT32: 6,
  INT64: 7,
  UINT64: 8,
  FLOAT32: 9,
  FLOAT64: 10,
  DECIMAL: 11,
  DATE: 12,
  DATETIME: 13,
  TIME: 14,
  UTF8: 15,
  BINARY: 16,
} as const;

export interface RowdatPlan extends ColumnLayout {
  readonly op: number;
  /** The wire code as given (negative = unsigned / binary). */
  readonly wireCode: number;
  /** Bytes after the null flag for fixed-width types; 0 for length-prefixed ones. */
  readonly width: number;
  readonly sqlName: string;
}

const INTEGERS: Record<number, [number, number, number, string]> = {
  [TypeCode.TINY]: [RowdatOp.INT8, RowdatOp.UINT8, 1, 'TINYINT'],
  [TypeCode.SHORT]: [RowdatOp.INT16, RowdatOp.UINT16, 2, 'SMALLINT'],
  [TypeCode.LONG]: [RowdatOp.INT32, RowdatOp.UINT32, 4, 'INT'],
  [TypeCode.INT24]: [RowdatOp.INT32, RowdatOp.UINT32, 4, 'MEDIUMINT'],
  [TypeCode.LONGLONG]: [RowdatOp.INT64, RowdatOp.UINT64, 8, 'BIGINT'],
};

const OP_KINDS: readonly ColumnKind[] = [
  'null',
  'int8',
  'uint8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'uint64',
  'float64',
  'float64',
  'decimal',
  'date',
  'timestamp',
  'time',
  'utf8',
  'binary',
];

function rowdatPlan(op: number, wireCode: number, width: number, sqlName: string): RowdatPlan {
  const kind = OP_KINDS[op]!;
  const decimals = op === RowdatOp.DATETIME || op === RowdatOp.TIME ? 6 : 0;
  return {
    op,
    kind,
    typeCode: Math.abs(wireCode),
    decimals,
    dims: 0,
    element: 0,
    wireCode,
    width,
    sqlName,
  };
}

function isStringCode(code: number): boolean {
  return code === TypeCode.VARCHAR || (code >= TypeCode.JSON && code <= TypeCode.GEOMETRY);
}

/** Resolve the wire type codes of a ROWDAT_1 body's columns. */
export function planRowdat1(types: readonly number[]): RowdatPlan[] {
  if (!Array.isArray(types)) throw new TypeError('types must be an array of ROWDAT_1 type codes');
  return types.map((code, index) => {
    if (!Number.isInteger(code))
      throw new TypeError(`column ${index}: type ${String(code)} is not an integer`);
    const magnitude = Math.abs(code);
    const integer = INTEGERS[magnitude];
    if (integer) {
      const [signed, unsigned, width, name] = integer;
      return code < 0
        ? rowdatPlan(unsigned, code, width, `${name} UNSIGNED`)
        : rowdatPlan(signed, code, width, name);
    }
    if (code === TypeCode.FLOAT) return rowdatPlan(RowdatOp.FLOAT32, code, 4, 'FLOAT');
    if (code === TypeCode.DOUBLE) return rowdatPlan(RowdatOp.FLOAT64, code, 8, 'DOUBLE');
    if (code === TypeCode.DECIMAL || code === TypeCode.NEWDECIMAL)
      return rowdatPlan(RowdatOp.DECIMAL, code, 0, 'DECIMAL');
    if (code === TypeCode.TIMESTAMP) return rowdatPlan(RowdatOp.DATETIME, code, 8, 'TIMESTAMP');
    if (code === TypeCode.DATETIME) return rowdatPlan(RowdatOp.DATETIME, code, 8, 'DATETIME');
    if (code === TypeCode.DATE) return rowdatPlan(RowdatOp.DATE, code, 8, 'DATE');
    if (code === TypeCode.TIME) return rowdatPlan(RowdatOp.TIME, code, 8, 'TIME');
    if (code === TypeCode.YEAR) return rowdatPlan(RowdatOp.UINT16, code, 2, 'YEAR');
    if (code === TypeCode.NULL) return rowdatPlan(RowdatOp.NULL, code, 1, 'NULL');
    if (isStringCode(magnitude)) {
      return code < 0
        ? rowdatPlan(RowdatOp.BINARY, code, 0, 'BLOB')
        : rowdatPlan(RowdatOp.UTF8, code, 0, 'TEXT');
    }
    throw new TypeError(`column ${index}: ${code} is not a ROWDAT_1 type code`);
  });
}

/** Row ids and columns: what ROWDAT_1 decodes to and encodes from. */
export interface Rowdat1Batch {
  /** The engine's row ids, echoed back in the response (repeated for TVF output rows). */
  readonly rowIds: BigInt64Array;
  readonly batch: ColumnBatch;
}

/** Options of the ROWDAT_1 encoder. */
export interface Rowdat1EncodeOptions {
  /**
   * The payload of a NULL FLOAT/DOUBLE: zero bytes (default; the C writer and our decision in
   * python-sdk-quirks #137) or NaN, as the pure-Python writer emits (conformance vector 4).
   */
  readonly nullFloat?: 'zero' | 'nan';
}

/** Source element of a column's values, as the encoders read them (numbers shared with Rust). */
export const SourceElement = {
  NONE: 0,
  INT8: 1,
  UINT8: 2,
  INT16: 3,
  UINT16: 4,
  INT32: 5,
  UINT32: 6,
  INT64: 7,
  UINT64: 8,
  FLOAT64: 9,
  FLOAT32: 10,
} as const;

/** An encoder column after validation. */
export interface EncodeColumn {
  readonly plan: RowdatPlan;
  readonly source: number;
  readonly validity: Uint8Array;
  readonly values: ArrayBufferView | undefined;
  readonly offsets: Int32Array | undefined;
  readonly data: Uint8Array | undefined;
}
