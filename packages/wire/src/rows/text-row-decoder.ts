import type { ColumnDefinition, VectorElementName } from '../packets/column-definition.js';
import { LengthEncoded } from '../protocol/protocol-constants.js';
import { malformedPacket } from '../protocol/wire-errors.js';
import type { ColumnBatch, ColumnKind, ColumnValues, ColumnVector } from './column-batch.js';
import { columnKind } from './column-kind.js';
import { daysFromCivil, halfToFloat } from './date-and-number-text.js';

/*
 * The TypeScript reading of text-protocol rows into a ColumnBatch, kept in this package only
 * until @s2/accel-wasm exports its decoder (row-decoder.ts picks which one runs). Its results
 * follow accel-wasm's ColumnBatch contract: zero dates are NULL, NULL vector rows are zeros.
 */

const VECTOR_STORAGE: Record<VectorElementName, new (length: number) => ColumnValues> = {
  f32: Float32Array,
  f64: Float64Array,
  i8: Int8Array,
  i16: Int16Array,
  i32: Int32Array,
  i64: BigInt64Array,
  f16: Float32Array,
};
const FIXED_STORAGE: Partial<Record<ColumnKind, new (length: number) => ColumnValues>> = {
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  int64: BigInt64Array,
  uint8: Uint8Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  uint64: BigUint64Array,
  float64: Float64Array,
  date: Int32Array,
  timestamp: BigInt64Array,
};
const utf8 = new TextDecoder();

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let index = start; index < end; index += 1) text += String.fromCharCode(bytes[index]!);
  return text;
}

function smallInteger(bytes: Uint8Array, start: number, end: number): number {
  let index = start;
  const negative = bytes[index] === 0x2d;
  if (negative) index += 1;
  let value = 0;
  for (; index < end; index += 1) value = value * 10 + (bytes[index]! - 0x30);
  return negative ? -value : value;
}

function digits(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let index = at; index < at + count; index += 1) value = value * 10 + (bytes[index]! - 0x30);
  return value;
}

