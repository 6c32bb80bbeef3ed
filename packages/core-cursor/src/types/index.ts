export { type DataApiType, parseDataApiType } from './data-api-type-codes.js';
export {
  BINARY,
  Binary,
  DATETIME,
  DateFromTicks,
  DbApiType,
  dbapi,
  NUMBER,
  ROWID,
  STRING,
  Time,
  TimeFromTicks,
  Timestamp,
  TimestampFromTicks,
} from './dbapi-types.js';
export {
  type ColumnDescription,
  ColumnFlag,
  type DataApiColumn,
  describeDataApiColumn,
  describeWireColumn,
  type WireColumn,
} from './description.js';
export {
  BINARY_CHARSET,
  extendedTypeCode,
  isBinaryVectorTypeCode,
  isVectorTypeCode,
  TypeCode,
  type TypeCodeValue,
  typeCodeName,
  type VectorElementType,
  vectorElementByName,
  vectorElementOf,
} from './type-codes.js';
