import {
  ColumnBatchBuilder,
  type ColumnSpec,
  type ColumnValues,
  type ColumnVector,
  jsonText,
  parseJsonLossless,
  TypeCode,
  type VectorElement,
} from '@s2/core-cursor';
import { base64Length, decodeBase64Into } from './base64-decode.js';
import { ColumnPresence } from './column-presence.js';
import { dateColumn, timestampColumn } from './timestamp-column.js';
import { encodeUtf8Into } from './utf8-encode.js';

type NumberStorage = new (length: number) => ColumnValues;

const NUMBER_STORAGE: Partial<Record<ColumnSpec['kind'], NumberStorage>> = {
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  uint8: Uint8Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  float64: Float64Array,
};
const VECTOR_STORAGE: Record<VectorElement, NumberStorage> = {
  f32: Float32Array,
  f16: Float32Array,
  f64: Float64Array,
  i8: Int8Array,
  i16: Int16Array,
  i32: Int32Array,
  i64: BigInt64Array,
};
const encoder = new TextEncoder();

function numberColumn(
  spec: ColumnSpec,
  rows: readonly unknown[][],
  index: number,
  Storage: NumberStorage,
): ColumnVector {
  const presence = new ColumnPresence(rows.length);
  const values = new Storage(rows.length) as Float64Array;
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[index];
    const present = value !== null && value !== undefined;
    if (present) values[row] = Number(value);
    presence.mark(row, present);
  }
  return { ...presence.vector(spec), values };
}

/** 64-bit values are written as two 32-bit words; a big-endian host swaps their order. */
const LOW_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const TWO_POW_32 = 4_294_967_296;

function bigintColumn(spec: ColumnSpec, rows: readonly unknown[][], index: number): ColumnVector {
  const presence = new ColumnPresence(rows.length);
  const values =
    spec.kind === 'uint64' ? new BigUint64Array(rows.length) : new BigInt64Array(rows.length);
  // A safe integer goes in as its two's-complement words, without a BigInt per row.
  const words = new Int32Array(values.buffer);
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[index];
    const present = value !== null && value !== undefined;
    if (present) {
      if (typeof value === 'number' && Number.isSafeInteger(value)) {
        const high = Math.floor(value / TWO_POW_32);
        words[2 * row + LOW_WORD] = value - high * TWO_POW_32;
        words[2 * row + 1 - LOW_WORD] = high;
      } else {
        values[row] =
          typeof value === 'bigint'
            ? value
            : BigInt(typeof value === 'string' ? value.trim() : (value as number));
      }
    }
    presence.mark(row, present);
  }
  return { ...presence.vector(spec), values };
}

function textOf(value: unknown, isJson: boolean): string {
  // JSON columns hold embedded JSON, written back as text under the same JSON policy as the wire.
  if (isJson || typeof value === 'object') return jsonText(value);
  return typeof value === 'string' ? value : String(value);
}

/**
 * Text kinds (utf8, decimal, time): every value is written as UTF-8 straight into the column's
 * bytes, sized at first for ASCII (one byte per UTF-16 unit) and grown when a value does not fit.
 */
function textColumn(spec: ColumnSpec, rows: readonly unknown[][], index: number): ColumnVector {
  const presence = new ColumnPresence(rows.length);
  const isJson = spec.typeCode === TypeCode.JSON;
  let capacity = 0;
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[index];
    if (typeof value === 'string') capacity += value.length;
  }
  let data = new Uint8Array(capacity);
  const offsets = new Int32Array(rows.length + 1);
  let total = 0;
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[index];
    const present = value !== null && value !== undefined;
    if (present) {
      const text = textOf(value, isJson);
      let end = encodeUtf8Into(text, data, total);
      if (end > data.length) {
        const grown = new Uint8Array(Math.max(data.length * 2, total + text.length * 3));
        grown.set(data.subarray(0, total));
        data = grown;
        end = encodeUtf8Into(text, data, total);
      }
      total = end;
    }
    offsets[row + 1] = total;
    presence.mark(row, present);
  }
  return {
    ...presence.vector(spec),
    offsets,
    data: total === data.length ? data : data.slice(0, total),
  };
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function binaryBytes(value: unknown): Uint8Array {
  if (typeof value === 'string') return base64Bytes(value);
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return encoder.encode(String(value));
}

