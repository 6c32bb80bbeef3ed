import { HI, LO, Status } from '../status.js';
import { scan } from './scan-number.js';

/**
 * Date and time text and ROWDAT_1 packing, mirrored by `crate/src/temporal.rs`.
 * - DATE: exactly `YYYY-MM-DD`; `0000-00-00` is null; otherwise a real proleptic Gregorian date
 *   (year 0–9999, month 1–12, day within the month).
 * - DATETIME/TIMESTAMP: `YYYY-MM-DD`, or that plus `[ T]HH:MM:SS` and optionally `.` and 1–6
 *   digits; all fields zero is null; hours 0–23, minutes and seconds 0–59; read as UTC.
 * - TIME: `[-]H:MM:SS[.f]` with 1–9 hour digits, 1–6 fraction digits, minutes/seconds 0–59.
 */

/** Returned by the date parsers for a zero date (which decodes as null). */
export const ZERO_DATE = -0x80000000;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function twoDigits(buf: Uint8Array, p: number): number {
  const a = buf[p]! - 48;
  const b = buf[p + 1]! - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]!;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date of a day count, packed as year * 10000 + month * 100 + day. */
export function civilFromDays(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
}

/** Check a civil date; returns its day count, ZERO_DATE for 0-0-0, or NaN when invalid. */
export function checkedDays(year: number, month: number, day: number): number {
  if (month === 0 && day === 0 && year === 0) return ZERO_DATE;
  if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1) return Number.NaN;
  if (day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day);
}

/** `YYYY-MM-DD` at [p, p + 10) → civil parts in scan.lo (year) / scan.hi (month*100+day). */
function scanDateParts(buf: Uint8Array, p: number): boolean {
  const c = twoDigits(buf, p);
  const y = twoDigits(buf, p + 2);
  const m = twoDigits(buf, p + 5);
  const d = twoDigits(buf, p + 8);
  if (c < 0 || y < 0 || m < 0 || d < 0 || buf[p + 4] !== 45 || buf[p + 7] !== 45) return false;
  scan.lo = c * 100 + y;
  scan.hi = m * 100 + d;
  return true;
}

/** DATE text → days since epoch, ZERO_DATE, or NaN (BAD_DATE). */
export function parseDate(buf: Uint8Array, p: number, e: number): number {
  if (e - p !== 10 || !scanDateParts(buf, p)) return Number.NaN;
  return checkedDays(scan.lo, Math.floor(scan.hi / 100), scan.hi % 100);
}

/**
 * DATETIME text → seconds since epoch (returned) and microseconds (scan.micros); ZERO_DATE for
 * a zero datetime; NaN when invalid.
 */
export function parseDateTime(buf: Uint8Array, p: number, e: number): number {
  const length = e - p;
  if (length < 10 || !scanDateParts(buf, p)) return Number.NaN;
  const year = scan.lo;
  const month = Math.floor(scan.hi / 100);
  const day = scan.hi % 100;
  let seconds = 0;
  let micros = 0;
  if (length !== 10) {
    if (length < 19 || length === 20 || length > 26) return Number.NaN;
    const separator = buf[p + 10];
    if ((separator !== 32 && separator !== 84) || buf[p + 13] !== 58 || buf[p + 16] !== 58) {
      return Number.NaN;
    }
    const hour = twoDigits(buf, p + 11);
    const minute = twoDigits(buf, p + 14);
    const second = twoDigits(buf, p + 17);
    if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 59) {
      return Number.NaN;
    }
    seconds = hour * 3600 + minute * 60 + second;
    if (length > 19) {
      if (buf[p + 19] !== 46) return Number.NaN;
      let scale = 100000;
      for (let i = p + 20; i < e; i++) {
        const d = buf[i]! - 48;
        if (d < 0 || d > 9) return Number.NaN;
        micros += d * scale;
        scale /= 10;
      }
    }
  }
  const days = checkedDays(year, month, day);
  if (days === ZERO_DATE) return seconds === 0 && micros === 0 ? ZERO_DATE : Number.NaN;
  scan.micros = micros;
  return days * 86400 + seconds;
}

/**
 * Write seconds * 1e6 + micros (|seconds| < 2^38, 0 ≤ micros < 1e6) as an int64 through an
 * Int32Array alias, without BigInt: 1e6 = 15625 · 64 keeps every step exact.
 */
export function writeMicros(target: Int32Array, row: number, seconds: number, micros: number) {
  const scaled = seconds * 15625;
  const high = Math.floor(scaled / 67108864);
  let low = (scaled - high * 67108864) * 64 + micros;
  let carry = 0;
  if (low >= 4294967296) {
    low -= 4294967296;
    carry = 1;
  }
  target[2 * row + LO] = low;
  target[2 * row + HI] = high + carry;
}

/**
 * TIME text check. Returns the status; on success scan.hi is the sign (1 or -1) and scan.lo is
 * H·10000 + M·100 + S, and scan.micros the microseconds.
 */
export function scanTime(buf: Uint8Array, p: number, e: number): number {
  let sign = 1;
  if (p < e && buf[p] === 45) {
    sign = -1;
    p++;
  }
  let hours = 0;
  let hourDigits = 0;
  while (p < e && hourDigits < 10) {
    const d = buf[p]! - 48;
    if (d < 0 || d > 9) break;
    hours = hours * 10 + d;
    hourDigits++;
    p++;
  }
  if (hourDigits === 0 || hourDigits > 9 || e - p < 6 || buf[p] !== 58 || buf[p + 3] !== 58) {
    return Status.BAD_TIME;
  }
  const minute = twoDigits(buf, p + 1);
  const second = twoDigits(buf, p + 4);
  if (minute < 0 || second < 0 || minute > 59 || second > 59) return Status.BAD_TIME;
  p += 6;
  let micros = 0;
  if (p < e) {
    if (buf[p] !== 46 || e - p < 2 || e - p > 7) return Status.BAD_TIME;
    let scale = 100000;
    for (p++; p < e; p++) {
      const d = buf[p]! - 48;
      if (d < 0 || d > 9) return Status.BAD_TIME;
      micros += d * scale;
      scale /= 10;
    }
  }
  scan.hi = sign;
  scan.lo = hours * 10000 + minute * 100 + second;
  scan.micros = micros;
  return Status.OK;
}
