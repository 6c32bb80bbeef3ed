import { HI, LITTLE_ENDIAN, LO, Status } from '../status.js';
import { parseFloat64, parseInt64, parseSmallInt, scan } from './scan-number.js';

/**
 * VECTOR values, mirrored by `crate/src/vector.rs`.
 * - Binary (charset 63): exactly dims × element-size bytes of packed little-endian elements.
 * - JSON text: `ws [ ws elem (ws , ws elem)* ws ] ws` (or `[ ]`), ws = space, tab, CR, LF. An
 *   element is the maximal run of bytes other than ws, `,`, `]`; float elements follow the
 *   decimal grammar (no inf/nan) and are rounded once from float64 (`fround`, or to the nearest
 *   half for F16); integer elements follow the integer grammar and the element's range.
 * Errors come in scan order: a malformed element or separator is BAD_VECTOR, an integer out of
 * range OUT_OF_RANGE, an element beyond `dims` or a short array VECTOR_LENGTH.
 */

/** Vector element codes (wire-protocol.md §12.4). */
export const Element = { F32: 1, F64: 2, I8: 3, I16: 4, I32: 5, I64: 6, F16: 7 } as const;

/** Views of one vector column's values buffer; only those of its element type are set. */
export interface VectorTarget {
  readonly element: number;
  readonly dims: number;
  readonly bytes: Uint8Array;
  readonly f32: Float32Array;
  readonly f64: Float64Array;
  readonly i8: Int8Array;
  readonly i16: Int16Array;
  /** I32 values, or the halves of I64 values. */
  readonly i32: Int32Array;
  /** F16 values widened to float32 bits. */
  readonly u32: Uint32Array;
}

const F64_SCRATCH = new Float64Array(1);
const F64_WORDS = new Uint32Array(F64_SCRATCH.buffer);
const TWO_32 = 4294967296;

/** Float16 bits → float32 bits (exact; NaN payloads kept). */
export function f16ToF32Bits(half: number): number {
  const sign = (half & 0x8000) << 16;
  const exponent = (half >>> 10) & 0x1f;
  let mantissa = half & 0x3ff;
  if (exponent === 0) {
    if (mantissa === 0) return sign >>> 0;
    let biased = 113;
    while ((mantissa & 0x400) === 0) {
      mantissa <<= 1;
      biased--;
    }
    return (sign | (biased << 23) | ((mantissa & 0x3ff) << 13)) >>> 0;
  }
  if (exponent === 31) return (sign | 0x7f800000 | (mantissa << 13)) >>> 0;
  return (sign | ((exponent + 112) << 23) | (mantissa << 13)) >>> 0;
}

function roundShift(value: number, divisor: number): number {
  const quotient = Math.floor(value / divisor);
  const remainder = value - quotient * divisor;
  const half = divisor / 2;
  return remainder > half || (remainder === half && (quotient & 1) === 1) ? quotient + 1 : quotient;
}

