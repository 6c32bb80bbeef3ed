import { ColumnBatchBuilder, type ColumnSpec, type ColumnVector, TypeCode } from '@s2/core-cursor';
import { ColumnPresence } from './column-presence.js';

const ZERO = 48;
const NINE = 57;
const SHORTEST = 'YYYY-MM-DD HH:MM:SS'.length;
const LONGEST = 'YYYY-MM-DD HH:MM:SS.ffffff'.length;
const FRACTION_SCALE = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

function isDigitAt(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  return code >= ZERO && code <= NINE;
}

function twoDigits(text: string, position: number): number {
  return (text.charCodeAt(position) - ZERO) * 10 + text.charCodeAt(position + 1) - ZERO;
}

/** Whether `text` is exactly `YYYY-MM-DD HH:MM:SS[.f{1,6}]`, the Data API's spelling. */
function isCanonical(text: string): boolean {
  const { length } = text;
  if (length !== SHORTEST && (length < SHORTEST + 2 || length > LONGEST)) return false;
  for (const position of [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]) {
    if (!isDigitAt(text, position)) return false;
  }
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== ' ') return false;
  if (text[13] !== ':' || text[16] !== ':') return false;
  if (length === SHORTEST) return true;
  if (text[19] !== '.') return false;
  for (let position = 20; position < length; position++) {
    if (!isDigitAt(text, position)) return false;
  }
  return true;
}

/**
 * The midnights of dates, each read once by the generic builder, which owns the calendar rules
 * (invalid and zero dates give null).
 */
class Midnights {
  private readonly known = new Map<string, bigint | null>();
  private readonly builder = new ColumnBatchBuilder([
    { kind: 'timestamp', typeCode: TypeCode.DATETIME },
  ]);

  of(date: string): bigint | null {
    let midnight = this.known.get(date);
    if (midnight === undefined) {
      const column = this.builder.appendRow([date]).build().columns[0] as ColumnVector;
      midnight = column.nullCount === 0 ? ((column.values as BigInt64Array)[0] as bigint) : null;
      this.known.set(date, midnight);
    }
    return midnight;
  }
}

/** The µs of one canonical text: its date's midnight plus the time of day from the digits. */
function canonicalMicros(text: string, midnights: Midnights): bigint | null {
  const midnight = midnights.of(text.slice(0, 10));
  if (midnight === null) return null;
  const hours = twoDigits(text, 11);
  const minutes = twoDigits(text, 14);
  const seconds = twoDigits(text, 17);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  let fraction = 0;
  for (let position = 20; position < text.length; position++) {
    fraction = fraction * 10 + text.charCodeAt(position) - ZERO;
  }
  fraction *= FRACTION_SCALE[Math.max(text.length - 20, 0)] as number;
  const secondOfDay = hours * 3600 + minutes * 60 + seconds;
  return midnight + BigInt(secondOfDay * 1_000_000 + fraction);
}

/**
 * A DATETIME/TIMESTAMP column from the Data API's canonical text, equal to what the generic
 * builder makes of it but without a regex and `Date` work per row. Undefined when a value is
 * not canonical text, for the generic builder to take the column.
 */
export function timestampColumn(
  spec: ColumnSpec,
  rows: readonly unknown[][],
  index: number,
): ColumnVector | undefined {
  const presence = new ColumnPresence(rows.length);
  const values = new BigInt64Array(rows.length);
  const midnights = new Midnights();
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[index];
    if (value === null || value === undefined) {
      presence.mark(row, false);
      continue;
    }
    if (typeof value !== 'string' || !isCanonical(value)) return undefined;
    const micros = canonicalMicros(value, midnights);
    if (micros !== null) values[row] = micros;
    presence.mark(row, micros !== null);
  }
  return { ...presence.vector(spec), values };
}
