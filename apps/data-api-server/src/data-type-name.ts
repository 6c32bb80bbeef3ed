import { BINARY_CHARSET, ColumnFlag, TypeCode } from '@s2/core-cursor';
import type { ColumnDefinition } from '@s2/wire';

const INTEGER_NAMES: Readonly<Record<number, string>> = {
  [TypeCode.TINY]: 'TINYINT',
  [TypeCode.SHORT]: 'SMALLINT',
  [TypeCode.INT24]: 'MEDIUMINT',
  [TypeCode.LONG]: 'INT',
  [TypeCode.LONGLONG]: 'BIGINT',
};

const PLAIN_NAMES: Readonly<Record<number, string>> = {
  [TypeCode.FLOAT]: 'FLOAT',
  [TypeCode.DOUBLE]: 'DOUBLE',
  [TypeCode.NULL]: 'NULL',
  [TypeCode.DATE]: 'DATE',
  [TypeCode.NEWDATE]: 'DATE',
  [TypeCode.YEAR]: 'YEAR',
  [TypeCode.BIT]: 'BIT',
  [TypeCode.JSON]: 'JSON',
  [TypeCode.GEOMETRY]: 'GEOMETRY',
  [TypeCode.BSON]: 'BSON',
};

const FRACTIONAL_NAMES: Readonly<Record<number, string>> = {
  [TypeCode.TIMESTAMP]: 'TIMESTAMP',
  [TypeCode.DATETIME]: 'DATETIME',
  [TypeCode.TIME]: 'TIME',
};

/** Text and binary twins, chosen by the column's charset as SingleStore (and Go's driver) do. */
const CHARSET_NAMES: Readonly<Record<number, readonly [text: string, binary: string]>> = {
  [TypeCode.VARCHAR]: ['VARCHAR', 'VARBINARY'],
  [TypeCode.VAR_STRING]: ['VARCHAR', 'VARBINARY'],
  [TypeCode.STRING]: ['CHAR', 'BINARY'],
  [TypeCode.TINY_BLOB]: ['TINYTEXT', 'TINYBLOB'],
  [TypeCode.MEDIUM_BLOB]: ['MEDIUMTEXT', 'MEDIUMBLOB'],
  [TypeCode.LONG_BLOB]: ['LONGTEXT', 'LONGBLOB'],
  [TypeCode.BLOB]: ['TEXT', 'BLOB'],
};

/** DECIMAL's display length counts the sign and the decimal point besides the digits. */
function decimalPrecision(column: ColumnDefinition): number {
  const unsigned = (column.flags & ColumnFlag.UNSIGNED) !== 0;
  return column.length - (column.decimals > 0 ? 1 : 0) - (unsigned ? 0 : 1);
}

/**
 * The `dataType` string the Data API reports for a column (data-api.md §8.1, §11): the Go
 * MySQL driver's type names (`UNSIGNED BIGINT`, `VARBINARY`, `TEXT` vs `BLOB` by charset), with
 * precision and scale for DECIMAL and the fraction digits of DATETIME, TIMESTAMP and TIME.
 */
export function dataTypeName(column: ColumnDefinition): string {
  const { typeCode, flags } = column;
  if (column.vector !== undefined) {
    return `VECTOR(${column.vector.dims}, ${column.vector.element.toUpperCase()})`;
  }
  const integer = INTEGER_NAMES[typeCode];
  if (integer !== undefined) {
    return (flags & ColumnFlag.UNSIGNED) !== 0 ? `UNSIGNED ${integer}` : integer;
  }
  if (typeCode === TypeCode.DECIMAL || typeCode === TypeCode.NEWDECIMAL) {
    return `DECIMAL(${decimalPrecision(column)},${column.decimals})`;
  }
  const fractional = FRACTIONAL_NAMES[typeCode];
  if (fractional !== undefined) {
    return column.decimals > 0 && column.decimals <= 6
      ? `${fractional}(${column.decimals})`
      : fractional;
  }
  if ((flags & ColumnFlag.ENUM) !== 0 || typeCode === TypeCode.ENUM) return 'ENUM';
  if ((flags & ColumnFlag.SET) !== 0 || typeCode === TypeCode.SET) return 'SET';
  const plain = PLAIN_NAMES[typeCode];
  if (plain !== undefined) return plain;
  const twins = CHARSET_NAMES[typeCode] ?? CHARSET_NAMES[TypeCode.VAR_STRING];
  if (twins === undefined) return 'VARCHAR';
  return column.charset === BINARY_CHARSET ? twins[1] : twins[0];
}
