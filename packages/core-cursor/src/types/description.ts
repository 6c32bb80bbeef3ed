import { maxBytesPerChar } from './charset-width.js';
import { parseDataApiType } from './data-api-type-codes.js';
import { BINARY_CHARSET, isVectorTypeCode, TypeCode } from './type-codes.js';

/** Column flag bits of the MySQL protocol. */
export const ColumnFlag = {
  NOT_NULL: 1,
  PRI_KEY: 2,
  UNIQUE_KEY: 4,
  MULTIPLE_KEY: 8,
  BLOB: 16,
  UNSIGNED: 32,
  ZEROFILL: 64,
  BINARY: 128,
  ENUM: 256,
  AUTO_INCREMENT: 512,
  TIMESTAMP: 1024,
  SET: 2048,
} as const;

/**
 * One column of a cursor's `description`: the DB-API's seven fields plus the Python SDK's
 * `flags` and `charset`, by name instead of by position. Absent values are `null` (DB-API None).
 */
export interface ColumnDescription {
  readonly name: string;
  readonly typeCode: number;
  readonly displaySize: number | null;
  /** Characters for text, bytes for binary, the dimension for vectors. */
  readonly internalSize: number | null;
  readonly precision: number | null;
  readonly scale: number | null;
  readonly nullOk: boolean;
  readonly flags: number;
  /** Collation id (63 = binary). */
  readonly charset: number;
}

/** The column-definition fields `describeWireColumn` needs. */
export interface WireColumn {
  name: string;
  /** SDK type code: the MySQL code, or the extended code (BSON, vectors). */
  typeCode: number;
  /** Column length from the definition; for vectors, the dimension. */
  columnLength: number;
  flags: number;
  decimals: number;
  charset: number;
}

const TEXT_TYPES: ReadonlySet<number> = new Set([
  TypeCode.VARCHAR,
  TypeCode.ENUM,
  TypeCode.SET,
  TypeCode.TINY_BLOB,
  TypeCode.MEDIUM_BLOB,
  TypeCode.LONG_BLOB,
  TypeCode.BLOB,
  TypeCode.VAR_STRING,
  TypeCode.STRING,
]);

/**
 * Builds a column's description from MySQL column metadata. Text lengths are in characters
 * for every character set (the Python SDK left utf8mb4 in bytes); DECIMAL precision drops the
 * sign (unless UNSIGNED) and the decimal point (when scale > 0).
 */
export function describeWireColumn(column: WireColumn): ColumnDescription {
  let internalSize = column.columnLength;
  if (TEXT_TYPES.has(column.typeCode) && column.charset !== BINARY_CHARSET) {
    internalSize = Math.floor(internalSize / maxBytesPerChar(column.charset));
  }
  let precision = internalSize;
  if (column.typeCode === TypeCode.DECIMAL || column.typeCode === TypeCode.NEWDECIMAL) {
    if (!(column.flags & ColumnFlag.UNSIGNED)) precision -= 1;
    if (column.decimals > 0) precision -= 1;
  }
  return Object.freeze({
    name: column.name,
    typeCode: column.typeCode,
    displaySize: null,
    internalSize,
    precision: isVectorTypeCode(column.typeCode) ? null : precision,
    scale: column.decimals,
    nullOk: (column.flags & ColumnFlag.NOT_NULL) === 0,
    flags: column.flags,
    charset: column.charset,
  });
}

/** A column as the Data API's `/query/tuples` response lists it. */
export interface DataApiColumn {
  name: string;
  dataType: string;
  nullable?: boolean;
}

/** Builds a column's description from Data API column metadata (data-api.md §11). */
export function describeDataApiColumn(column: DataApiColumn): ColumnDescription {
  const parsed = parseDataApiType(column.dataType);
  return Object.freeze({
    name: column.name,
    typeCode: parsed.typeCode,
    displaySize: null,
    internalSize: parsed.dimension,
    precision: parsed.precision,
    scale: parsed.scale,
    nullOk: column.nullable ?? false,
    flags: parsed.unsigned ? ColumnFlag.UNSIGNED : 0,
    charset: parsed.binary ? BINARY_CHARSET : 0,
  });
}
