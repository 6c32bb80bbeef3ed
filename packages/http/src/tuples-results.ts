import {
  BINARY_CHARSET,
  type ColumnDescription,
  ColumnFlag,
  type ColumnKind,
  type ColumnSpec,
  describeDataApiColumn,
  isVectorTypeCode,
  type StatementResult,
  TypeCode,
  type VectorElement,
  vectorElementOf,
} from '@s2/core-cursor';
import { tuplesColumn } from './tuples-column.js';

interface TuplesColumn {
  name: string;
  dataType: string;
  nullable?: boolean;
}

interface TuplesResult {
  columns?: TuplesColumn[];
  rows?: unknown[][];
}

const INTEGER_KINDS: Readonly<Record<number, readonly [ColumnKind, ColumnKind, bigint]>> = {
  [TypeCode.TINY]: ['int8', 'uint8', 127n],
  [TypeCode.SHORT]: ['int16', 'uint16', 32_767n],
  [TypeCode.YEAR]: ['int16', 'uint16', 32_767n],
  [TypeCode.INT24]: ['int32', 'uint32', 2_147_483_647n],
  [TypeCode.LONG]: ['int32', 'uint32', 2_147_483_647n],
  [TypeCode.LONGLONG]: ['int64', 'uint64', 9_223_372_036_854_775_807n],
};

const FIXED_KINDS: Readonly<Record<number, ColumnKind>> = {
  [TypeCode.FLOAT]: 'float64',
  [TypeCode.DOUBLE]: 'float64',
  [TypeCode.DECIMAL]: 'decimal',
  [TypeCode.NEWDECIMAL]: 'decimal',
  [TypeCode.DATE]: 'date',
  [TypeCode.NEWDATE]: 'date',
  [TypeCode.DATETIME]: 'timestamp',
  [TypeCode.TIMESTAMP]: 'timestamp',
  [TypeCode.TIME]: 'time',
  [TypeCode.NULL]: 'null',
  [TypeCode.BIT]: 'binary',
  [TypeCode.BSON]: 'binary',
  [TypeCode.JSON]: 'utf8',
};

function exceeds(rows: readonly unknown[][], index: number, max: bigint): boolean {
  // An integer below the maximum rounded to a double is below the maximum: no BigInt needed.
  // Everything else (bigints, text, fractions, which BigInt rejects) goes through BigInt.
  const maxNumber = Number(max);
  for (const row of rows) {
    const value = row[index];
    if (value === null || value === undefined) continue;
    if (typeof value === 'number' && Number.isInteger(value) && value < maxNumber) continue;
    if (BigInt(value as bigint) > max) return true;
  }
  return false;
}

/**
 * The ColumnBatch layout of a Data API column, matching @s2/wire's choice for the same SQL
 * type. SingleStore's Data API does not always say UNSIGNED, so an integer column with a value
 * above the signed maximum is laid out unsigned instead of wrapping around.
 */
function columnSpec(
  description: ColumnDescription,
  rows: readonly unknown[][],
  index: number,
): ColumnSpec {
  const { typeCode } = description;
  const element = vectorElementOf(typeCode);
  if (isVectorTypeCode(typeCode) && element !== undefined) {
    return {
      kind: 'vector',
      typeCode,
      dims: description.internalSize ?? 0,
      vectorElement: element.name.toLowerCase() as VectorElement,
    };
  }
  const integer = INTEGER_KINDS[typeCode];
  if (integer !== undefined) {
    const [signed, unsigned, max] = integer;
    const isUnsigned = (description.flags & ColumnFlag.UNSIGNED) !== 0 || exceeds(rows, index, max);
    return { kind: isUnsigned ? unsigned : signed, typeCode };
  }
  // The description carries DECIMAL's scale and the fraction digits of TIME, DATETIME and
  // TIMESTAMP alike in `scale`, as the wire's decimals byte does.
  const decimals = description.scale ?? 0;
  const kind =
    FIXED_KINDS[typeCode] ?? (description.charset === BINARY_CHARSET ? 'binary' : 'utf8');
  return { kind, typeCode, decimals };
}

/**
 * The statement results of a `/query/tuples` answer: one buffered result set per entry, its
 * rows decoded into a ColumnBatch exactly as the wire client decodes the same SQL values, one
 * column at a time.
 */
export function tuplesResults(body: unknown): StatementResult[] {
  const results = ((body as { results?: TuplesResult[] }).results ?? []) as TuplesResult[];
  return results.map((result) => {
    const rows = result.rows ?? [];
    const columns = (result.columns ?? []).map((column) => describeDataApiColumn(column));
    const specs = columns.map((description, index) => columnSpec(description, rows, index));
    const batch = {
      numRows: rows.length,
      columns: specs.map((spec, index) => tuplesColumn(spec, rows, index)),
    };
    return { kind: 'rows', columns, batches: [batch] };
  });
}
