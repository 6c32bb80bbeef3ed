import type { ColumnKind, ColumnVector } from '../column-batch.js';
import { decodeBson } from './bson.js';
import { BSON_TYPE_CODE, columnReader, JSON_TYPE_CODE } from './column-values.js';
import { formatDays, formatMicros } from './dates.js';
import { parseJsonLossless } from './lossless-json.js';
import type { ValueOptions } from './value-options.js';

/*
 * The hot path of every tuples, dicts and columns fetch: one column of a batch turned into its
 * JS values in a loop per kind, so no closure is called per cell and each loop stays
 * monomorphic. Values equal `columnReader`'s for the same cell (the tests compare the two).
 */

const MS_PER_DAY = 86_400_000;
const TWO_POW_32 = 4_294_967_296;
/** 2^32 = 4,294,967 × 1000 + 296: lets µs → ms be divided exactly in float64 halves. */
const TWO_POW_32_MS = 4_294_967;
const TWO_POW_32_REST = 296;
/** A high word in (−2^21, 2^21) keeps a 64-bit integer within ±(2^53 − 1). */
const SAFE_HIGH = 2_097_152;

// A leading U+FEFF is part of a value, not a byte-order mark to drop.
const textDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** 64-bit values are read as two 32-bit words; a big-endian host takes the BigInt path. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function present(validity: Uint8Array, row: number): boolean {
  return ((validity[row >> 3] as number) & (1 << (row & 7))) !== 0;
}

function words(values: BigInt64Array | BigUint64Array): Int32Array {
  return new Int32Array(values.buffer, values.byteOffset, values.length * 2);
}

/** Kinds whose typed values are their JS values as they are (no policy applies to them). */
export const PLAIN_NUMBER_KINDS: ReadonlySet<ColumnKind> = new Set([
  'int8',
  'int16',
  'int32',
  'uint8',
  'uint16',
  'uint32',
  'float64',
]);

/** 32-bit integer and float64 kinds: the values as they are. */
function numbersInto(column: ColumnVector, out: unknown[], at: number): void {
  const values = column.values as Float64Array;
  const validity = column.validity;
  const nullable = column.nullCount > 0;
  for (let row = 0; row < column.length; row += 1) {
    out[at + row] = nullable && !present(validity, row) ? null : values[row];
  }
}

/**
 * BIGINT under `'auto'` and `'number'` without a BigInt per cell: the number is built from the
 * two 32-bit words, and only a value beyond 2^53 (under `'auto'`) is read as a bigint.
 */
function int64NumbersInto(
  column: ColumnVector,
  out: unknown[],
  at: number,
  exactOnly: boolean,
): void {
  const values = column.values as BigInt64Array | BigUint64Array;
  const halves = words(values);
  const unsigned = column.kind === 'uint64';
  const validity = column.validity;
  const nullable = column.nullCount > 0;
  for (let row = 0; row < column.length; row += 1) {
    if (nullable && !present(validity, row)) {
      out[at + row] = null;
      continue;
    }
    const low = (halves[2 * row] as number) >>> 0;
    const high = unsigned ? (halves[2 * row + 1] as number) >>> 0 : (halves[2 * row + 1] as number);
    const safe = high < SAFE_HIGH && (high > -SAFE_HIGH || (high === -SAFE_HIGH && low !== 0));
    out[at + row] = safe || !exactOnly ? high * TWO_POW_32 + low : values[row];
  }
}

function int64ValuesInto(column: ColumnVector, out: unknown[], at: number, asText: boolean): void {
  const values = column.values as BigInt64Array | BigUint64Array;
  const validity = column.validity;
  const nullable = column.nullCount > 0;
  for (let row = 0; row < column.length; row += 1) {
    if (nullable && !present(validity, row)) out[at + row] = null;
    else out[at + row] = asText ? (values[row] as bigint).toString() : values[row];
  }
}

/**
 * Where each cell's text starts and ends in the column's decoded text, in UTF-16 units, counted
 * from the bytes (1 unit per lead byte, 2 for a 4-byte sequence); undefined when a non-empty cell
 * starts inside a character, so slicing could not give what decoding the cell alone gives.
 */
function unitOffsets(data: Uint8Array, offsets: Int32Array, rows: number): Int32Array | undefined {
  const units = new Int32Array(rows + 1);
  let unit = 0;
  for (let row = 0; row < rows; row += 1) {
    const start = offsets[row] as number;
    const end = offsets[row + 1] as number;
    if (start < end && ((data[start] as number) & 0xc0) === 0x80) return undefined;
    for (let index = start; index < end; index += 1) {
      const byte = data[index] as number;
      if ((byte & 0xc0) !== 0x80) unit += byte >= 0xf0 ? 2 : 1;
    }
    units[row + 1] = unit;
  }
  return units;
}

