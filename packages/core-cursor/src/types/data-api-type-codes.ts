import { TypeCode, vectorElementByName } from './type-codes.js';

const NAME_CODES: ReadonlyMap<string, number> = new Map(
  (
    [
      [['DECIMAL', 'DEC', 'FIXED', 'NUMERIC', 'NEWDECIMAL'], TypeCode.NEWDECIMAL],
      [['TINY', 'TINYINT', 'BOOL', 'BOOLEAN'], TypeCode.TINY],
      [['SHORT', 'SMALLINT'], TypeCode.SHORT],
      [['INT', 'INTEGER', 'LONG'], TypeCode.LONG],
      [['FLOAT'], TypeCode.FLOAT],
      [['DOUBLE', 'REAL'], TypeCode.DOUBLE],
      [['NULL'], TypeCode.NULL],
      [['TIMESTAMP'], TypeCode.TIMESTAMP],
      [['BIGINT', 'LONGLONG'], TypeCode.LONGLONG],
      [['MEDIUMINT', 'INT24'], TypeCode.INT24],
      [['DATE'], TypeCode.DATE],
      [['TIME'], TypeCode.TIME],
      [['DATETIME'], TypeCode.DATETIME],
      [['YEAR'], TypeCode.YEAR],
      [['NEWDATE'], TypeCode.NEWDATE],
      [['VARCHAR', 'VARBINARY', 'VARSTRING', 'VAR_STRING'], TypeCode.VAR_STRING],
      [['BIT'], TypeCode.BIT],
      [['JSON'], TypeCode.JSON],
      [['ENUM'], TypeCode.ENUM],
      [['SET'], TypeCode.SET],
      [['TINYBLOB', 'TINYTEXT'], TypeCode.TINY_BLOB],
      [['MEDIUMBLOB', 'MEDIUMTEXT'], TypeCode.MEDIUM_BLOB],
      [['LONGBLOB', 'LONGTEXT'], TypeCode.LONG_BLOB],
      [['BLOB', 'TEXT'], TypeCode.BLOB],
      [['BINARY', 'STRING', 'CHAR'], TypeCode.STRING],
      [['GEOMETRY'], TypeCode.GEOMETRY],
      [['GEOGRAPHY', 'GEOGRAPHYPOINT'], TypeCode.VAR_STRING],
      [['BSON'], TypeCode.BSON],
    ] as const
  ).flatMap(([names, code]) => names.map((name) => [name, code] as const)),
);

/** What a Data API `dataType` string says about a column. */
export interface DataApiType {
  typeCode: number;
  unsigned: boolean;
  /** True for `*BLOB` / `*BINARY` types (charset 63 in `description`). */
  binary: boolean;
  precision: number | null;
  scale: number | null;
  /** Vector dimension, when the type is a VECTOR. */
  dimension: number | null;
}

/** Temporal types whose one argument is fractional-second digits, not a precision. */
const TEMPORAL_WITH_FRACTION: ReadonlySet<string> = new Set(['TIME', 'DATETIME', 'TIMESTAMP']);

/**
 * Reads a Data API `dataType` such as `DECIMAL(10,2)`, `UNSIGNED BIGINT`, `BIGINT UNSIGNED`
 * or `VECTOR(3, F32)`. Unlike the Python SDK, unknown names never throw: they are reported as
 * VAR_STRING so the value passes through as the JSON gave it. VECTORs get the JSON-projected
 * vector codes (2001–2007), since the Data API sends them as JSON arrays.
 */
export function parseDataApiType(dataType: string): DataApiType {
  const open = dataType.indexOf('(');
  const close = dataType.lastIndexOf(')');
  const head = (open < 0 ? dataType : dataType.slice(0, open) + dataType.slice(close + 1))
    .trim()
    .toUpperCase();
  const args =
    open < 0 || close < open
      ? []
      : dataType
          .slice(open + 1, close)
          .split(',')
          .map((part) => part.trim());
  const words = head.split(/\s+/).filter((word) => word !== '');
  const unsigned = words.includes('UNSIGNED');
  const name = words.filter((word) => word !== 'UNSIGNED' && word !== 'SIGNED').join(' ');

  const numericArg = (index: number): number | null => {
    const text = args[index];
    return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
  };

  if (name === 'VECTOR') {
    const element = vectorElementByName(args[1] ?? 'F32');
    return {
      typeCode: 2000 + (element?.code ?? 1),
      unsigned: false,
      binary: false,
      precision: null,
      scale: null,
      dimension: numericArg(0),
    };
  }
  // TIME(n), DATETIME(n) and TIMESTAMP(n) give fractional-second digits: the wire reports
  // those as the scale (the decimals byte), so the HTTP description must too.
  const fractional = TEMPORAL_WITH_FRACTION.has(name);
  return {
    typeCode: NAME_CODES.get(name) ?? TypeCode.VAR_STRING,
    unsigned,
    binary: name.endsWith('BLOB') || name.endsWith('BINARY'),
    precision: fractional ? null : numericArg(0),
    scale: fractional ? numericArg(0) : numericArg(1),
    dimension: null,
  };
}
