import type { ColumnVector } from '../column-batch.js';
import { makeColumn, slotBytes, valuesOver } from '../column-vectors.js';
import type { Rowdat1Outcome } from '../row-decoder-types.js';
import { RowdatOp, type RowdatPlan } from '../rowdat1-plan.js';
import { HI, LITTLE_ENDIAN, LO, Status } from '../status.js';
import { checkedDays, writeMicros, ZERO_DATE } from './scan-temporal.js';

/**
 * ROWDAT_1 → row ids + columns in TypeScript, mirrored by `crate/src/rowdat_decode.rs`. Two
 * passes: the first checks the framing (TRUNCATED / BAD_LENGTH, in byte order) and sizes the
 * output; the second decodes values (BAD_DATE / BAD_DATETIME / BAD_TIME, in row-major order).
 * A null flag is exactly 0x01; a null's payload is ignored but a length-prefixed one is still
 * consumed. A zero date or datetime decodes as null, like in the text protocol.
 */

const TIME_TEXT_MAX = 24;

function u32At(input: Uint8Array, p: number): number {
  return (input[p]! | (input[p + 1]! << 8) | (input[p + 2]! << 16) | (input[p + 3]! << 24)) >>> 0;
}

/** Write a TIME as `[-]HH:MM:SS[.ffffff]` at data[at]; returns the new end, or -1 if invalid. */
function formatTime(data: Uint8Array, at: number, lo: number, hi: number): number {
  let value = BigInt(hi | 0) * 4294967296n + BigInt(lo);
  const negative = value < 0n;
  if (negative) value = -value;
  const micros = Number(value % 1000000n);
  const hms = value / 1000000n;
  const seconds = Number(hms % 100n);
  const minutes = Number((hms / 100n) % 100n);
  if (seconds > 59 || minutes > 59) return -1;
  const two = (n: number | bigint) => String(n).padStart(2, '0');
  let text = `${negative ? '-' : ''}${two(hms / 10000n)}:${two(minutes)}:${two(seconds)}`;
  if (micros !== 0) text += `.${String(micros).padStart(6, '0')}`;
  for (let i = 0; i < text.length; i++) data[at++] = text.charCodeAt(i);
  return at;
}

