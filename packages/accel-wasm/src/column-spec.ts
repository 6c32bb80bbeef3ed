import type { VectorElement } from './column-batch.js';

/**
 * One result column as the wire client read it from the column definition packet
 * (wire-protocol.md §12.2–12.4). Either give the MySQL `typeCode` plus SingleStore's
 * `extendedType` byte (1 BSON, 2 VECTOR with `vectorDims` and `vectorElement`), or give the
 * SDK's own code directly (1001, 2001–2007, 3001–3007, with `vectorDims`).
 */
export interface ColumnSpec {
  /** MySQL type code (0–255), or the SDK's 1001 / 2001–2007 / 3001–3007. */
  readonly typeCode: number;
  /** Column flags; 32 (UNSIGNED) makes integer columns unsigned. */
  readonly flags: number;
  /** Collation id; 63 means binary. */
  readonly charset: number;
  /** The decimals byte: scale of DECIMAL, fraction digits of DATETIME/TIME. */
  readonly decimals: number;
  /** SingleStore's extended type byte: 0 none, 1 BSON, 2 VECTOR. */
  readonly extendedType?: number;
  /** VECTOR only: elements per value. */
  readonly vectorDims?: number;
  /** VECTOR only: element type, as the wire byte (1 F32 … 7 F16) or its name. */
  readonly vectorElement?: number | VectorElement;
}

/** Options of the text-protocol row decoder. */
export interface DecodeOptions {
  /** DECIMAL as its exact text (default) or as a float64 column. */
  readonly decimal?: 'string' | 'float64';
  /**
   * What an impossible DATE/DATETIME/TIMESTAMP text (`2007-02-31`, `2020-00-10`) does: fail with
   * a `RowDecodeError` (default) or decode as null. Zero dates are always null.
   */
  readonly invalidDates?: 'error' | 'null';
}

/** MySQL type codes this package distinguishes. */
export const TypeCode = {
  DECIMAL: 0,
  TINY: 1,
  SHORT: 2,
  LONG: 3,
  FLOAT: 4,
  DOUBLE: 5,
  NULL: 6,
  TIMESTAMP: 7,
  LONGLONG: 8,
  INT24: 9,
  DATE: 10,
  TIME: 11,
  DATETIME: 12,
  YEAR: 13,
  NEWDATE: 14,
  VARCHAR: 15,
  BIT: 16,
  JSON: 245,
  NEWDECIMAL: 246,
  ENUM: 247,
  SET: 248,
  TINY_BLOB: 249,
  MEDIUM_BLOB: 250,
  LONG_BLOB: 251,
  BLOB: 252,
  VAR_STRING: 253,
  STRING: 254,
  GEOMETRY: 255,
  BSON: 1001,
} as const;

/** The UNSIGNED column flag. */
export const UNSIGNED_FLAG = 32;
/** The binary collation id. */
export const BINARY_CHARSET = 63;

/** Vector element types in wire order (code 1 is index 0). */
export const VECTOR_ELEMENTS: readonly VectorElement[] = [
  'f32',
  'f64',
  'i8',
  'i16',
  'i32',
  'i64',
  'f16',
];

/** Bytes per element on the wire, by element code 1–7. */
export const VECTOR_ELEMENT_BYTES: readonly number[] = [0, 4, 8, 1, 2, 4, 8, 2];

/** Largest VECTOR dimension accepted (SingleStore's limit is far below this). */
export const MAX_VECTOR_DIMS = 1 << 20;