/** Float64 → float16 bits, rounded to nearest, ties to even (NaN → the quiet NaN 0x7e00). */
export function f64ToF16Bits(value: number): number {
  F64_SCRATCH[0] = value;
  const high = F64_WORDS[HI]!;
  const low = F64_WORDS[LO]!;
  const sign = (high >>> 16) & 0x8000;
  const biased = (high >>> 20) & 0x7ff;
  if (biased === 0x7ff) return sign | ((high & 0xfffff) !== 0 || low !== 0 ? 0x7e00 : 0x7c00);
  const exponent = biased - 1023;
  if (exponent > 15) return sign | 0x7c00;
  const mantissa = (high & 0xfffff) * TWO_32 + low;
  if (exponent >= -14) {
    return sign | (((exponent + 15) << 10) + roundShift(mantissa, 2 ** 42));
  }
  if (exponent < -25) return sign;
  return sign | roundShift(mantissa + 2 ** 52, 2 ** (28 - exponent));
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function storeElement(buf: Uint8Array, p: number, e: number, t: VectorTarget, i: number): number {
  switch (t.element) {
    case Element.F32:
    case Element.F64:
    case Element.F16: {
      scan.status = Status.OK;
      const value = parseFloat64(buf, p, e, false);
      if (scan.status !== Status.OK) return Status.BAD_VECTOR;
      if (t.element === Element.F32) t.f32[i] = value;
      else if (t.element === Element.F64) t.f64[i] = value;
      else t.u32[i] = f16ToF32Bits(f64ToF16Bits(value));
      return Status.OK;
    }
    case Element.I64: {
      const status = parseInt64(buf, p, e, false);
      if (status !== Status.OK) return status === Status.BAD_NUMBER ? Status.BAD_VECTOR : status;
      t.i32[2 * i + LO] = scan.lo;
      t.i32[2 * i + HI] = scan.hi;
      return Status.OK;
    }
    default: {
      const bits = t.element === Element.I8 ? 7 : t.element === Element.I16 ? 15 : 31;
      const limit = 2 ** bits;
      const value = parseSmallInt(buf, p, e, -limit, limit - 1);
      if (Number.isNaN(value)) {
        return scan.status === Status.BAD_NUMBER ? Status.BAD_VECTOR : scan.status;
      }
      if (t.element === Element.I8) t.i8[i] = value;
      else if (t.element === Element.I16) t.i16[i] = value;
      else t.i32[i] = value;
      return Status.OK;
    }
  }
}

/** Parse JSON vector text into row `row` of the target. Returns the status. */
export function parseVectorJson(
  buf: Uint8Array,
  p: number,
  e: number,
  t: VectorTarget,
  row: number,
): number {
  while (p < e && isSpace(buf[p]!)) p++;
  if (p >= e || buf[p] !== 91) return Status.BAD_VECTOR;
  p++;
  while (p < e && isSpace(buf[p]!)) p++;
  const base = row * t.dims;
  let count = 0;
  if (p < e && buf[p] === 93) p++;
  else {
    for (;;) {
      const start = p;
      while (p < e) {
        const c = buf[p]!;
        if (c === 44 || c === 93 || isSpace(c)) break;
        p++;
      }
      if (p === start) return Status.BAD_VECTOR;
      if (count === t.dims) return Status.VECTOR_LENGTH;
      const status = storeElement(buf, start, p, t, base + count);
      if (status !== Status.OK) return status;
      count++;
      while (p < e && isSpace(buf[p]!)) p++;
      if (p >= e) return Status.BAD_VECTOR;
      const c = buf[p++];
      if (c === 93) break;
      if (c !== 44) return Status.BAD_VECTOR;
      while (p < e && isSpace(buf[p]!)) p++;
    }
  }
  while (p < e && isSpace(buf[p]!)) p++;
  if (p !== e) return Status.BAD_VECTOR;
  return count === t.dims ? Status.OK : Status.VECTOR_LENGTH;
}

const ELEMENT_BYTES = [0, 4, 8, 1, 2, 4, 8, 2];

/** Copy a packed little-endian binary vector into row `row`. Returns the status. */
export function copyVectorBinary(
  buf: Uint8Array,
  p: number,
  e: number,
  t: VectorTarget,
  row: number,
): number {
  const size = ELEMENT_BYTES[t.element]!;
  if (e - p !== t.dims * size) return Status.VECTOR_LENGTH;
  const base = row * t.dims;
  if (t.element === Element.F16) {
    for (let i = 0; i < t.dims; i++, p += 2) {
      t.u32[base + i] = f16ToF32Bits(buf[p]! | (buf[p + 1]! << 8));
    }
  } else if (LITTLE_ENDIAN || size === 1) {
    const target = t.bytes;
    let q = base * size;
    if (e - p <= 64) for (; p < e; p++, q++) target[q] = buf[p]!;
    else target.set(buf.subarray(p, e), q);
  } else {
    for (let i = 0; i < t.dims * size; i += size) {
      for (let b = 0; b < size; b++) t.bytes[(base * size + i + b) ^ (size - 1)] = buf[p + i + b]!;
    }
  }
  return Status.OK;
}