/** Binary values one by one, for what is not canonical base64 text. */
function binaryColumnOfChunks(
  spec: ColumnSpec,
  rows: readonly unknown[][],
  index: number,
): ColumnVector {
  const presence = new ColumnPresence(rows.length);
  const chunks: Uint8Array[] = new Array(rows.length);
  const offsets = new Int32Array(rows.length + 1);
  let total = 0;
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[index];
    const present = value !== null && value !== undefined;
    const chunk = present ? binaryBytes(value) : new Uint8Array(0);
    chunks[row] = chunk;
    total += chunk.length;
    offsets[row + 1] = total;
    presence.mark(row, present);
  }
  const data = new Uint8Array(total);
  for (let row = 0; row < rows.length; row++) data.set(chunks[row] as Uint8Array, offsets[row]);
  return { ...presence.vector(spec), offsets, data };
}

/**
 * Binary kinds: the Data API sends base64 text, decoded straight into the column's bytes (its
 * length known from the text's), without a string and an array per value.
 */
function binaryColumn(spec: ColumnSpec, rows: readonly unknown[][], index: number): ColumnVector {
  const presence = new ColumnPresence(rows.length);
  const offsets = new Int32Array(rows.length + 1);
  let total = 0;
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[index];
    const present = value !== null && value !== undefined;
    if (present) {
      const length = typeof value === 'string' ? base64Length(value) : -1;
      if (length < 0) return binaryColumnOfChunks(spec, rows, index);
      total += length;
    }
    offsets[row + 1] = total;
    presence.mark(row, present);
  }
  const data = new Uint8Array(total);
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[index];
    if (typeof value === 'string' && !decodeBase64Into(value, data, offsets[row] as number)) {
      return binaryColumnOfChunks(spec, rows, index);
    }
  }
  return { ...presence.vector(spec), offsets, data };
}

function vectorItems(value: unknown, dims: number): ArrayLike<unknown> {
  const source = typeof value === 'string' ? parseJsonLossless(value, { bigint: 'bigint' }) : value;
  const items = ArrayBuffer.isView(source) ? (source as unknown as ArrayLike<unknown>) : source;
  if (
    !(Array.isArray(items) || ArrayBuffer.isView(items)) ||
    (items as ArrayLike<unknown>).length !== dims
  ) {
    throw new TypeError(`A vector value needs exactly ${dims} elements, got ${String(value)}`);
  }
  return items as ArrayLike<unknown>;
}

/** Vectors: `dims` elements per row straight into the typed array; a NULL row stays zero. */
function vectorColumn(spec: ColumnSpec, rows: readonly unknown[][], index: number): ColumnVector {
  const presence = new ColumnPresence(rows.length);
  const dims = spec.dims ?? 0;
  const element = spec.vectorElement ?? 'f32';
  const big = element === 'i64';
  const values = new VECTOR_STORAGE[element](rows.length * dims);
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[index];
    const present = value !== null && value !== undefined;
    if (present) {
      const items = vectorItems(value, dims);
      const base = row * dims;
      if (big) {
        for (let item = 0; item < dims; item++) {
          (values as BigInt64Array)[base + item] = BigInt(items[item] as number);
        }
      } else {
        for (let item = 0; item < dims; item++) {
          (values as Float64Array)[base + item] = Number(items[item]);
        }
      }
    }
    presence.mark(row, present);
  }
  return { ...presence.vector(spec), values, dims, vectorElement: element };
}

/** Kinds rare in Data API answers (null) and values outside the fast paths go through the generic builder. */
function builderColumn(spec: ColumnSpec, rows: readonly unknown[][], index: number): ColumnVector {
  const builder = new ColumnBatchBuilder([spec]);
  const cell: unknown[] = [null];
  for (const row of rows) {
    cell[0] = row[index] ?? null;
    builder.appendRow(cell);
  }
  return builder.build().columns[0] as ColumnVector;
}

/**
 * Column `index` of the Data API rows as a {@link ColumnVector} of the layout `spec` gives, equal
 * to what `ColumnBatchBuilder` makes of the same values, built in one pass straight into the
 * column's typed arrays instead of row by row through the builder.
 */
export function tuplesColumn(
  spec: ColumnSpec,
  rows: readonly unknown[][],
  index: number,
): ColumnVector {
  const storage = NUMBER_STORAGE[spec.kind];
  if (storage !== undefined) return numberColumn(spec, rows, index, storage);
  switch (spec.kind) {
    case 'int64':
    case 'uint64':
      return bigintColumn(spec, rows, index);
    case 'utf8':
    case 'decimal':
    case 'time':
      return textColumn(spec, rows, index);
    case 'binary':
      return binaryColumn(spec, rows, index);
    case 'vector':
      return vectorColumn(spec, rows, index);
    case 'date':
      return dateColumn(spec, rows, index) ?? builderColumn(spec, rows, index);
    case 'timestamp':
      return timestampColumn(spec, rows, index) ?? builderColumn(spec, rows, index);
    default:
      return builderColumn(spec, rows, index);
  }
}
