import type {
  ColumnBatch,
  ColumnKind,
  ColumnValues,
  ColumnVector,
  VectorElement,
} from './column-batch.js';
import { daysFromText, microsFromDate, microsFromText } from './values/dates.js';
import { jsonText, parseJsonLossless } from './values/lossless-json.js';

/** What a builder needs to know about one column. */
export interface ColumnSpec {
  readonly kind: ColumnKind;
  readonly typeCode: number;
  /** Fraction digits of DATETIME/TIME, scale of DECIMAL; 0 when not given. */
  readonly decimals?: number;
  /** Vectors: elements per row. */
  readonly dims?: number;
  /** Vectors: the element type. */
  readonly vectorElement?: VectorElement;
}

const MS_PER_DAY = 86_400_000;
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
const VECTOR_STORAGE: Record<VectorElement, new (length: number) => ColumnValues> = {
  f32: Float32Array,
  f16: Float32Array,
  f64: Float64Array,
  i8: Int8Array,
  i16: Int16Array,
  i32: Int32Array,
  i64: BigInt64Array,
};
const VARIABLE_WIDTH = new Set<ColumnKind>(['decimal', 'time', 'utf8', 'binary']);
const encoder = new TextEncoder();

function isBigStorage(kind: ColumnKind, element?: VectorElement): boolean {
  return kind === 'int64' || kind === 'uint64' || kind === 'timestamp' || element === 'i64';
}

/** Accumulates one column's values until `build()`. */
class ColumnAccumulator {
  readonly present: boolean[] = [];
  readonly scalars: (number | bigint)[] = [];
  readonly chunks: Uint8Array[] = [];

  constructor(readonly spec: ColumnSpec) {}

  append(value: unknown): void {
    const converted = value === null || value === undefined ? null : this.convert(value);
    this.present.push(converted !== null);
    if (VARIABLE_WIDTH.has(this.spec.kind)) {
      this.chunks.push(converted instanceof Uint8Array ? converted : new Uint8Array(0));
    } else if (this.spec.kind === 'vector') {
      const dims = this.spec.dims ?? 0;
      const zero = isBigStorage('vector', this.spec.vectorElement) ? 0n : 0;
      const elements = Array.isArray(converted) ? converted : new Array(dims).fill(zero);
      this.scalars.push(...elements);
    } else if (this.spec.kind !== 'null') {
      this.scalars.push(
        (converted as number | bigint | null) ?? (isBigStorage(this.spec.kind) ? 0n : 0),
      );
    }
  }

  private convert(value: unknown): unknown {
    const { kind } = this.spec;
    switch (kind) {
      case 'int8':
      case 'int16':
      case 'int32':
      case 'uint8':
      case 'uint16':
      case 'uint32':
      case 'float64':
        return Number(value);
      case 'int64':
      case 'uint64':
        return BigInt(typeof value === 'string' ? value.trim() : (value as bigint | number));
      case 'date':
        if (value instanceof Date) return Math.floor(value.getTime() / MS_PER_DAY);
        return typeof value === 'number' ? value : daysFromText(String(value));
      case 'timestamp':
        if (value instanceof Date) return microsFromDate(value);
        return typeof value === 'bigint' ? value : microsFromText(String(value));
      case 'decimal':
      case 'time':
      case 'utf8':
        return encoder.encode(typeof value === 'object' ? jsonText(value) : String(value));
      case 'binary':
        if (value instanceof Uint8Array) return value;
        if (ArrayBuffer.isView(value)) {
          return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        }
        return encoder.encode(String(value));
      case 'vector':
        return this.vectorElements(value);
      default:
        return null;
    }
  }

  private vectorElements(value: unknown): (number | bigint)[] {
    const big = isBigStorage('vector', this.spec.vectorElement);
    const source =
      typeof value === 'string' ? parseJsonLossless(value, { bigint: 'bigint' }) : value;
    const items = ArrayBuffer.isView(source)
      ? Array.from(source as unknown as ArrayLike<number | bigint>)
      : source;
    if (!Array.isArray(items) || items.length !== (this.spec.dims ?? 0)) {
      throw new TypeError(
        `A vector value needs exactly ${this.spec.dims ?? 0} elements, got ${String(value)}`,
      );
    }
    return items.map((item: unknown) => (big ? BigInt(item as number) : Number(item)));
  }

