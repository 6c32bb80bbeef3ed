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
import { ColumnPresence } from './column-presence.js';
import { timestampColumn } from './timestamp-column.js';

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

function bigintColumn(spec: ColumnSpec, rows: readonly unknown[][], index: number): ColumnVector {
  const presence = new ColumnPresence(rows.length);
  const values =
    spec.kind === 'uint64' ? new BigUint64Array(rows.length) : new BigInt64Array(rows.length);
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[index];
    const present = value !== null && value !== undefined;
    if (present) {
      values[row] =
        typeof value === 'bigint'
          ? value
          : BigInt(typeof value === 'string' ? value.trim() : (value as number));
    }
    presence.mark(row, present);
  }
  return { ...presence.vector(spec), values };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** UTF-8 byte length of `text`, without encoding it. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let position = 0; position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(position + 1))) {
      // A surrogate pair: two UTF-16 units, one 4-byte code point.
      bytes += 2;
      position++;
    } else {
      // Other BMP characters, and lone surrogates (encoded as U+FFFD): 3 bytes.
      bytes += 2;
    }
  }
  return bytes;
}

/**
 * Text kinds (utf8, decimal, time): all values are encoded with one `TextEncoder` call on their
 * concatenation, then cut by their UTF-8 lengths (the JS lengths when the text is all ASCII).
 */
function textColumn(spec: ColumnSpec, rows: readonly unknown[][], index: number): ColumnVector {
  const presence = new ColumnPresence(rows.length);
  const isJson = spec.typeCode === TypeCode.JSON;
  const texts: string[] = new Array(rows.length);
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]?.[index];
    const present = value !== null && value !== undefined;
    if (!present) texts[row] = '';
    // JSON columns hold embedded JSON, written back as text under the same JSON policy as the wire.
    else if (isJson || typeof value === 'object') texts[row] = jsonText(value);
    else texts[row] = typeof value === 'string' ? value : String(value);
    presence.mark(row, present);
  }
  const joined = texts.join('');
  const data = encoder.encode(joined);
  const ascii = data.length === joined.length;
  const offsets = new Int32Array(rows.length + 1);
  let total = 0;
  for (let row = 0; row < rows.length; row++) {
    const text = texts[row] as string;
    total += ascii ? text.length : utf8Length(text);
    offsets[row + 1] = total;
  }
  return { ...presence.vector(spec), offsets, data };
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

/** Binary kinds: the Data API sends base64 text. */
function binaryColumn(spec: ColumnSpec, rows: readonly unknown[][], index: number): ColumnVector {
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

/** Kinds rare in Data API answers (dates, null) go through the generic builder. */
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
    case 'timestamp':
      return timestampColumn(spec, rows, index) ?? builderColumn(spec, rows, index);
    default:
      return builderColumn(spec, rows, index);
  }
}
