/**
 * The ColumnBatch layout of @s2/accel-wasm (src/column-batch.ts), restated because that
 * package does not export it yet. Keep it identical; replace it with an import once
 * `@s2/accel-wasm` exports the types.
 */

/** How a column's values are laid out. */
export type ColumnKind =
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  /** FLOAT and DOUBLE both: FLOAT arrives as rounded decimal text, which a float32 would change. */
  | 'float64'
  /** DECIMAL text as UTF-8 in offsets + data (or `float64` kind when asked for). */
  | 'decimal'
  /** Days since 1970-01-01 in an Int32Array. */
  | 'date'
  /** Microseconds since 1970-01-01T00:00:00 in a BigInt64Array; the server's text is read as UTC. */
  | 'timestamp'
  /** TIME as the server's text, `[-]H:MM:SS[.ffffff]`, in offsets + data. */
  | 'time'
  /** Text (CHAR, VARCHAR, TEXT, JSON, ENUM, SET, GEOGRAPHY…) as UTF-8 in offsets + data. */
  | 'utf8'
  /** Bytes (BINARY, VARBINARY, BLOB, BIT, BSON) in offsets + data. */
  | 'binary'
  /** Fixed-size lists: `dims` elements per row in `values`; a NULL row is zero-filled. */
  | 'vector'
  /** The MySQL NULL type: every row is null. */
  | 'null';

/** Element type of a VECTOR column; F16 is widened into a Float32Array. */
export type VectorElement = 'f32' | 'f64' | 'i8' | 'i16' | 'i32' | 'i64' | 'f16';

/** Fixed-width value storage. */
export type ColumnValues =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

/** One decoded column of a batch. */
export interface ColumnVector {
  readonly kind: ColumnKind;
  /** The type code the column was decoded from: MySQL's, or SingleStore's 1001, 2001–2007, 3001–3007. */
  readonly typeCode: number;
  /** The column definition's decimals byte (fraction digits of DATETIME/TIME, scale of DECIMAL). */
  readonly decimals: number;
  readonly length: number;
  readonly nullCount: number;
  /** Arrow validity bitmap: bit i (LSB first) set when row i has a value; ceil(length / 8) bytes. */
  readonly validity: Uint8Array;
  /** Fixed-width kinds and vectors: the values (a null slot holds 0). */
  readonly values?: ColumnValues;
  /** Variable-width kinds: length + 1 offsets into `data`. */
  readonly offsets?: Int32Array;
  /** Variable-width kinds: the bytes. */
  readonly data?: Uint8Array;
  /** Vectors: elements per row. */
  readonly dims?: number;
  /** Vectors: the element type. */
  readonly vectorElement?: VectorElement;
}

/** A batch of decoded rows, column by column. */
export interface ColumnBatch {
  readonly numRows: number;
  readonly columns: readonly ColumnVector[];
}