  build(numRows: number): ColumnVector {
    const { spec, present } = this;
    const validity = new Uint8Array(Math.ceil(numRows / 8));
    let nullCount = 0;
    present.forEach((isPresent, row) => {
      if (isPresent) validity[row >> 3] = (validity[row >> 3] ?? 0) | (1 << (row & 7));
      else nullCount++;
    });
    const base = {
      kind: spec.kind,
      typeCode: spec.typeCode,
      decimals: spec.decimals ?? 0,
      length: numRows,
      nullCount,
      validity,
    };
    if (VARIABLE_WIDTH.has(spec.kind)) return { ...base, ...this.buildVariable(numRows) };
    if (spec.kind === 'vector') {
      const element = spec.vectorElement ?? 'f32';
      return {
        ...base,
        values: this.fill(new VECTOR_STORAGE[element](this.scalars.length)),
        dims: spec.dims ?? 0,
        vectorElement: element,
      };
    }
    const Storage = FIXED_STORAGE[spec.kind];
    return Storage ? { ...base, values: this.fill(new Storage(numRows)) } : base;
  }

  private fill(values: ColumnValues): ColumnValues {
    this.scalars.forEach((scalar, index) => {
      (values as unknown as (number | bigint)[])[index] = scalar;
    });
    return values;
  }

  private buildVariable(numRows: number): { offsets: Int32Array; data: Uint8Array } {
    const offsets = new Int32Array(numRows + 1);
    let total = 0;
    this.chunks.forEach((chunk, row) => {
      total += chunk.length;
      offsets[row + 1] = total;
    });
    const data = new Uint8Array(total);
    this.chunks.forEach((chunk, row) => {
      data.set(chunk, offsets[row]);
    });
    return { offsets, data };
  }
}

/**
 * Builds a {@link ColumnBatch} row by row from JS values or server text, for transports that do
 * not decode through `@s2/accel-wasm` (the Data API's JSON rows), for locally answered
 * statements, and for tests.
 *
 * A value may be given as the JS value of the type policy (number, bigint, Date, Uint8Array,
 * typed array…) or as the server's text, which is parsed for the column's kind (`'42'` for an
 * int, `'2024-01-02 03:04:05.5'` for a timestamp, `'[1,2]'` for a vector). Zero and invalid
 * dates become null; objects given to text columns are stored as JSON text.
 */
export class ColumnBatchBuilder {
  private readonly accumulators: ColumnAccumulator[];
  private rows = 0;

  constructor(columns: readonly ColumnSpec[]) {
    this.accumulators = columns.map((spec) => new ColumnAccumulator(spec));
  }

  /** Rows appended since the last `build()`. */
  get numRows(): number {
    return this.rows;
  }

  /** Appends one row; `values[i]` goes to column i, `null`/`undefined` is SQL NULL. */
  appendRow(values: readonly unknown[]): this {
    if (values.length !== this.accumulators.length) {
      throw new TypeError(
        `A row needs ${this.accumulators.length} values, got ${values.length} values`,
      );
    }
    this.accumulators.forEach((accumulator, index) => {
      accumulator.append(values[index]);
    });
    this.rows++;
    return this;
  }

  /** Returns the batch of the rows appended so far and starts a new, empty one. */
  build(): ColumnBatch {
    const columns = this.accumulators.map((accumulator) => accumulator.build(this.rows));
    const batch: ColumnBatch = { numRows: this.rows, columns };
    this.accumulators.splice(
      0,
      this.accumulators.length,
      ...this.accumulators.map((accumulator) => new ColumnAccumulator(accumulator.spec)),
    );
    this.rows = 0;
    return batch;
  }
}
