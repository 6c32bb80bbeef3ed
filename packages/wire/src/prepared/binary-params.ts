import { jsonText, ProgrammingError, parameterBytes } from '@s2/core-cursor';
import { PacketWriter } from '../protocol/packet-writer.js';
import { BinaryProtocol, ColumnType } from '../protocol/protocol-constants.js';

/** Parameters encoded for COM_STMT_EXECUTE, ready before anything is sent. */
export interface BoundParams {
  readonly count: number;
  /** One bit per parameter, set for NULL. */
  readonly nullBitmap: Uint8Array;
  /** Two bytes per parameter: the type and the unsigned flag. */
  readonly types: Uint8Array;
  /** The non-NULL values in the binary encoding, in order. */
  readonly values: Uint8Array;
  /**
   * Where each parameter's bytes start in `values`, and one more entry for the end: a NULL
   * takes none. Lets a large value be sent apart with COM_STMT_SEND_LONG_DATA.
   */
  readonly offsets: Uint32Array;
}

/** What to do with values the binary protocol has no form for; interpolation's options. */
export interface BindOptions {
  /** Bind NaN as NULL instead of refusing it. */
  readonly nanAsNull?: boolean | undefined;
  /** Bind +Infinity and -Infinity as NULL instead of refusing them. */
  readonly infAsNull?: boolean | undefined;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

function unbindable(position: number, what: string): ProgrammingError {
  return new ProgrammingError(
    `Parameter ${position} cannot be bound to a prepared statement: ${what}`,
  );
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The binary date struct of length 4, 7 or 11: the shortest that holds the value. */
function writeDate(writer: PacketWriter, value: Date, position: number): void {
  if (Number.isNaN(value.getTime())) throw unbindable(position, 'an invalid Date');
  const year = value.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw unbindable(position, `Date year ${year} is outside what SQL DATETIME can hold`);
  }
  const hours = value.getUTCHours();
  const minutes = value.getUTCMinutes();
  const seconds = value.getUTCSeconds();
  const millis = value.getUTCMilliseconds();
  const length = millis !== 0 ? 11 : hours + minutes + seconds !== 0 ? 7 : 4;
  writer
    .u8(length)
    .u16(year)
    .u8(value.getUTCMonth() + 1)
    .u8(value.getUTCDate());
  if (length >= 7) writer.u8(hours).u8(minutes).u8(seconds);
  if (length === 11) writer.u32(millis * 1000);
}

/** NULL for a non-finite number the options allow as NULL; refused otherwise. */
function nonFiniteType(value: number, options: BindOptions, position: number): number {
  if (Number.isNaN(value)) {
    if (options.nanAsNull === true) return ColumnType.NULL;
    throw unbindable(position, 'NaN is not a SQL value; set nanAsNull to send NULL');
  }
  if (options.infAsNull === true) return ColumnType.NULL;
  throw unbindable(position, `${value} is not a SQL value; set infAsNull to send NULL`);
}

/**
 * Writes one non-NULL value and returns its type bytes (type | unsigned flag << 8), or
 * `ColumnType.NULL`, having written nothing, for a value to send as NULL.
 */
function writeValue(
  writer: PacketWriter,
  value: unknown,
  position: number,
  options: BindOptions,
): number {
  switch (typeof value) {
    case 'boolean':
      writer.u8(value ? 1 : 0);
      return ColumnType.TINY;
    case 'number':
      if (!Number.isFinite(value)) return nonFiniteType(value, options, position);
      if (Number.isSafeInteger(value)) {
        writer.u64(BigInt.asUintN(64, BigInt(value)));
        return ColumnType.LONGLONG;
      }
      // As interpolation does, fractions and integers past 2^53 are sent as DOUBLE.
      writer.f64(value);
      return ColumnType.DOUBLE;
    case 'bigint':
      if (value >= INT64_MIN && value <= INT64_MAX) {
        writer.u64(BigInt.asUintN(64, value));
        return ColumnType.LONGLONG;
      }
      if (value > 0n && value <= UINT64_MAX) {
        writer.u64(value);
        return ColumnType.LONGLONG | (BinaryProtocol.PARAM_UNSIGNED << 8);
      }
      // Past 64 bits the digits go as exact DECIMAL text, as an inlined literal would.
      writer.lengthEncodedString(value.toString());
      return ColumnType.NEWDECIMAL;
    case 'string':
      writer.lengthEncodedString(value);
      return ColumnType.VAR_STRING;
    case 'object':
      return writeObject(writer, value as object, position);
    default:
      throw unbindable(position, `a ${typeof value} is not a SQL value`);
  }
}

function writeObject(writer: PacketWriter, value: object, position: number): number {
  if (value instanceof Date) {
    writeDate(writer, value, position);
    return ColumnType.DATETIME;
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    writer.lengthEncodedBytes(parameterBytes(value));
    return ColumnType.BLOB;
  }
  if (Array.isArray(value)) {
    throw unbindable(
      position,
      'an array would be a (a,b,…) list, which one ? cannot stand for; write one ? per item',
    );
  }
  writer.lengthEncodedString(isPlainObject(value) ? jsonText(value) : String(value));
  return ColumnType.VAR_STRING;
}

/**
 * Encodes parameter values for COM_STMT_EXECUTE, with the same value rules as client-side
 * interpolation where the binary protocol allows: null/undefined → NULL; booleans → TINYINT;
 * safe integers → BIGINT; other numbers → DOUBLE; bigint → BIGINT (UNSIGNED above 2^63−1,
 * DECIMAL text past 64 bits); strings → VAR_STRING; Date → DATETIME in UTC; bytes and typed
 * arrays (vectors) → BLOB; plain objects → JSON text; other objects → `String(value)`.
 * NaN and ±Infinity are NULL with `nanAsNull` / `infAsNull`, as in interpolation. Arrays,
 * functions, symbols and other non-finite numbers are a ProgrammingError naming the parameter
 * (1-based), raised before anything is sent.
 */
export function bindParams(values: readonly unknown[], options: BindOptions = {}): BoundParams {
  const count = values.length;
  const nullBitmap = new Uint8Array((count + 7) >> 3);
  const types = new Uint8Array(2 * count);
  const offsets = new Uint32Array(count + 1);
  const writer = new PacketWriter();
  for (let index = 0; index < count; index += 1) {
    offsets[index] = writer.written;
    const value = values[index];
    const type =
      value === null || value === undefined
        ? ColumnType.NULL
        : writeValue(writer, value, index + 1, options);
    if (type === ColumnType.NULL) nullBitmap[index >> 3]! |= 1 << (index & 7);
    types[2 * index] = type & 0xff;
    types[2 * index + 1] = type >>> 8;
  }
  offsets[count] = writer.written;
  return { count, nullBitmap, types, values: writer.finish(), offsets };
}
