import type { Failure } from './row-decoder-types.js';

/**
 * What went wrong with a row. The numbers (index + 1) are the status codes the Rust crate
 * returns (`crate/src/status.rs`); both implementations report the same code, row and column,
 * and the message is built here from those three, so it is identical too.
 */
export const ROW_ERROR_CODES = [
  /** A length prefix or a value runs past the end of the row (or of the ROWDAT_1 body). */
  'TRUNCATED',
  /** A length prefix is invalid: 0xFF in the text protocol, negative in ROWDAT_1. */
  'BAD_LENGTH',
  /** Bytes are left in a row after its last column. */
  'TRAILING_BYTES',
  /** Text in a numeric column is not a number of that column's type. */
  'BAD_NUMBER',
  /** An integer does not fit the column's type (this includes 64-bit overflow). */
  'OUT_OF_RANGE',
  /** DATE text or a packed date is not a valid date. */
  'BAD_DATE',
  /** DATETIME/TIMESTAMP text or a packed datetime is not a valid date and time. */
  'BAD_DATETIME',
  /** TIME text or a packed time is not `[-]H:MM:SS[.ffffff]`. */
  'BAD_TIME',
  /** VECTOR JSON text is not a flat JSON array of numbers of the element type. */
  'BAD_VECTOR',
  /** A VECTOR value does not have the column's dimension. */
  'VECTOR_LENGTH',
  /** A column of the NULL type holds a value. */
  'UNEXPECTED_VALUE',
] as const;

export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

const PROBLEMS: Record<RowErrorCode, string> = {
  TRUNCATED: 'the value runs past the end of the row',
  BAD_LENGTH: 'invalid length prefix',
  TRAILING_BYTES: 'bytes are left after the last column',
  BAD_NUMBER: 'the text is not a number of this type',
  OUT_OF_RANGE: 'the value is out of range for this type',
  BAD_DATE: 'not a valid date',
  BAD_DATETIME: 'not a valid date and time',
  BAD_TIME: 'not a valid time',
  BAD_VECTOR: 'not a JSON array of numbers of the element type',
  VECTOR_LENGTH: 'the vector does not have the declared dimension',
  UNEXPECTED_VALUE: 'a NULL-typed column holds a value',
};

function where(row: number, column: number, sqlName: string | undefined): string {
  if (column < 0) return row < 0 ? 'body' : `row ${row}`;
  const type = sqlName ? ` (${sqlName})` : '';
  return row < 0 ? `column ${column}${type}` : `row ${row}, column ${column}${type}`;
}

/**
 * A row could not be decoded. `row` counts from 0 (plus the `firstRow` given to `decode`);
 * `column` counts from 0 and is −1 for a problem of the row as a whole (its row id in
 * ROWDAT_1, or trailing bytes).
 */
export class RowDecodeError extends Error {
  override readonly name = 'RowDecodeError';
  readonly code: RowErrorCode;
  readonly row: number;
  readonly column: number;

  constructor(code: RowErrorCode, row: number, column: number, sqlName?: string) {
    super(`cannot decode ${where(row, column, sqlName)}: ${PROBLEMS[code]}`);
    this.code = code;
    this.row = row;
    this.column = column;
  }
}

/** A value could not be encoded as ROWDAT_1 (e.g. 300 in a TINYINT column). */
export class RowEncodeError extends Error {
  override readonly name = 'RowEncodeError';
  readonly code: RowErrorCode;
  readonly row: number;
  readonly column: number;

  constructor(code: RowErrorCode, row: number, column: number, sqlName?: string) {
    super(`cannot encode ${where(row, column, sqlName)}: ${PROBLEMS[code]}`);
    this.code = code;
    this.row = row;
    this.column = column;
  }
}

/** Map a numeric status (1-based) to its code. */
export function rowErrorCode(status: number): RowErrorCode {
  const code = ROW_ERROR_CODES[status - 1];
  if (code === undefined) throw new Error(`@s2/accel-wasm: unknown status ${status} (a bug)`);
  return code;
}

/** The numeric status of a code. */
export function rowErrorStatus(code: RowErrorCode): number {
  return ROW_ERROR_CODES.indexOf(code) + 1;
}

/** The error for a failure reported by either implementation. */
export function decodeError(
  failure: Failure,
  plans: readonly { sqlName: string }[],
  firstRow: number,
) {
  const column = failure.column;
  const sqlName = column >= 0 ? plans[column]?.sqlName : undefined;
  return new RowDecodeError(rowErrorCode(failure.status), firstRow + failure.row, column, sqlName);
}
