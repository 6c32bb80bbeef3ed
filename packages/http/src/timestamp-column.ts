import { ColumnBatchBuilder, type ColumnSpec, type ColumnVector, TypeCode } from '@s2/core-cursor';
import { ColumnPresence } from './column-presence.js';

const ZERO = 48;
const NINE = 57;
const SHORTEST = 'YYYY-MM-DD HH:MM:SS'.length;
const LONGEST = 'YYYY-MM-DD HH:MM:SS.ffffff'.length;
const DATE_DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9];
const TIME_DIGIT_POSITIONS = [11, 12, 14, 15, 17, 18];
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
  if (!isCanonicalDate(text)) return false;
  for (const position of TIME_DIGIT_POSITIONS) {
    if (!isDigitAt(text, position)) return false;
  }
  if (text[10] !== ' ') return false;
  if (text[13] !== ':' || text[16] !== ':') return false;
  if (length === SHORTEST) return true;
  if (text[19] !== '.') return false;
  for (let position = 20; position < length; position++) {
    if (!isDigitAt(text, position)) return false;
  }
  return true;
}

const DATE_LENGTH = 'YYYY-MM-DD'.length;
const MICROS_PER_DAY = 86_400_000_000;

/** Whether `text` starts with `YYYY-MM-DD`, all digits where the digits go. */
function isCanonicalDate(text: string): boolean {
  for (const position of DATE_DIGIT_POSITIONS) {
    if (!isDigitAt(text, position)) return false;
  }
  return text[4] === '-' && text[7] === '-';
}

/**
 * The days since the epoch of dates, each date read once by the generic builder, which owns the
 * calendar rules (invalid and zero dates give null). Keyed by the date's digits as a number, so
 * a lookup needs no string.
 */
class KnownDays {
  private readonly known = new Map<number, number | null>();
  private readonly builder = new ColumnBatchBuilder([{ kind: 'date', typeCode: TypeCode.DATE }]);

  /** The days of the canonical date that `text` starts with, or null for no valid date. */
  of(text: string): number | null {
    const key =
      twoDigits(text, 0) * 1_000_000 +
      twoDigits(text, 2) * 10_000 +
      twoDigits(text, 5) * 100 +
      twoDigits(text, 8);
    let days = this.known.get(key);
    if (days === undefined) {
      const column = this.builder.appendRow([text.slice(0, DATE_LENGTH)]).build()
        .columns[0] as ColumnVector;
      days = column.nullCount === 0 ? ((column.values as Int32Array)[0] as number) : null;
      this.known.set(key, days);
    }
    return days;
  }
}

/** 64-bit values are written as two 32-bit words; a big-endian host swaps their order. */
const LOW_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const TWO_POW_32 = 4_294_967_296;

/**
 * Writes the µs of one canonical text into row `row`: its date's midnight plus the time of day
 * from the digits, as a double and two 32-bit words while that is exact (years 1685–2255), else
 * as a BigInt. Returns false when the text is no valid date and time.
 */
function writeMicros(
  text: string,
  knownDays: KnownDays,
  values: BigInt64Array,
  words: Int32Array,
  row: number,
): boolean {
  const days = knownDays.of(text);
  if (days === null) return false;
  const hours = twoDigits(text, 11);
  const minutes = twoDigits(text, 14);
  const seconds = twoDigits(text, 17);
  if (hours > 23 || minutes > 59 || seconds > 59) return false;
  let fraction = 0;
  for (let position = 20; position < text.length; position++) {
    fraction = fraction * 10 + text.charCodeAt(position) - ZERO;
  }
  fraction *= FRACTION_SCALE[Math.max(text.length - 20, 0)] as number;
  const timeOfDay = (hours * 3600 + minutes * 60 + seconds) * 1_000_000 + fraction;
  const midnight = days * MICROS_PER_DAY;
  const micros = midnight + timeOfDay;
  // Both safe integers: the double product and sum are exact.
  if (Number.isSafeInteger(midnight) && Number.isSafeInteger(micros)) {
    const high = Math.floor(micros / TWO_POW_32);
    words[2 * row + LOW_WORD] = micros - high * TWO_POW_32;
    words[2 * row + 1 - LOW_WORD] = high;
  } else {
    values[row] = BigInt(days) * BigInt(MICROS_PER_DAY) + BigInt(timeOfDay);
  }
  return true;
}

/**
 * A DATETIME/TIMESTAMP column from the Data API's canonical text, equal to what the generic
 * builder makes of it but without a regex, a `Date` or a BigInt per row. Undefined when a value
 * is not canonical text, for the generic builder to take the column.
 */
export function timestampColumn(
  spec: ColumnSpec,
  rows: readonly unknown[][],
  index: number,
): ColumnVector | undefined {
  const presence = new ColumnPresence(rows.length);
  const values = new BigInt64Array(rows.length);
  const words = new Int32Array(values.buffer);
  const knownDays = new KnownDays();
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[index];
    if (value === null || value === undefined) {
      presence.mark(row, false);
      continue;
    }
    if (typeof value !== 'string' || !isCanonical(value)) return undefined;
    presence.mark(row, writeMicros(value, knownDays, values, words, row));
  }
  return { ...presence.vector(spec), values };
}

/**
 * A DATE column from the Data API's `YYYY-MM-DD` text, equal to what the generic builder makes
 * of it but without a regex and `Date` work per row. Undefined when a value is not canonical
 * text, for the generic builder to take the column.
 */
export function dateColumn(
  spec: ColumnSpec,
  rows: readonly unknown[][],
  index: number,
): ColumnVector | undefined {
  const presence = new ColumnPresence(rows.length);
  const values = new Int32Array(rows.length);
  const knownDays = new KnownDays();
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[index];
    if (value === null || value === undefined) {
      presence.mark(row, false);
      continue;
    }
    if (typeof value !== 'string' || value.length !== DATE_LENGTH || !isCanonicalDate(value)) {
      return undefined;
    }
    const days = knownDays.of(value);
    if (days !== null) values[row] = days;
    presence.mark(row, days !== null);
  }
  return { ...presence.vector(spec), values };
}
