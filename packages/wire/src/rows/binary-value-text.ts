import type { PacketReader } from '../protocol/packet-reader.js';
import { NOT_FIXED_DECIMALS } from '../protocol/protocol-constants.js';
import { malformedPacket } from '../protocol/wire-errors.js';

/*
 * Binary-protocol values written as the text the server sends for the same column in the text
 * protocol, so that one decoder (accel-wasm's) turns both into the same ColumnBatch values.
 */

/** Significant digits of a FLOAT without fixed decimals in the server's text (FLT_DIG). */
const FLOAT_DIGITS = 6;
/** Digits toPrecision/toFixed may show; enough to see that a float32 or double ends early. */
const EXACT_DIGITS = 100;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The significant digits of a decimal text: no sign, point, exponent or leading zeros. */
function significantDigits(text: string): string {
  return (text.split('e')[0] as string).replace(/[-.]/g, '').replace(/^0+/, '');
}

/**
 * `shorter` is a value rounded by JS, which rounds an exact tie away from zero, while the
 * server's dtoa rounds it to even; `longer` has one more digit and `exact()` many more (asked for only when `longer` ends in 5). Returns
 * `shorter`, or on a tie that goes to an even digit, `longer` with its final 5 made a 0 (the
 * same number as the server's text).
 */
function halfToEven(shorter: string, longer: string, exact: () => string): string {
  const digits = significantDigits(longer);
  if (!digits.endsWith('5')) return shorter;
  const exactDigits = significantDigits(exact());
  // A tie only when nothing follows that 5 in the exact expansion.
  if (!exactDigits.startsWith(digits) || /[1-9]/.test(exactDigits.slice(digits.length))) {
    return shorter;
  }
  if (Number(digits[digits.length - 2] ?? '0') % 2 === 1) return shorter;
  return longer.replace(/5(e|$)/, '0$1');
}

/** `value` rounded to `digits` significant digits, ties to even. */
function significant(value: number, digits: number): string {
  return halfToEven(value.toPrecision(digits), value.toPrecision(digits + 1), () =>
    value.toPrecision(EXACT_DIGITS),
  );
}

/** `value` with `decimals` fraction digits, ties to even. */
function fixed(value: number, decimals: number): string {
  if (Math.abs(value) >= 1e21) return String(value);
  return halfToEven(value.toFixed(decimals), value.toFixed(decimals + 1), () =>
    value.toFixed(Math.min(EXACT_DIGITS, decimals + 40)),
  );
}

/** A FLOAT as text: six significant digits, or the column's fixed decimals. */
export function floatText(value: number, decimals: number): string {
  if (decimals < NOT_FIXED_DECIMALS) return fixed(value, decimals);
  return significant(value, FLOAT_DIGITS);
}

/** A DOUBLE as text: the shortest that reads back exactly, or the column's fixed decimals. */
export function doubleText(value: number, decimals: number): string {
  if (decimals < NOT_FIXED_DECIMALS) return fixed(value, decimals);
  return Object.is(value, -0) ? '-0' : String(value);
}

/** The fraction of a temporal value: `decimals` digits when fixed, else what is not zero. */
function fraction(micros: number, decimals: number): string {
  if (decimals >= 1 && decimals <= 6) return `.${pad(micros, 6).slice(0, decimals)}`;
  return micros === 0 ? '' : `.${pad(micros, 6)}`;
}

/**
 * DATE, DATETIME or TIMESTAMP from the binary struct (length 0, 4, 7 or 11) as
 * `YYYY-MM-DD[ HH:MM:SS[.f…]]`; length 0 is the zero date.
 */
export function dateText(reader: PacketReader, withTime: boolean, decimals: number): string {
  const length = reader.u8();
  if (length !== 0 && length !== 4 && length !== 7 && length !== 11) {
    throw malformedPacket(`binary row has a date of ${length} bytes`);
  }
  const year = length === 0 ? 0 : reader.u16();
  const month = length === 0 ? 0 : reader.u8();
  const day = length === 0 ? 0 : reader.u8();
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!withTime) {
    if (length > 4) reader.skip(length - 4);
    return date;
  }
  const hours = length >= 7 ? reader.u8() : 0;
  const minutes = length >= 7 ? reader.u8() : 0;
  const seconds = length >= 7 ? reader.u8() : 0;
  const micros = length === 11 ? reader.u32() : 0;
  return `${date} ${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction(micros, decimals)}`;
}

/** TIME from the binary struct (length 0, 8 or 12) as `[-]HH:MM:SS[.f…]`, days folded into hours. */
export function timeText(reader: PacketReader, decimals: number): string {
  const length = reader.u8();
  if (length !== 0 && length !== 8 && length !== 12) {
    throw malformedPacket(`binary row has a time of ${length} bytes`);
  }
  if (length === 0) return `00:00:00${fraction(0, decimals)}`;
  const negative = reader.u8() !== 0;
  const days = reader.u32();
  const hours = days * 24 + reader.u8();
  const minutes = reader.u8();
  const seconds = reader.u8();
  const micros = length === 12 ? reader.u32() : 0;
  const text = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction(micros, decimals)}`;
  return negative ? `-${text}` : text;
}
