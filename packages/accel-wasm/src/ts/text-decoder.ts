import type { ColumnBatch, ColumnVector } from '../column-batch.js';
import { isVariableWidth, makeColumn, slotBytes, valuesOver } from '../column-vectors.js';
import { type ColumnPlan, Op } from '../plan.js';
import type { TextDecodeJob, TextDecodeOutcome } from '../row-decoder-types.js';
import { HI, LO, Status } from '../status.js';
import { isDecimalText, parseFloat64, parseInt64, parseSmallInt, scan } from './scan-number.js';
import { parseDate, parseDateTime, scanTime, writeMicros, ZERO_DATE } from './scan-temporal.js';
import { copyVectorBinary, Element, parseVectorJson, type VectorTarget } from './scan-vector.js';

/**
 * The pure TypeScript text-protocol row decoder. It mirrors `crate/src/text.rs` step for step:
 * rows in order, columns in order, the first problem wins.
 */

const EMPTY_I8 = new Int8Array(0);
const EMPTY_U8 = new Uint8Array(0);
const EMPTY_I16 = new Int16Array(0);
const EMPTY_U16 = new Uint16Array(0);
const EMPTY_I32 = new Int32Array(0);
const EMPTY_U32 = new Uint32Array(0);
const EMPTY_F32 = new Float32Array(0);
const EMPTY_F64 = new Float64Array(0);

/** Per-column working state; every field is always set so the object shape never changes. */
class ColumnState {
  nullCount = 0;
  dataLength = 0;
  readonly validity: Uint8Array;
  readonly buffer: ArrayBuffer;
  readonly i8: Int8Array;
  readonly u8: Uint8Array;
  readonly i16: Int16Array;
  readonly u16: Uint16Array;
  /** INT32/DATE values, or the 32-bit halves of INT64/UINT64/DATETIME values. */
  readonly i32: Int32Array;
  readonly u32: Uint32Array;
  readonly f64: Float64Array;
  readonly offsets: Int32Array;
  data: Uint8Array;
  readonly vector: VectorTarget;

  constructor(
    readonly op: number,
    readonly plan: ColumnPlan,
    rows: number,
    dataCapacity: number,
  ) {
    this.validity = new Uint8Array((rows + 7) >>> 3);
    const slot = slotBytes(plan);
    this.buffer = new ArrayBuffer(slot * rows);
    const b = this.buffer;
    const vector = op === Op.VECTOR_BINARY || op === Op.VECTOR_JSON;
    const el = plan.element;
    this.i8 = op === Op.INT8 || (vector && el === Element.I8) ? new Int8Array(b) : EMPTY_I8;
    this.u8 = op === Op.UINT8 || vector ? new Uint8Array(b) : EMPTY_U8;
    this.i16 = op === Op.INT16 || (vector && el === Element.I16) ? new Int16Array(b) : EMPTY_I16;
    this.u16 = op === Op.UINT16 ? new Uint16Array(b) : EMPTY_U16;
    const halves = op === Op.INT64 || op === Op.UINT64 || op === Op.DATETIME;
    const i32 =
      op === Op.INT32 ||
      op === Op.DATE ||
      halves ||
      (vector && (el === Element.I32 || el === Element.I64));
    this.i32 = i32 ? new Int32Array(b) : EMPTY_I32;
    this.u32 = op === Op.UINT32 || (vector && el === Element.F16) ? new Uint32Array(b) : EMPTY_U32;
    const f64 = op === Op.FLOAT64 || op === Op.DECIMAL_FLOAT64 || (vector && el === Element.F64);
    this.f64 = f64 ? new Float64Array(b) : EMPTY_F64;
    const variable = isVariableWidth(plan.kind);
    this.offsets = variable ? new Int32Array(rows + 1) : EMPTY_I32;
    this.data = variable ? new Uint8Array(dataCapacity) : EMPTY_U8;
    this.vector = {
      element: el,
      dims: plan.dims,
      bytes: this.u8,
      f32: vector && (el === Element.F32 || el === Element.F16) ? new Float32Array(b) : EMPTY_F32,
      f64: this.f64,
      i8: this.i8,
      i16: this.i16,
      i32: this.i32,
      u32: vector && el === Element.F16 ? new Uint32Array(b) : EMPTY_U32,
    };
  }

  /** Append input[p, q) to the data of row `row`. */
  append(input: Uint8Array, p: number, q: number, row: number) {
    const length = this.dataLength + q - p;
    if (length > this.data.length) {
      const grown = new Uint8Array(Math.max(length, this.data.length * 2));
      grown.set(this.data.subarray(0, this.dataLength));
      this.data = grown;
    }
    const data = this.data;
    if (q - p <= 32) {
      let o = this.dataLength;
      for (; p < q; p++) data[o++] = input[p]!;
    } else data.set(input.subarray(p, q), this.dataLength);
    this.dataLength = length;
    this.offsets[row + 1] = length;
  }

  finish(rows: number): ColumnVector {
    const variable = this.offsets !== EMPTY_I32;
    const data =
      this.data.length === this.dataLength ? this.data : this.data.slice(0, this.dataLength);
    return makeColumn(
      this.plan,
      rows,
      this.nullCount,
      this.validity,
      valuesOver(this.plan, this.buffer),
      variable ? this.offsets : undefined,
      variable ? data : undefined,
    );
  }
}

