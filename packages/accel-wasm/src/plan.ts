import type { ColumnKind, VectorElement } from './column-batch.js';
import {
  BINARY_CHARSET,
  type ColumnSpec,
  type DecodeOptions,
  MAX_VECTOR_DIMS,
  TypeCode,
  UNSIGNED_FLAG,
  VECTOR_ELEMENTS,
} from './column-spec.js';

/**
 * Per-column decode operations. The numbers are shared with the Rust crate
 * (`crate/src/text.rs`, `OP_*`): both implementations receive the same resolved plan, so
 * the mapping from column definition to layout is decided once, here.
 */
export const Op = {
  NULL: 0,
  INT8: 1,
  UINT8: 2,
  INT16: 3,
  UINT16: 4,
  INT32: 5,
  UINT32: 6,
  INT64: 7,
  UINT64: 8,
  FLOAT64: 9,
  DECIMAL_TEXT: 10,
  DECIMAL_FLOAT64: 11,
  DATE: 12,
  DATETIME: 13,
  TIME: 14,
  UTF8: 15,
  BINARY: 16,
  VECTOR_BINARY: 17,
  VECTOR_JSON: 18,
} as const;

/** A column resolved to the operation that decodes it and the vector it produces. */
export interface ColumnPlan {
  readonly op: number;
  readonly kind: ColumnKind;
  readonly typeCode: number;
  readonly decimals: number;
  /** Vectors only. */
  readonly dims: number;
  /** Vectors only: element code 1–7 (0 otherwise). */
  readonly element: number;
  /** A short SQL name for messages, e.g. `BIGINT UNSIGNED` or `VECTOR(16, F32)`. */
  readonly sqlName: string;
}

const INTEGER_OPS: Record<number, readonly [number, number, string]> = {
  [TypeCode.TINY]: [Op.INT8, Op.UINT8, 'TINYINT'],
  [TypeCode.SHORT]: [Op.INT16, Op.UINT16, 'SMALLINT'],
  [TypeCode.INT24]: [Op.INT32, Op.UINT32, 'MEDIUMINT'],
  [TypeCode.LONG]: [Op.INT32, Op.UINT32, 'INT'],
  [TypeCode.LONGLONG]: [Op.INT64, Op.UINT64, 'BIGINT'],
};

const OP_KINDS: readonly ColumnKind[] = [
  'null',
  'int8',
  'uint8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'uint64',
  'float64',
  'decimal',
  'float64',
  'date',
  'timestamp',
  'time',
  'utf8',
  'binary',
  'vector',
  'vector',
];

const TEXT_NAMES: Record<number, string> = {
  [TypeCode.VARCHAR]: 'VARCHAR',
  [TypeCode.JSON]: 'JSON',
  [TypeCode.ENUM]: 'ENUM',
  [TypeCode.SET]: 'SET',
  [TypeCode.TINY_BLOB]: 'TINYBLOB',
  [TypeCode.MEDIUM_BLOB]: 'MEDIUMBLOB',
  [TypeCode.LONG_BLOB]: 'LONGBLOB',
  [TypeCode.BLOB]: 'BLOB',
  [TypeCode.VAR_STRING]: 'VARCHAR',
  [TypeCode.STRING]: 'CHAR',
  [TypeCode.GEOMETRY]: 'GEOMETRY',
};

function plan(
  op: number,
  typeCode: number,
  decimals: number,
  sqlName: string,
  dims = 0,
  element = 0,
): ColumnPlan {
  return { op, kind: OP_KINDS[op]!, typeCode, decimals, dims, element, sqlName };
}

function specError(index: number, problem: string): TypeError {
  return new TypeError(`column ${index}: ${problem}`);
}

function isByte(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffff_ffff;
}

function vectorElementCode(index: number, element: ColumnSpec['vectorElement']): number {
  if (typeof element === 'string') {
    const code = VECTOR_ELEMENTS.indexOf(element as VectorElement) + 1;
    if (code > 0) return code;
  } else if (Number.isInteger(element) && element! >= 1 && element! <= 7) {
    return element!;
  }
  throw specError(index, `unknown vector element type ${String(element)}`);
}

function vectorPlan(index: number, spec: ColumnSpec, binary: boolean, element: number): ColumnPlan {
  const dims = spec.vectorDims;
  if (!Number.isInteger(dims) || dims! < 1 || dims! > MAX_VECTOR_DIMS) {
    throw specError(
      index,
      `vector dimension ${String(dims)} is not an integer in 1..${MAX_VECTOR_DIMS}`,
    );
  }
  const name = `VECTOR(${dims}, ${VECTOR_ELEMENTS[element - 1]!.toUpperCase()})`;
  return binary
    ? plan(Op.VECTOR_BINARY, 3000 + element, spec.decimals, name, dims, element)
    : plan(Op.VECTOR_JSON, 2000 + element, spec.decimals, name, dims, element);
}

