import { DataError } from '../errors/index.js';
import { TypeCode } from './type-codes.js';

/**
 * A DB-API type object: tells whether a `description` type code belongs to a family.
 * (The Python SDK compared type objects with type *names*, so `STRING == 253` was false;
 * here they take the codes found in `description`.)
 */
export class DbApiType {
  readonly name: string;
  readonly typeCodes: ReadonlySet<number>;

  constructor(name: string, typeCodes: Iterable<number>) {
    this.name = name;
    this.typeCodes = new Set(typeCodes);
    Object.freeze(this);
  }

  /** True when `typeCode` belongs to this family (DB-API `type_code == STRING`). */
  equals(typeCode: number): boolean {
    return this.typeCodes.has(typeCode);
  }

  toString(): string {
    return this.name;
  }
}

/** Text columns. */
export const STRING = new DbApiType('STRING', [
  TypeCode.VARCHAR,
  TypeCode.JSON,
  TypeCode.ENUM,
  TypeCode.SET,
  TypeCode.VAR_STRING,
  TypeCode.STRING,
]);
/** BLOB/TEXT-coded columns, BIT, BSON and vectors (values arrive as bytes or typed arrays). */
export const BINARY = new DbApiType('BINARY', [
  TypeCode.BIT,
  TypeCode.TINY_BLOB,
  TypeCode.MEDIUM_BLOB,
  TypeCode.LONG_BLOB,
  TypeCode.BLOB,
  TypeCode.BSON,
  2001,
  2002,
  2003,
  2004,
  2005,
  2006,
  2007,
  3001,
  3002,
  3003,
  3004,
  3005,
  3006,
  3007,
]);
/** Integer, floating-point, decimal and YEAR columns. */
export const NUMBER = new DbApiType('NUMBER', [
  TypeCode.DECIMAL,
  TypeCode.TINY,
  TypeCode.SHORT,
  TypeCode.LONG,
  TypeCode.FLOAT,
  TypeCode.DOUBLE,
  TypeCode.LONGLONG,
  TypeCode.INT24,
  TypeCode.YEAR,
  TypeCode.NEWDECIMAL,
]);
/** DATE, TIME, DATETIME and TIMESTAMP columns. */
export const DATETIME = new DbApiType('DATETIME', [
  TypeCode.TIMESTAMP,
  TypeCode.DATE,
  TypeCode.TIME,
  TypeCode.DATETIME,
  TypeCode.NEWDATE,
]);
/** Row ids; SingleStore has no such column type. */
export const ROWID = new DbApiType('ROWID', []);

function checkRange(value: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DataError(`${what} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** DB-API `Date(year, month, day)`: a Date at UTC midnight; `month` is 1–12. */
function dateOf(year: number, month: number, day: number): Date {
  checkRange(year, 1, 9999, 'year');
  checkRange(month, 1, 12, 'month');
  checkRange(day, 1, 31, 'day');
  const value = new Date(Date.UTC(year, month - 1, day));
  value.setUTCFullYear(year);
  if (value.getUTCDate() !== day)
    throw new DataError(`${year}-${pad(month)}-${pad(day)} is not a date`);
  return value;
}

/** DB-API `Time(hour, minute, second)`: TIME values are strings `HH:MM:SS` in this SDK. */
export function Time(hour: number, minute: number, second: number): string {
  checkRange(hour, 0, 23, 'hour');
  checkRange(minute, 0, 59, 'minute');
  checkRange(second, 0, 59, 'second');
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** DB-API `Timestamp(…)`: a Date in UTC; `month` is 1–12. */
export function Timestamp(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): Date {
  Time(hour, minute, second);
  const value = dateOf(year, month, day);
  value.setUTCHours(hour, minute, second);
  return value;
}

/** DB-API `DateFromTicks(seconds)`: the UTC date of a Unix time, at midnight. */
export function DateFromTicks(ticks: number): Date {
  const value = new Date(ticks * 1000);
  value.setUTCHours(0, 0, 0, 0);
  return value;
}

/** DB-API `TimeFromTicks(seconds)`: the UTC time of day of a Unix time, `HH:MM:SS`. */
export function TimeFromTicks(ticks: number): string {
  const value = new Date(ticks * 1000);
  return Time(value.getUTCHours(), value.getUTCMinutes(), value.getUTCSeconds());
}

/** DB-API `TimestampFromTicks(seconds)`: the Date of a Unix time. */
export function TimestampFromTicks(ticks: number): Date {
  return new Date(ticks * 1000);
}

/** DB-API `Binary(…)`: bytes from text (UTF-8), an array of byte values or a buffer. */
export function Binary(
  value: string | ArrayLike<number> | ArrayBufferLike | ArrayBufferView,
): Uint8Array {
  if (typeof value === 'string') return new TextEncoder().encode(value);
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(
      value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength),
    );
  }
  if (
    value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)
  ) {
    return new Uint8Array(value.slice(0));
  }
  return Uint8Array.from(value as ArrayLike<number>);
}

/**
 * The DB-API module-level names in one object, including `Date`, which is not exported on
 * its own so that importing it never shadows the global `Date`.
 */
export const dbapi = Object.freeze({
  Date: dateOf,
  Time,
  Timestamp,
  DateFromTicks,
  TimeFromTicks,
  TimestampFromTicks,
  Binary,
  STRING,
  BINARY,
  NUMBER,
  DATETIME,
  ROWID,
  apilevel: '2.0',
  paramstyle: 'qmark',
});
