import { NotSupportedError } from '../errors/index.js';

/** MySQL column type codes, plus the SDK's codes for SingleStore's extended types. */
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
  FLOAT32_VECTOR_JSON: 2001,
  FLOAT64_VECTOR_JSON: 2002,
  INT8_VECTOR_JSON: 2003,
  INT16_VECTOR_JSON: 2004,
  INT32_VECTOR_JSON: 2005,
  INT64_VECTOR_JSON: 2006,
  FLOAT16_VECTOR_JSON: 2007,
  FLOAT32_VECTOR: 3001,
  FLOAT64_VECTOR: 3002,
  INT8_VECTOR: 3003,
  INT16_VECTOR: 3004,
  INT32_VECTOR: 3005,
  INT64_VECTOR: 3006,
  FLOAT16_VECTOR: 3007,
} as const;

/** Any known type code. */
export type TypeCodeValue = (typeof TypeCode)[keyof typeof TypeCode];

/** Collation id of binary data; decides binary vs JSON vectors and BLOB vs TEXT. */
export const BINARY_CHARSET = 63;

/** A VECTOR element type as the extended metadata encodes it (wire-protocol.md §12.4). */
export interface VectorElementType {
  readonly code: number;
  readonly name: 'F32' | 'F64' | 'I8' | 'I16' | 'I32' | 'I64' | 'F16';
  readonly bytesPerElement: number;
}

const VECTOR_ELEMENTS: readonly VectorElementType[] = [
  { code: 1, name: 'F32', bytesPerElement: 4 },
  { code: 2, name: 'F64', bytesPerElement: 8 },
  { code: 3, name: 'I8', bytesPerElement: 1 },
  { code: 4, name: 'I16', bytesPerElement: 2 },
  { code: 5, name: 'I32', bytesPerElement: 4 },
  { code: 6, name: 'I64', bytesPerElement: 8 },
  { code: 7, name: 'F16', bytesPerElement: 2 },
];

/** The element type of a vector type code (2001–2007, 3001–3007), or undefined. */
export function vectorElementOf(typeCode: number): VectorElementType | undefined {
  if (!isVectorTypeCode(typeCode)) return undefined;
  return VECTOR_ELEMENTS[(typeCode % 1000) - 1];
}

/** Looks up a vector element type by its name (`F32`, `i64`, …). */
export function vectorElementByName(name: string): VectorElementType | undefined {
  const upper = name.trim().toUpperCase();
  return VECTOR_ELEMENTS.find((element) => element.name === upper);
}

/** True for the vector type codes, JSON-projected (200x) or binary (300x). */
export function isVectorTypeCode(typeCode: number): boolean {
  return (typeCode > 2000 && typeCode <= 2007) || (typeCode > 3000 && typeCode <= 3007);
}

/** True for vectors the server sends as packed little-endian binary. */
export function isBinaryVectorTypeCode(typeCode: number): boolean {
  return typeCode > 3000 && typeCode <= 3007;
}

/**
 * The SDK type code of a column from SingleStore's extended metadata byte
 * (wire-protocol.md §12.3): 0 keeps the MySQL code, 1 is BSON, 2 is a VECTOR whose code is
 * 2000 + element for JSON projection and 3000 + element when the column charset is binary.
 */
export function extendedTypeCode(
  mysqlTypeCode: number,
  extendedType: number,
  vectorElement: number | undefined,
  charset: number,
): number {
  if (extendedType === 0) return mysqlTypeCode;
  if (extendedType === 1) return TypeCode.BSON;
  if (extendedType === 2) {
    const element = VECTOR_ELEMENTS[(vectorElement ?? 0) - 1];
    if (!element) {
      throw new NotSupportedError(
        `Unrecognised VECTOR element type ${vectorElement} in column metadata`,
      );
    }
    return (charset === BINARY_CHARSET ? 3000 : 2000) + element.code;
  }
  throw new NotSupportedError(`Unrecognised extended data type ${extendedType} in column metadata`);
}

const NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(TypeCode).map(([name, code]) => [code, name] as const),
);

/** The name of a type code (`253` → `VAR_STRING`), or undefined for unknown codes. */
export function typeCodeName(typeCode: number): string | undefined {
  return NAMES.get(typeCode);
}