/** Decode one batch. */
export function decodeTextRows(job: TextDecodeJob): TextDecodeOutcome {
  const { plans, input, bounds, rows, invalidDatesAsNull } = job;
  const columnCount = plans.length;
  const dataCapacity = Math.max(64, Math.ceil((job.spanEnd - job.spanStart) / (columnCount || 1)));
  const states = plans.map((plan) => new ColumnState(plan.op, plan, rows, dataCapacity));
  const fail = (status: number, row: number, column: number): TextDecodeOutcome => ({
    ok: false,
    status,
    row,
    column,
  });

  for (let r = 0; r < rows; r++) {
    let p = bounds[2 * r]!;
    const end = bounds[2 * r + 1]!;
    for (let c = 0; c < columnCount; c++) {
      const st = states[c]!;
      if (p >= end) return fail(Status.TRUNCATED, r, c);
      let length = input[p]!;
      if (length < 0xfb) p++;
      else if (length === 0xfb) {
        p++;
        st.nullCount++;
        st.offsets[r + 1] = st.dataLength;
        continue;
      } else if (length === 0xfc) {
        if (end - p < 3) return fail(Status.TRUNCATED, r, c);
        length = input[p + 1]! | (input[p + 2]! << 8);
        p += 3;
      } else if (length === 0xfd) {
        if (end - p < 4) return fail(Status.TRUNCATED, r, c);
        length = input[p + 1]! | (input[p + 2]! << 8) | (input[p + 3]! << 16);
        p += 4;
      } else if (length === 0xfe) {
        if (end - p < 9) return fail(Status.TRUNCATED, r, c);
        if ((input[p + 5]! | input[p + 6]! | input[p + 7]! | input[p + 8]!) !== 0) {
          return fail(Status.TRUNCATED, r, c);
        }
        length =
          (input[p + 1]! | (input[p + 2]! << 8) | (input[p + 3]! << 16) | (input[p + 4]! << 24)) >>>
          0;
        p += 9;
      } else return fail(Status.BAD_LENGTH, r, c);
      if (length > end - p) return fail(Status.TRUNCATED, r, c);
      const q = p + length;

      let status: number = Status.OK;
      switch (st.op) {
        case Op.NULL:
          return fail(Status.UNEXPECTED_VALUE, r, c);
        case Op.INT8: {
          const v = parseSmallInt(input, p, q, -128, 127);
          if (Number.isNaN(v)) return fail(scan.status, r, c);
          st.i8[r] = v;
          break;
        }
        case Op.UINT8: {
          const v = parseSmallInt(input, p, q, 0, 255);
          if (Number.isNaN(v)) return fail(scan.status, r, c);
          st.u8[r] = v;
          break;
        }
        case Op.INT16: {
          const v = parseSmallInt(input, p, q, -32768, 32767);
          if (Number.isNaN(v)) return fail(scan.status, r, c);
          st.i16[r] = v;
          break;
        }
        case Op.UINT16: {
          const v = parseSmallInt(input, p, q, 0, 65535);
          if (Number.isNaN(v)) return fail(scan.status, r, c);
          st.u16[r] = v;
          break;
        }
        case Op.INT32: {
          const v = parseSmallInt(input, p, q, -2147483648, 2147483647);
          if (Number.isNaN(v)) return fail(scan.status, r, c);
          st.i32[r] = v;
          break;
        }
        case Op.UINT32: {
          const v = parseSmallInt(input, p, q, 0, 4294967295);
          if (Number.isNaN(v)) return fail(scan.status, r, c);
          st.u32[r] = v;
          break;
        }
        case Op.INT64:
        case Op.UINT64:
          status = parseInt64(input, p, q, st.op === Op.UINT64);
          if (status !== Status.OK) return fail(status, r, c);
          st.i32[2 * r + LO] = scan.lo;
          st.i32[2 * r + HI] = scan.hi;
          break;
        case Op.FLOAT64:
        case Op.DECIMAL_FLOAT64: {
          scan.status = Status.OK;
          const v = parseFloat64(input, p, q, st.op === Op.FLOAT64);
          if (scan.status !== Status.OK) return fail(scan.status, r, c);
          st.f64[r] = v;
          break;
        }
        case Op.DECIMAL_TEXT:
          if (!isDecimalText(input, p, q)) return fail(Status.BAD_NUMBER, r, c);
          st.append(input, p, q, r);
          break;
        case Op.DATE: {
          const days = parseDate(input, p, q);
          if (days === ZERO_DATE || (Number.isNaN(days) && invalidDatesAsNull)) {
            st.nullCount++;
            p = q;
            continue;
          }
          if (Number.isNaN(days)) return fail(Status.BAD_DATE, r, c);
          st.i32[r] = days;
          break;
        }
        case Op.DATETIME: {
          const seconds = parseDateTime(input, p, q);
          if (seconds === ZERO_DATE || (Number.isNaN(seconds) && invalidDatesAsNull)) {
            st.nullCount++;
            p = q;
            continue;
          }
          if (Number.isNaN(seconds)) return fail(Status.BAD_DATETIME, r, c);
          writeMicros(st.i32, r, seconds, scan.micros);
          break;
        }
        case Op.TIME:
          status = scanTime(input, p, q);
          if (status !== Status.OK) return fail(status, r, c);
          st.append(input, p, q, r);
          break;
        case Op.VECTOR_BINARY:
          status = copyVectorBinary(input, p, q, st.vector, r);
          if (status !== Status.OK) return fail(status, r, c);
          break;
        case Op.VECTOR_JSON:
          status = parseVectorJson(input, p, q, st.vector, r);
          if (status !== Status.OK) return fail(status, r, c);
          break;
        default:
          st.append(input, p, q, r);
      }
      st.validity[r >>> 3]! |= 1 << (r & 7);
      p = q;
    }
    if (p !== end) return fail(Status.TRAILING_BYTES, r, -1);
  }

  const columns = states.map((st) => st.finish(rows));
  const batch: ColumnBatch = { numRows: rows, columns };
  return { ok: true, value: batch };
}
