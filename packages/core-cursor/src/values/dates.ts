const MS_PER_DAY = 86_400_000;
const MAX_FRACTION_DIGITS = 6;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?)?$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function floorDiv(value: bigint, divisor: bigint): bigint {
  const quotient = value / divisor;
  return value % divisor < 0n ? quotient - 1n : quotient;
}

/** A DATE column value (days since 1970-01-01) as a UTC midnight `Date`. */
export function dateFromDays(days: number): Date {
  return new Date(days * MS_PER_DAY);
}

/** A DATETIME/TIMESTAMP value (µs since the epoch, read as UTC) as a `Date` (ms precision). */
export function dateFromMicros(micros: bigint): Date {
  return new Date(Number(floorDiv(micros, 1000n)));
}

/** A DATE column value as `YYYY-MM-DD`. */
export function formatDays(days: number): string {
  const date = dateFromDays(days);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/**
 * A DATETIME/TIMESTAMP value as `YYYY-MM-DD HH:MM:SS[.ffffff]`, with as many fraction digits as
 * the column declares (`decimals`). A column whose decimals byte is out of range (an
 * expression) shows all six digits when the value has a fraction, so nothing is dropped.
 */
export function formatMicros(micros: bigint, decimals: number): string {
  const seconds = floorDiv(micros, 1_000_000n);
  const fraction = Number(micros - seconds * 1_000_000n);
  const date = new Date(Number(seconds) * 1000);
  const text =
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)} ` +
    `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
  let digits = decimals;
  if (decimals > MAX_FRACTION_DIGITS) digits = fraction === 0 ? 0 : MAX_FRACTION_DIGITS;
  if (digits <= 0) return text;
  return `${text}.${pad(fraction, MAX_FRACTION_DIGITS).slice(0, digits)}`;
}

function validDay(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear undoes that.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(date.getTime() / MS_PER_DAY);
}

/**
 * DATE text (`YYYY-MM-DD`) as days since the epoch; zero and invalid dates give null, so a
 * column never mixes types (quirk 47).
 */
export function daysFromText(text: string): number | null {
  const match = DATE_TEXT.exec(text.trim());
  if (!match) return null;
  return validDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * DATETIME/TIMESTAMP text (`YYYY-MM-DD[ HH:MM:SS[.f…]]`, `T` also accepted) as µs since the
 * epoch, read as UTC; zero and invalid values give null.
 */
export function microsFromText(text: string): bigint | null {
  const match = TIMESTAMP_TEXT.exec(text.trim());
  if (!match) return null;
  const days = validDay(Number(match[1]), Number(match[2]), Number(match[3]));
  if (days === null) return null;
  const hours = Number(match[4] ?? 0);
  const minutes = Number(match[5] ?? 0);
  const seconds = Number(match[6] ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const fraction = BigInt((match[7] ?? '').padEnd(MAX_FRACTION_DIGITS, '0'));
  const wholeSeconds = BigInt(days) * 86_400n + BigInt(hours * 3600 + minutes * 60 + seconds);
  return wholeSeconds * 1_000_000n + fraction;
}

/** A JS `Date` as µs since the epoch. */
export function microsFromDate(date: Date): bigint {
  return BigInt(date.getTime()) * 1000n;
}