export function decodeRowdat1(plans: readonly RowdatPlan[], input: Uint8Array): Rowdat1Outcome {
  const n = input.length;
  const columnCount = plans.length;
  const dataSizes = new Float64Array(columnCount);
  let rows = 0;
  let p = 0;
  while (p < n) {
    if (n - p < 8) return { ok: false, status: Status.TRUNCATED, row: rows, column: -1 };
    p += 8;
    for (let c = 0; c < columnCount; c++) {
      if (p >= n) return { ok: false, status: Status.TRUNCATED, row: rows, column: c };
      const isNull = input[p] === 1;
      p++;
      const plan = plans[c]!;
      const width = plan.width;
      if (width > 0) {
        if (n - p < width) return { ok: false, status: Status.TRUNCATED, row: rows, column: c };
        if (plan.op === RowdatOp.TIME) dataSizes[c]! += TIME_TEXT_MAX;
        p += width;
        continue;
      }
      if (n - p < 8) return { ok: false, status: Status.TRUNCATED, row: rows, column: c };
      const lo = u32At(input, p);
      const hi = u32At(input, p + 4);
      p += 8;
      if (hi >= 0x80000000) return { ok: false, status: Status.BAD_LENGTH, row: rows, column: c };
      if (hi !== 0 || lo > n - p) {
        return { ok: false, status: Status.TRUNCATED, row: rows, column: c };
      }
      if (!isNull) dataSizes[c]! += lo;
      p += lo;
    }
    rows++;
  }

  const rowIds = new BigInt64Array(rows);
  const rowIdBytes = new Uint8Array(rowIds.buffer);
  const validity = plans.map(() => new Uint8Array((rows + 7) >>> 3));
  const nullCounts = new Int32Array(columnCount);
  const buffers = plans.map((plan) => new ArrayBuffer(slotBytes(plan) * rows));
  const bytes = buffers.map((buffer) => new Uint8Array(buffer));
  const words = buffers.map((buffer) =>
    buffer.byteLength % 4 === 0 ? new Int32Array(buffer) : new Int32Array(0),
  );
  const floats = buffers.map((buffer) =>
    buffer.byteLength % 8 === 0 ? new Float64Array(buffer) : new Float64Array(0),
  );
  const variable = plans.map((plan) => plan.width === 0 || plan.op === RowdatOp.TIME);
  const offsets = plans.map((_, c) => (variable[c] ? new Int32Array(rows + 1) : undefined));
  const data = plans.map((_, c) => new Uint8Array(dataSizes[c]!));
  const dataLengths = new Float64Array(columnCount);
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);

  p = 0;
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < 8; i++) rowIdBytes[r * 8 + (LITTLE_ENDIAN ? i : 7 - i)] = input[p + i]!;
    p += 8;
    for (let c = 0; c < columnCount; c++) {
      const plan = plans[c]!;
      const op = plan.op;
      let present = input[p] !== 1 && op !== RowdatOp.NULL;
      p++;
      const width = plan.width;
      if (width === 0) {
        const length = u32At(input, p);
        p += 8;
        if (present) {
          data[c]!.set(input.subarray(p, p + length), dataLengths[c]!);
          dataLengths[c]! += length;
        }
        p += length;
      } else if (present) {
        switch (op) {
          case RowdatOp.FLOAT32: {
            const value = view.getFloat32(p, true);
            if (Number.isNaN(value)) {
              words[c]![2 * r + LO] = 0;
              words[c]![2 * r + HI] = 0x7ff80000;
            } else floats[c]![r] = value;
            break;
          }
          case RowdatOp.DATE: {
            const lo = u32At(input, p);
            const hi = u32At(input, p + 4);
            let days: number;
            if (hi !== 0) days = Number.NaN;
            else if (lo === 0) days = ZERO_DATE;
            else days = checkedDays(Math.floor(lo / 10000), Math.floor(lo / 100) % 100, lo % 100);
            if (Number.isNaN(days))
              return { ok: false, status: Status.BAD_DATE, row: r, column: c };
            if (days === ZERO_DATE) present = false;
            else words[c]![r] = days;
            break;
          }
          case RowdatOp.DATETIME: {
            const lo = u32At(input, p);
            const hi = u32At(input, p + 4);
            if (lo === 0 && hi === 0) {
              present = false;
              break;
            }
            const micros = lo & 0xfffff;
            const second = (lo >>> 20) & 0x3f;
            const minute = lo >>> 26;
            const hour = hi & 0x1f;
            const days = checkedDays(hi >>> 14, (hi >>> 10) & 0xf, (hi >>> 5) & 0x1f);
            if (micros > 999999 || second > 59 || minute > 59 || hour > 23 || !(days > ZERO_DATE)) {
              return { ok: false, status: Status.BAD_DATETIME, row: r, column: c };
            }
            const seconds = days * 86400 + hour * 3600 + minute * 60 + second;
            writeMicros(words[c]!, r, seconds, micros);
            break;
          }
          case RowdatOp.TIME: {
            const at = dataLengths[c]!;
            const end = formatTime(data[c]!, at, u32At(input, p), u32At(input, p + 4));
            if (end < 0) return { ok: false, status: Status.BAD_TIME, row: r, column: c };
            dataLengths[c] = end;
            break;
          }
          default: {
            const target = bytes[c]!;
            const base = r * width;
            for (let i = 0; i < width; i++) {
              target[base + (LITTLE_ENDIAN ? i : width - 1 - i)] = input[p + i]!;
            }
          }
        }
        p += width;
      } else p += width;
      if (variable[c]) offsets[c]![r + 1] = dataLengths[c]!;
      if (present) validity[c]![r >>> 3]! |= 1 << (r & 7);
      else nullCounts[c]!++;
    }
  }

  const columns: ColumnVector[] = plans.map((plan, c) => {
    const length = dataLengths[c]!;
    const bytesOut = data[c]!.length === length ? data[c]! : data[c]!.slice(0, length);
    return makeColumn(
      plan,
      rows,
      nullCounts[c]!,
      validity[c]!,
      variable[c] ? undefined : valuesOver(plan, buffers[c]!),
      offsets[c],
      variable[c] ? bytesOut : undefined,
    );
  });
  return { ok: true, value: { rowIds, batch: { numRows: rows, columns } } };
}
