import { TypeCode } from '@s2/core-cursor';
import type { ColumnVector } from '@s2/wire';

/** Writes row `row` of a column as JSON text, or `null`. */
export type JsonValueWriter = (row: number) => string;

const utf8 = new TextDecoder();
const MS_PER_DAY = 86_400_000;
const MICROS_PER_MS = 1000n;

function isNull(column: ColumnVector, row: number): boolean {
  return ((column.validity[row >> 3] ?? 0) & (1 << (row & 7))) === 0;
}

function bytesAt(column: ColumnVector, row: number): Uint8Array {
  const offsets = column.offsets ?? new Int32Array(row + 2);
  const data = column.data ?? new Uint8Array(0);
  return data.subarray(offsets[row], offsets[row + 1]);
}

function numberText(value: number): string {
  // JSON has no -0 spelling problem, but String(-0) drops the sign the server sent.
  return Object.is(value, -0) ? '-0' : String(value);
}

function dateText(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

function timestampText(micros: bigint, fractionDigits: number): string {
  let millis = micros / MICROS_PER_MS;
  let rest = micros % MICROS_PER_MS;
  if (rest < 0n) {
    millis -= 1n;
    rest += MICROS_PER_MS;
  }
  const iso = new Date(Number(millis)).toISOString();
  const whole = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  if (fractionDigits <= 0) return whole;
  const fraction = `${iso.slice(20, 23)}${rest.toString().padStart(3, '0')}`;
  return `${whole}.${fraction.slice(0, Math.min(fractionDigits, 6))}`;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function scalarWriter(column: ColumnVector): (row: number) => string {
  const values = column.values as ArrayLike<number | bigint> | undefined;
  const at = (row: number): number | bigint => values?.[row] ?? 0;
  switch (column.kind) {
    case 'int8':
    case 'int16':
    case 'int32':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'float64':
      return (row) => numberText(Number(at(row)));
    case 'int64':
    case 'uint64':
      // Straight from the bigint: the digits never pass through a JS number.
      return (row) => at(row).toString();
    case 'date':
      return (row) => JSON.stringify(dateText(Number(at(row))));
    case 'timestamp':
      return (row) => JSON.stringify(timestampText(BigInt(at(row)), column.decimals));
    case 'binary':
      return (row) => JSON.stringify(base64(bytesAt(column, row)));
    case 'vector': {
      const dims = column.dims ?? 0;
      return (row) => {
        const items: string[] = [];
        for (let index = row * dims; index < (row + 1) * dims; index++) {
          const item = values?.[index] ?? 0;
          items.push(typeof item === 'bigint' ? item.toString() : numberText(item));
        }
        return `[${items.join(',')}]`;
      };
    }
    case 'null':
      return () => 'null';
    default:
      if (column.typeCode === TypeCode.JSON) {
        // JSON columns are embedded as JSON (data-api.md §10.1); the server's text is JSON.
        return (row) => utf8.decode(bytesAt(column, row)) || 'null';
      }
      return (row) => JSON.stringify(utf8.decode(bytesAt(column, row)));
  }
}

/**
 * The JSON writer for one decoded column, producing exactly the value types of data-api.md
 * §10.1: numbers for integers and floats (64-bit digits written from the bigint), strings
 * for DECIMAL, dates, times and text, base64 for binary and BIT, embedded JSON, `null`.
 * `notNull` (the column's NOT_NULL flag) makes a missing date the zero date, see below.
 */
export function jsonValueWriter(column: ColumnVector, notNull = false): JsonValueWriter {
  const write = scalarWriter(column);
  const absent = notNull ? zeroDateJson(column) : 'null';
  return (row) => (isNull(column, row) ? absent : write(row));
}

/**
 * What a missing value of a NOT NULL column stands for. @s2/wire decodes zero dates as null, and
 * a NOT NULL DATE/DATETIME/TIMESTAMP column can hold nothing else that decodes so, so the zero
 * date the server sent is written back as the text SingleStore's Data API passes through
 * (`0000-00-00`, `0000-00-00 00:00:00[.000000]`), which clients decode as null like the
 * MySQL protocol's. In nullable columns a zero date and NULL cannot be told apart: `null`.
 */
function zeroDateJson(column: ColumnVector): string {
  if (column.kind === 'date') return '"0000-00-00"';
  if (column.kind !== 'timestamp') return 'null';
  const digits = Math.min(Math.max(column.decimals, 0), 6);
  return `"0000-00-00 00:00:00${digits > 0 ? `.${'0'.repeat(digits)}` : ''}"`;
}
