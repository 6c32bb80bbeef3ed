import type { Rowdat1EncodeOutcome } from '../row-decoder-types.js';
import { type EncodeColumn, RowdatOp, SourceElement } from '../rowdat1-plan.js';
import { Status } from '../status.js';
import { scan } from './scan-number.js';
import { civilFromDays, scanTime } from './scan-temporal.js';

/**
 * Row ids + columns → ROWDAT_1 in TypeScript, mirrored by `crate/src/rowdat_encode.rs`. Rows
 * in order, columns in order; the first value that does not fit its wire type fails the call.
 * Nulls are written as a 0x01 flag plus zero bytes (or length 0); floats NaN on request.
 */

const INT_RANGES: Record<number, readonly [bigint, bigint]> = {
  [RowdatOp.INT8]: [-128n, 127n],
  [RowdatOp.UINT8]: [0n, 255n],
  [RowdatOp.INT16]: [-32768n, 32767n],
  [RowdatOp.UINT16]: [0n, 65535n],
  [RowdatOp.INT32]: [-2147483648n, 2147483647n],
  [RowdatOp.UINT32]: [0n, 4294967295n],
  [RowdatOp.INT64]: [-(2n ** 63n), 2n ** 63n - 1n],
  [RowdatOp.UINT64]: [0n, 2n ** 64n - 1n],
};

const MICROS_PER_DAY = 86_400_000_000n;
const INT64_MAX = 2n ** 63n - 1n;

function isPresent(column: EncodeColumn, row: number): boolean {
  return (column.validity[row >>> 3]! & (1 << (row & 7))) !== 0;
}

function valueAt(column: EncodeColumn, row: number): number | bigint {
  return (column.values as unknown as ArrayLike<number | bigint>)[row]!;
}

function sourceBytes(column: EncodeColumn): Uint8Array {
  const values = column.values!;
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

export function encodeRowdat1(
  columns: readonly EncodeColumn[],
  rowIds: BigInt64Array,
  rows: number,
  nullFloatNaN: boolean,
): Rowdat1EncodeOutcome {
  let size = rows * 8;
  for (const column of columns) {
    const width = column.plan.width;
    if (width > 0) {
      size += rows * (1 + width);
      continue;
    }
    size += rows * 9;
    const offsets = column.offsets!;
    for (let r = 0; r < rows; r++) {
      if (isPresent(column, r)) size += offsets[r + 1]! - offsets[r]!;
    }
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const sources = columns.map((column) => (column.values ? sourceBytes(column) : undefined));
  const fail = (status: number, row: number, column: number): Rowdat1EncodeOutcome => ({
    ok: false,
    status,
    row,
    column,
  });

  let p = 0;
  for (let r = 0; r < rows; r++) {
    view.setBigInt64(p, rowIds[r]!, true);
    p += 8;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]!;
      const { op, width } = column.plan;
      const present = op !== RowdatOp.NULL && isPresent(column, r);
      out[p++] = present ? 0 : 1;
      if (width === 0) {
        if (!present) {
          p += 8;
          continue;
        }
        const start = column.offsets![r]!;
        const end = column.offsets![r + 1]!;
        view.setUint32(p, end - start, true);
        out.set(column.data!.subarray(start, end), p + 8);
        p += 8 + end - start;
        continue;
      }
      if (!present) {
        if (nullFloatNaN && op === RowdatOp.FLOAT64) view.setUint32(p + 4, 0x7ff80000, true);
        if (nullFloatNaN && op === RowdatOp.FLOAT32) view.setUint32(p, 0x7fc00000, true);
        p += width;
        continue;
      }
      switch (op) {
        case RowdatOp.FLOAT32:
        case RowdatOp.FLOAT64: {
          const own = (op === RowdatOp.FLOAT32) === (column.source === SourceElement.FLOAT32);
          if (own) out.set(sources[c]!.subarray(r * width, r * width + width), p);
          else {
            const value = valueAt(column, r) as number;
            if (op === RowdatOp.FLOAT32) {
              if (Number.isNaN(value)) view.setUint32(p, 0x7fc00000, true);
              else view.setFloat32(p, value, true);
            } else if (Number.isNaN(value)) view.setUint32(p + 4, 0x7ff80000, true);
            else view.setFloat64(p, value, true);
          }
          break;
        }
        case RowdatOp.DATE: {
          const packed = civilFromDays(valueAt(column, r) as number);
          if (packed < 0 || packed > 99991231) return fail(Status.OUT_OF_RANGE, r, c);
          view.setUint32(p, packed, true);
          break;
        }
        case RowdatOp.DATETIME: {
          const micros = valueAt(column, r) as bigint;
          let days = micros / MICROS_PER_DAY;
          let rest = micros - days * MICROS_PER_DAY;
          if (rest < 0n) {
            days -= 1n;
            rest += MICROS_PER_DAY;
          }
          const packed = civilFromDays(Number(days));
          if (days < -800000n || days > 3000000n || packed < 0 || packed > 99991231) {
            return fail(Status.OUT_OF_RANGE, r, c);
          }
          const inDay = Number(rest);
          const year = BigInt(Math.floor(packed / 10000));
          const month = BigInt(Math.floor(packed / 100) % 100);
          const day = BigInt(packed % 100);
          const hour = BigInt(Math.floor(inDay / 3_600_000_000));
          const minute = BigInt(Math.floor(inDay / 60_000_000) % 60);
          const second = BigInt(Math.floor(inDay / 1_000_000) % 60);
          const fraction = BigInt(inDay % 1_000_000);
          const bits =
            (year << 46n) |
            (month << 42n) |
            (day << 37n) |
            (hour << 32n) |
            (minute << 26n) |
            (second << 20n) |
            fraction;
          view.setBigUint64(p, bits, true);
          break;
        }
        case RowdatOp.TIME: {
          const start = column.offsets![r]!;
          const status = scanTime(column.data!, start, column.offsets![r + 1]!);
          if (status !== Status.OK) return fail(status, r, c);
          const magnitude = BigInt(scan.lo) * 1_000_000n + BigInt(scan.micros);
          if (magnitude > INT64_MAX) return fail(Status.OUT_OF_RANGE, r, c);
          view.setBigInt64(p, scan.hi < 0 ? -magnitude : magnitude, true);
          break;
        }
        default: {
          const raw = valueAt(column, r);
          const [min, max] = INT_RANGES[op]!;
          if (typeof raw === 'number') {
            if (raw < Number(min) || raw > Number(max)) return fail(Status.OUT_OF_RANGE, r, c);
            if (width === 8) {
              view.setUint32(p, raw >>> 0, true);
              view.setUint32(p + 4, raw < 0 ? 0xffffffff : 0, true);
            } else if (width === 4) view.setUint32(p, raw >>> 0, true);
            else if (width === 2) view.setUint16(p, raw & 0xffff, true);
            else out[p] = raw & 0xff;
          } else {
            if (raw < min || raw > max) return fail(Status.OUT_OF_RANGE, r, c);
            if (width === 8) view.setBigUint64(p, BigInt.asUintN(64, raw), true);
            else {
              const value = Number(raw);
              if (width === 4) view.setUint32(p, value >>> 0, true);
              else if (width === 2) view.setUint16(p, value & 0xffff, true);
              else out[p] = value & 0xff;
            }
          }
        }
      }
      p += width;
    }
  }
  return { ok: true, value: out };
}