/** The column's bytes as one string, or undefined when they are not valid UTF-8. */
function decodeWhole(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-8 cells as strings. The column's bytes are decoded in one call and every cell is a slice
 * of that text: at its byte offsets when the text has one UTF-16 unit per byte (ASCII), else at
 * offsets counted from the bytes. Invalid UTF-8 is decoded cell by cell, with replacement
 * characters as each cell alone gives. Slices may share the decoded text's memory while any of
 * them lives.
 */
function textsInto(
  column: ColumnVector,
  out: unknown[],
  at: number,
  toValue?: (text: string) => unknown,
): void {
  const offsets = column.offsets as Int32Array;
  const data = column.data as Uint8Array;
  const validity = column.validity;
  const nullable = column.nullCount > 0;
  const base = offsets[0] as number;
  const byteLength = (offsets[column.length] as number) - base;
  const whole = decodeWhole(data.subarray(base, base + byteLength));
  const units =
    whole === undefined || whole.length === byteLength
      ? undefined
      : unitOffsets(data, offsets, column.length);
  const ascii = whole !== undefined && whole.length === byteLength;
  for (let row = 0; row < column.length; row += 1) {
    if (nullable && !present(validity, row)) {
      out[at + row] = null;
      continue;
    }
    const start = offsets[row] as number;
    const end = offsets[row + 1] as number;
    let text: string;
    if (ascii) text = (whole as string).slice(start - base, end - base);
    else if (units !== undefined) {
      text = (whole as string).slice(units[row] as number, units[row + 1] as number);
    } else text = textDecoder.decode(data.subarray(start, end));
    out[at + row] = toValue === undefined ? text : toValue(text);
  }
}

/**
 * Bytes as Uint8Arrays: the column's bytes are copied once and each cell is a view of that copy,
 * so a caller may keep or change a value without touching the batch or another cell.
 */
function bytesInto(column: ColumnVector, out: unknown[], at: number, bson: boolean): void {
  const offsets = column.offsets as Int32Array;
  const base = offsets[0] as number;
  const copy = (column.data as Uint8Array).slice(base, offsets[column.length]);
  const validity = column.validity;
  const nullable = column.nullCount > 0;
  for (let row = 0; row < column.length; row += 1) {
    if (nullable && !present(validity, row)) {
      out[at + row] = null;
      continue;
    }
    const bytes = copy.subarray(
      (offsets[row] as number) - base,
      (offsets[row + 1] as number) - base,
    );
    out[at + row] = bson ? decodeBson(bytes) : bytes;
  }
}

function datesInto(column: ColumnVector, out: unknown[], at: number, asText: boolean): void {
  const values = column.values as Int32Array;
  const validity = column.validity;
  const nullable = column.nullCount > 0;
  for (let row = 0; row < column.length; row += 1) {
    if (nullable && !present(validity, row)) out[at + row] = null;
    else {
      const days = values[row] as number;
      out[at + row] = asText ? formatDays(days) : new Date(days * MS_PER_DAY);
    }
  }
}

/** DATETIME/TIMESTAMP µs as Dates: floor(µs / 1000) computed exactly from the two words. */
function timestampDatesInto(column: ColumnVector, out: unknown[], at: number): void {
  const halves = words(column.values as BigInt64Array);
  const validity = column.validity;
  const nullable = column.nullCount > 0;
  for (let row = 0; row < column.length; row += 1) {
    if (nullable && !present(validity, row)) {
      out[at + row] = null;
      continue;
    }
    const high = halves[2 * row + 1] as number;
    const low = (halves[2 * row] as number) >>> 0;
    out[at + row] = new Date(
      high * TWO_POW_32_MS + Math.floor((high * TWO_POW_32_REST + low) / 1000),
    );
  }
}

function timestampTextsInto(column: ColumnVector, out: unknown[], at: number): void {
  const values = column.values as BigInt64Array;
  const validity = column.validity;
  const nullable = column.nullCount > 0;
  for (let row = 0; row < column.length; row += 1) {
    out[at + row] =
      nullable && !present(validity, row)
        ? null
        : formatMicros(values[row] as bigint, column.decimals);
  }
}

function readerInto(column: ColumnVector, out: unknown[], at: number, options: ValueOptions): void {
  const read = columnReader(column, options);
  for (let row = 0; row < column.length; row += 1) out[at + row] = read(row);
}

/** Writes the JS values of every row of `column` (nulls included) into `out[at…at+length)`. */
export function columnValuesInto(
  column: ColumnVector,
  out: unknown[],
  at: number,
  options: ValueOptions,
): void {
  switch (column.kind) {
    case 'int8':
    case 'int16':
    case 'int32':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'float64':
      numbersInto(column, out, at);
      break;
    case 'int64':
    case 'uint64':
      if (options.bigint === 'bigint' || options.bigint === 'string') {
        int64ValuesInto(column, out, at, options.bigint === 'string');
      } else if (LITTLE_ENDIAN) int64NumbersInto(column, out, at, options.bigint === 'auto');
      else readerInto(column, out, at, options);
      break;
    case 'decimal':
      textsInto(column, out, at, options.decimal === 'number' ? Number : undefined);
      break;
    case 'date':
      datesInto(column, out, at, options.dates === 'string');
      break;
    case 'timestamp':
      if (options.dates === 'string') timestampTextsInto(column, out, at);
      else if (LITTLE_ENDIAN) timestampDatesInto(column, out, at);
      else readerInto(column, out, at, options);
      break;
    case 'time':
      textsInto(column, out, at);
      break;
    case 'utf8':
      textsInto(
        column,
        out,
        at,
        column.typeCode === JSON_TYPE_CODE && options.parseJson
          ? (text) => parseJsonLossless(text, { bigint: options.bigint })
          : undefined,
      );
      break;
    case 'binary':
      bytesInto(column, out, at, column.typeCode === BSON_TYPE_CODE);
      break;
    default:
      readerInto(column, out, at, options);
  }
}

/**
 * The JS values of every row of `column`, indexable by row: a 32-bit integer or float64 column
 * without nulls is its typed values as they are (reading them gives the same numbers), which
 * saves a copy per cell and an array per column; anything else is `columnArray`. For reading
 * within one call only: the typed values are the batch's own.
 */
export function columnCells(column: ColumnVector, options: ValueOptions): ArrayLike<unknown> {
  if (column.nullCount === 0 && column.values !== undefined && PLAIN_NUMBER_KINDS.has(column.kind))
    return column.values;
  return columnArray(column, options);
}

/** The JS values of every row of `column`, as a new array. */
export function columnArray(column: ColumnVector, options: ValueOptions): unknown[] {
  const out = new Array<unknown>(column.length);
  columnValuesInto(column, out, 0, options);
  return out;
}
