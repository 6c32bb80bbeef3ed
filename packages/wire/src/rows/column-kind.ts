import type { ColumnDefinition } from '../packets/column-definition.js';
import {
  BINARY_CHARSET,
  ColumnFlag,
  ColumnType,
  ExtendedTypeCode,
} from '../protocol/protocol-constants.js';
import type { ColumnKind } from './column-batch.js';

/** The ColumnBatch layout a column's values decode into (ARCHITECTURE.md §4). */
export function columnKind(column: ColumnDefinition): ColumnKind {
  if (column.vector !== undefined) return 'vector';
  const unsigned = (column.flags & ColumnFlag.UNSIGNED) !== 0;
  switch (column.typeCode) {
    case ColumnType.TINY:
      return unsigned ? 'uint8' : 'int8';
    case ColumnType.SHORT:
    case ColumnType.YEAR:
      return unsigned ? 'uint16' : 'int16';
    case ColumnType.INT24:
    case ColumnType.LONG:
      return unsigned ? 'uint32' : 'int32';
    case ColumnType.LONGLONG:
      return unsigned ? 'uint64' : 'int64';
    case ColumnType.FLOAT:
    case ColumnType.DOUBLE:
      return 'float64';
    case ColumnType.DECIMAL:
    case ColumnType.NEWDECIMAL:
      return 'decimal';
    case ColumnType.DATE:
    case ColumnType.NEWDATE:
      return 'date';
    case ColumnType.DATETIME:
    case ColumnType.TIMESTAMP:
      return 'timestamp';
    case ColumnType.TIME:
      return 'time';
    case ColumnType.NULL:
      return 'null';
    case ColumnType.BIT:
    case ExtendedTypeCode.BSON:
      return 'binary';
    case ColumnType.JSON:
      return 'utf8';
    default:
      return column.charset === BINARY_CHARSET ? 'binary' : 'utf8';
  }
}