/** Days since the epoch of `YYYY-MM-DD…`, or undefined for a zero or unreadable date. */
function daysAt(bytes: Uint8Array, start: number, end: number): number | undefined {
  if (end - start < 10) return undefined;
  const year = digits(bytes, start, 4);
  const month = digits(bytes, start + 5, 2);
  const day = digits(bytes, start + 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return daysFromCivil(year, month, day);
}

function microsAt(bytes: Uint8Array, start: number, end: number): bigint | undefined {
  const days = daysAt(bytes, start, end);
  if (days === undefined) return undefined;
  let seconds = days * 86_400;
  let micros = 0;
  if (end - start >= 19) {
    seconds +=
      digits(bytes, start + 11, 2) * 3600 +
      digits(bytes, start + 14, 2) * 60 +
      digits(bytes, start + 17, 2);
    if (end - start > 20) {
      const fraction = Math.min(6, end - start - 20);
      micros = digits(bytes, start + 20, fraction) * 10 ** (6 - fraction);
    }
  }
  return BigInt(seconds) * 1_000_000n + BigInt(micros);
}

class VariableWidth {
  data = new Uint8Array(1024);
  length = 0;
  readonly offsets: Int32Array;

  constructor(rows: number) {
    this.offsets = new Int32Array(rows + 1);
  }

  add(row: number, bytes: Uint8Array, start: number, end: number): void {
    const needed = this.length + (end - start);
    if (needed > this.data.length) {
      const grown = new Uint8Array(Math.max(needed, this.data.length * 2));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data.set(bytes.subarray(start, end), this.length);
    this.length = needed;
    this.offsets[row + 1] = needed;
  }

  skip(row: number): void {
    this.offsets[row + 1] = this.length;
  }
}

function setVectorRow(
  column: ColumnDefinition,
  values: ColumnValues,
  row: number,
  bytes: Uint8Array,
  start: number,
  end: number,
): void {
  const vector = column.vector!;
  const base = row * vector.dims;
  if (!vector.binary) {
    const text = utf8.decode(bytes.subarray(start, end)).trim();
    const items = text.length <= 2 ? [] : text.slice(1, -1).split(',');
    if (items.length !== vector.dims) {
      throw malformedPacket(
        `vector column '${column.name}' has ${items.length} of ${vector.dims} elements`,
      );
    }
    items.forEach((item, index) => {
      if (values instanceof BigInt64Array) values[base + index] = BigInt(item.trim());
      else values[base + index] = Number(item);
    });
    return;
  }
  const elementBytes = vector.element === 'f16' ? 2 : values.BYTES_PER_ELEMENT;
  if (end - start !== vector.dims * elementBytes) {
    throw malformedPacket(
      `vector column '${column.name}' value of ${end - start} bytes for ${vector.dims} dims`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, end - start);
  for (let index = 0; index < vector.dims; index += 1) {
    const at = index * elementBytes;
    switch (vector.element) {
      case 'f32':
        values[base + index] = view.getFloat32(at, true);
        break;
      case 'f64':
        values[base + index] = view.getFloat64(at, true);
        break;
      case 'i8':
        values[base + index] = view.getInt8(at);
        break;
      case 'i16':
        values[base + index] = view.getInt16(at, true);
        break;
      case 'i32':
        values[base + index] = view.getInt32(at, true);
        break;
      case 'i64':
        values[base + index] = view.getBigInt64(at, true);
        break;
      case 'f16':
        values[base + index] = halfToFloat(view.getUint16(at, true));
        break;
    }
  }
}

/** Decodes one batch of text-protocol row payloads into a ColumnBatch. */
export function decodeTextRows(
  rows: readonly Uint8Array[],
  columns: readonly ColumnDefinition[],
): ColumnBatch {
  const count = rows.length;
  const kinds = columns.map(columnKind);
  const validity = columns.map(() => new Uint8Array((count + 7) >> 3));
  const nullCounts = columns.map(() => 0);
  const fixed = columns.map((column, index) => {
    const kind = kinds[index]!;
    if (kind === 'vector')
      return new VECTOR_STORAGE[column.vector!.element](count * column.vector!.dims);
    const Storage = FIXED_STORAGE[kind];
    return Storage === undefined ? undefined : new Storage(count);
  });
  const variable = kinds.map((kind) =>
    kind === 'decimal' || kind === 'time' || kind === 'utf8' || kind === 'binary'
      ? new VariableWidth(count)
      : undefined,
  );
  for (let row = 0; row < count; row += 1) {
    const bytes = rows[row]!;
    let at = 0;
    for (let index = 0; index < columns.length; index += 1) {
      const first = bytes[at];
      if (first === undefined) throw malformedPacket(`row ${row} ends before column ${index + 1}`);
      let length = first;
      at += 1;
      if (first >= LengthEncoded.NULL) {
        if (first === LengthEncoded.NULL) {
          nullCounts[index]! += 1;
          variable[index]?.skip(row);
          continue;
        }
        const size =
          first === LengthEncoded.TWO_BYTES ? 2 : first === LengthEncoded.THREE_BYTES ? 3 : 8;
        if (first === 0xff || at + size > bytes.length) {
          throw malformedPacket(`row ${row} has a bad length in column ${index + 1}`);
        }
        length = 0;
        for (let shift = size - 1; shift >= 0; shift -= 1)
          length = length * 256 + bytes[at + shift]!;
        at += size;
      }
      const start = at;
      const end = at + length;
      if (end > bytes.length) throw malformedPacket(`row ${row} is cut in column ${index + 1}`);
      at = end;
      const kind = kinds[index]!;
      const values = fixed[index];
      let present = true;
      switch (kind) {
        case 'int8':
        case 'int16':
        case 'int32':
        case 'uint8':
        case 'uint16':
        case 'uint32':
          values![row] = smallInteger(bytes, start, end);
          break;
        case 'int64':
        case 'uint64':
          values![row] =
            end - start < 16
              ? BigInt(smallInteger(bytes, start, end))
              : BigInt(latin1(bytes, start, end));
          break;
        case 'float64':
          values![row] = Number(latin1(bytes, start, end));
          break;
        case 'date': {
          const days = daysAt(bytes, start, end);
          if (days === undefined) present = false;
          else values![row] = days;
          break;
        }
        case 'timestamp': {
          const micros = microsAt(bytes, start, end);
          if (micros === undefined) present = false;
          else values![row] = micros;
          break;
        }
        case 'vector':
          setVectorRow(columns[index]!, values!, row, bytes, start, end);
          break;
        case 'null':
          present = false;
          break;
        default:
          variable[index]!.add(row, bytes, start, end);
      }
      if (present) validity[index]![row >> 3]! |= 1 << (row & 7);
      else nullCounts[index]! += 1;
    }
  }
  return {
    numRows: count,
    columns: columns.map((column, index): ColumnVector => {
      const kind = kinds[index]!;
      const base = {
        kind,
        typeCode: column.typeCode,
        decimals: column.decimals,
        length: count,
        nullCount: nullCounts[index]!,
        validity: validity[index]!,
      };
      const builder = variable[index];
      if (builder !== undefined) {
        return {
          ...base,
          offsets: builder.offsets,
          data: builder.data.subarray(0, builder.length),
        };
      }
      const values = fixed[index];
      if (kind === 'vector') {
        return {
          ...base,
          values: values!,
          dims: column.vector!.dims,
          vectorElement: column.vector!.element,
        };
      }
      return values === undefined ? base : { ...base, values };
    }),
  };
}
