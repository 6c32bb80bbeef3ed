import { Status } from '../status.js';

/**
 * Number scanning over ASCII bytes, mirrored by `crate/src/number.rs`. Grammars:
 * - integer: `[+-]?[0-9]+`; a non-digit anywhere is BAD_NUMBER, checked before the range;
 * - decimal: `[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?`;
 * - float: a decimal, or `[+-]?(inf|infinity|nan)` in any case (NaN is the canonical quiet NaN).
 * Floats are correctly rounded: here the exact fast path (≤ 15 significant digits,
 * |exp| ≤ 22), else V8's parser on the validated text; in Rust, an exact fast path for short
 * texts of digits and one '.' (`exact_float.rs`), else `core`'s parser, whose accepted grammar is
 * exactly the float grammar. Correct rounding makes the results identical.
 */
export const scan = {
  /** Status of the last call that can fail. */
  status: 0,
  /** 64-bit results: two's complement halves, each as an unsigned 32-bit number. */
  lo: 0,
  hi: 0,
  /** Microseconds of the last date-time or time scan. */
  micros: 0,
};

const TWO_32 = 4294967296;
/** Largest head that can take one more digit and stay below 2^53. */
const HEAD_LIMIT = 900719925474098;
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];

/** An integer of at most 32 bits in [min, max]; NaN (and scan.status set) on failure. */
export function parseSmallInt(buf: Uint8Array, p: number, e: number, min: number, max: number) {
  let neg = false;
  if (p < e) {
    const c = buf[p]!;
    if (c === 45 || c === 43) {
      neg = c === 45;
      p++;
    }
  }
  if (p >= e) {
    scan.status = Status.BAD_NUMBER;
    return Number.NaN;
  }
  let v = 0;
  for (; p < e; p++) {
    const d = buf[p]! - 48;
    if (d < 0 || d > 9) {
      scan.status = Status.BAD_NUMBER;
      return Number.NaN;
    }
    if (v < 1e12) v = v * 10 + d;
  }
  if (neg) v = -v;
  if (v < min || v > max) {
    scan.status = Status.OUT_OF_RANGE;
    return Number.NaN;
  }
  return v;
}

/**
 * A 64-bit integer (signed, or unsigned when `unsigned`) into scan.lo / scan.hi without
 * BigInt. Returns the status.
 */