/** Resolve one column definition to its plan (contract in column-batch.ts and README). */
export function planColumn(
  index: number,
  spec: ColumnSpec,
  options: DecodeOptions = {},
): ColumnPlan {
  if (spec === null || typeof spec !== 'object') throw specError(index, 'not a column spec');
  const { typeCode, flags, charset, decimals } = spec;
  if (!Number.isInteger(typeCode) || typeCode < 0) {
    throw specError(index, `type code ${String(typeCode)} is not a non-negative integer`);
  }
  if (!isByte(flags)) throw specError(index, `flags ${String(flags)} is not an unsigned integer`);
  if (!isByte(charset))
    throw specError(index, `charset ${String(charset)} is not an unsigned integer`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 255) {
    throw specError(index, `decimals ${String(decimals)} is not a byte`);
  }
  const binary = charset === BINARY_CHARSET;
  const extended = spec.extendedType ?? 0;
  if (extended === 1 || typeCode === TypeCode.BSON) {
    return plan(Op.BINARY, TypeCode.BSON, decimals, 'BSON');
  }
  if (extended === 2) {
    return vectorPlan(index, spec, binary, vectorElementCode(index, spec.vectorElement));
  }
  if (extended !== 0) throw specError(index, `unrecognized extended data type ${String(extended)}`);
  if (typeCode > 2000 && typeCode <= 2007) return vectorPlan(index, spec, false, typeCode - 2000);
  if (typeCode > 3000 && typeCode <= 3007) return vectorPlan(index, spec, true, typeCode - 3000);
  if (typeCode > 255) throw specError(index, `unknown type code ${typeCode}`);

  const unsigned = (flags & UNSIGNED_FLAG) !== 0;
  const integer = INTEGER_OPS[typeCode];
  if (integer) {
    const [signedOp, unsignedOp, name] = integer;
    return unsigned
      ? plan(unsignedOp, typeCode, decimals, `${name} UNSIGNED`)
      : plan(signedOp, typeCode, decimals, name);
  }
  switch (typeCode) {
    case TypeCode.YEAR:
      return plan(Op.UINT16, typeCode, decimals, 'YEAR');
    case TypeCode.FLOAT:
      return plan(Op.FLOAT64, typeCode, decimals, 'FLOAT');
    case TypeCode.DOUBLE:
      return plan(Op.FLOAT64, typeCode, decimals, 'DOUBLE');
    case TypeCode.DECIMAL:
    case TypeCode.NEWDECIMAL:
      return options.decimal === 'float64'
        ? plan(Op.DECIMAL_FLOAT64, typeCode, decimals, 'DECIMAL')
        : plan(Op.DECIMAL_TEXT, typeCode, decimals, 'DECIMAL');
    case TypeCode.NULL:
      return plan(Op.NULL, typeCode, decimals, 'NULL');
    case TypeCode.DATE:
    case TypeCode.NEWDATE:
      return plan(Op.DATE, typeCode, decimals, 'DATE');
    case TypeCode.DATETIME:
      return plan(Op.DATETIME, typeCode, decimals, 'DATETIME');
    case TypeCode.TIMESTAMP:
      return plan(Op.DATETIME, typeCode, decimals, 'TIMESTAMP');
    case TypeCode.TIME:
      return plan(Op.TIME, typeCode, decimals, 'TIME');
    case TypeCode.BIT:
      return plan(Op.BINARY, typeCode, decimals, 'BIT');
    case TypeCode.JSON:
      return plan(Op.UTF8, typeCode, decimals, 'JSON');
    default: {
      // Strings, blobs, ENUM, SET, GEOMETRY and codes this package does not know: text unless
      // the collation is binary, as the Python SDK does for types without a converter.
      const name = TEXT_NAMES[typeCode] ?? `type ${typeCode}`;
      return binary
        ? plan(Op.BINARY, typeCode, decimals, name)
        : plan(Op.UTF8, typeCode, decimals, name);
    }
  }
}

/** Resolve every column of a result. */
export function planColumns(
  columns: readonly ColumnSpec[],
  options: DecodeOptions = {},
): ColumnPlan[] {
  if (!Array.isArray(columns)) throw new TypeError('columns must be an array of column specs');
  if (
    options.decimal !== undefined &&
    options.decimal !== 'string' &&
    options.decimal !== 'float64'
  ) {
    throw new TypeError(
      `decimal option must be 'string' or 'float64', not ${String(options.decimal)}`,
    );
  }
  if (
    options.invalidDates !== undefined &&
    options.invalidDates !== 'error' &&
    options.invalidDates !== 'null'
  ) {
    throw new TypeError(
      `invalidDates option must be 'error' or 'null', not ${String(options.invalidDates)}`,
    );
  }
  return columns.map((spec, index) => planColumn(index, spec, options));
}

/** The element code's name for `ColumnVector.vectorElement`. */
export function vectorElementName(element: number): VectorElement {
  return VECTOR_ELEMENTS[element - 1]!;
}