export function parseInt64(buf: Uint8Array, p: number, e: number, unsigned: boolean): number {
  let neg = false;
  if (p < e) {
    const c = buf[p]!;
    if (c === 45 || c === 43) {
      neg = c === 45;
      p++;
    }
  }
  if (p >= e) return Status.BAD_NUMBER;
  let head = 0;
  let tail = 0;
  let tailDigits = 0;
  let overflow = false;
  for (; p < e; p++) {
    const d = buf[p]! - 48;
    if (d < 0 || d > 9) return Status.BAD_NUMBER;
    if (head <= HEAD_LIMIT) head = head * 10 + d;
    else if (tailDigits < 5) {
      tail = tail * 10 + d;
      tailDigits++;
    } else overflow = true;
  }
  if (overflow) return Status.OUT_OF_RANGE;
  const scale = POW10[tailDigits]!;
  const headHi = Math.floor(head / TWO_32);
  let lo = (head - headHi * TWO_32) * scale + tail;
  const carry = Math.floor(lo / TWO_32);
  lo -= carry * TWO_32;
  let hi = headHi * scale + carry;
  if (unsigned) {
    if (hi > 0xffffffff || (neg && (hi !== 0 || lo !== 0))) return Status.OUT_OF_RANGE;
  } else if (neg ? hi > 0x80000000 || (hi === 0x80000000 && lo !== 0) : hi > 0x7fffffff) {
    return Status.OUT_OF_RANGE;
  }
  if (neg && (hi !== 0 || lo !== 0)) {
    if (lo === 0) hi = (TWO_32 - hi) % TWO_32;
    else {
      lo = TWO_32 - lo;
      hi = TWO_32 - 1 - hi;
    }
  }
  scan.lo = lo;
  scan.hi = hi;
  return Status.OK;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

/** The decimal grammar over [p, e). */
export function isDecimalText(buf: Uint8Array, p: number, e: number): boolean {
  if (p < e && (buf[p] === 45 || buf[p] === 43)) p++;
  let digits = 0;
  while (p < e && isDigit(buf[p])) {
    p++;
    digits++;
  }
  if (p < e && buf[p] === 46) {
    p++;
    while (p < e && isDigit(buf[p])) {
      p++;
      digits++;
    }
  }
  if (digits === 0) return false;
  if (p < e && (buf[p]! | 0x20) === 101) {
    p++;
    if (p < e && (buf[p] === 45 || buf[p] === 43)) p++;
    if (p >= e || !isDigit(buf[p])) return false;
    while (p < e && isDigit(buf[p])) p++;
  }
  return p === e;
}

function matchesWord(buf: Uint8Array, p: number, e: number, word: string): boolean {
  if (e - p !== word.length) return false;
  for (let i = 0; i < word.length; i++) {
    if ((buf[p + i]! | 0x20) !== word.charCodeAt(i)) return false;
  }
  return true;
}

function latin1(buf: Uint8Array, p: number, e: number): string {
  return String.fromCharCode.apply(null, buf.subarray(p, e) as unknown as number[]);
}

/**
 * A float64 from the float grammar (words only when `words`); sets scan.status to
 * BAD_NUMBER and returns 0 on failure.
 */
export function parseFloat64(buf: Uint8Array, p: number, e: number, words: boolean): number {
  const start = p;
  let neg = false;
  if (p < e) {
    const c = buf[p]!;
    if (c === 45 || c === 43) {
      neg = c === 45;
      p++;
    }
  }
  if (words && p < e && (buf[p]! | 0x20) >= 105) {
    if (matchesWord(buf, p, e, 'inf') || matchesWord(buf, p, e, 'infinity')) {
      return neg ? -Infinity : Infinity;
    }
    if (matchesWord(buf, p, e, 'nan')) return Number.NaN;
    scan.status = Status.BAD_NUMBER;
    return 0;
  }
  let mantissa = 0;
  let significant = 0;
  let scale = 0;
  let digits = 0;
  let exact = true;
  while (p < e) {
    const d = buf[p]! - 48;
    if (d < 0 || d > 9) break;
    digits++;
    if (significant < 15) {
      mantissa = mantissa * 10 + d;
      if (mantissa > 0) significant++;
    } else exact = false;
    p++;
  }
  if (p < e && buf[p] === 46) {
    p++;
    while (p < e) {
      const d = buf[p]! - 48;
      if (d < 0 || d > 9) break;
      digits++;
      if (significant < 15) {
        mantissa = mantissa * 10 + d;
        if (mantissa > 0) significant++;
        scale--;
      } else exact = false;
      p++;
    }
  }
  if (digits === 0) {
    scan.status = Status.BAD_NUMBER;
    return 0;
  }
  if (p < e && (buf[p]! | 0x20) === 101) {
    p++;
    let expNeg = false;
    if (p < e && (buf[p] === 45 || buf[p] === 43)) {
      expNeg = buf[p] === 45;
      p++;
    }
    let exponent = 0;
    let exponentDigits = 0;
    while (p < e) {
      const d = buf[p]! - 48;
      if (d < 0 || d > 9) break;
      if (exponent < 100000) exponent = exponent * 10 + d;
      exponentDigits++;
      p++;
    }
    if (exponentDigits === 0) {
      scan.status = Status.BAD_NUMBER;
      return 0;
    }
    scale += expNeg ? -exponent : exponent;
  }
  if (p !== e) {
    scan.status = Status.BAD_NUMBER;
    return 0;
  }
  if (exact) {
    if (mantissa === 0) return neg ? -0 : 0;
    if (scale >= -22 && scale <= 22) {
      const value = scale < 0 ? mantissa / POW10[-scale]! : mantissa * POW10[scale]!;
      return neg ? -value : value;
    }
  }
  return Number(latin1(buf, start, e));
}
