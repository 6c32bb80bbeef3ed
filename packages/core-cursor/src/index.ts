// Options, connection parameters, errors, type codes, parameters

// Values, results, cursors, accessors
export type {
  ColumnBatch,
  ColumnKind,
  ColumnValues,
  ColumnVector,
  VectorElement,
} from './column-batch.js';
export { ColumnBatchBuilder, type ColumnSpec } from './column-batch-builder.js';
export {
  buildConnectionParams,
  type ConnectionInput,
  type ConnectionParamFields,
  type ConnectionParams,
  type Driver,
  defaultPort,
  isConnectionUrl,
  type ParsedConnectionUrl,
  parseConnectionUrl,
  type SslMode,
} from './connection-params/index.js';
export {
  Connection,
  type ConnectionSettings,
  type CursorOptions,
  type ExecResult,
} from './cursor/connection.js';
export { Cursor, type RowOf } from './cursor/cursor.js';
export { DEFAULT_MAX_STATEMENT_BYTES } from './cursor/execute-many.js';
export type { ExecuteManyOptions, ExecuteOptions } from './cursor/execute-options.js';
export type { ParameterInterpolator, StatementParams } from './cursor/interpolate.js';
export type {
  BufferedResultSet,
  ExecuteRequest,
  InfileStream,
  OkResult,
  ResultColumnDescription,
  StatementResult,
  StreamingResultSet,
  Transport,
} from './cursor/transport.js';
export {
  DatabaseError,
  DataError,
  ERROR_BRAND,
  errorAtRow,
  errorClassForErrno,
  errorFromServer,
  IntegrityError,
  InterfaceError,
  InternalError,
  ManagementError,
  NotSupportedError,
  OperationalError,
  ProgrammingError,
  S2Error,
  type S2ErrorOptions,
  S2Warning,
  type ServerErrorClass,
  type ServerErrorReport,
} from './errors/index.js';
export {
  type InterceptedStatement,
  registerStatementInterceptor,
  type StatementInterceptor,
} from './interceptor/statement-interceptor.js';
export {
  describeOption,
  getOption,
  getOptionSource,
  OPTION_NAMES,
  type OptionName,
  type OptionOverrides,
  type OptionSource,
  type OptionsObject,
  type OptionValue,
  options,
  RESULTS_TYPES,
  resetOption,
  SSL_MODES,
  setOption,
  withOptions,
} from './options/index.js';
export {
  createInterpolator,
  type DataApiStatement,
  type EscapeOptions,
  escapeValue,
  type Interpolator,
  interpolate,
  type PositionalStatement,
  parameterBytes,
  type SqlParams,
  SqlStatement,
  scanPlaceholders,
  sql,
  toDataApiStatement,
  toPositionalStatement,
} from './params/index.js';
export type { ColumnData, ColumnsResult } from './results/columns.js';
export type { DictRow } from './results/dicts.js';
export {
  formatResult,
  type ResultsOf,
  type ResultsType,
  type ResultsTypeName,
  resolveResultsType,
} from './results/result-format.js';
export { type TupleRow, toTuples } from './results/tuples.js';
export { ShowAccessor } from './show/show-accessor.js';
export { ShowResult } from './show/show-result.js';
export {
  BINARY,
  BINARY_CHARSET,
  Binary,
  type ColumnDescription,
  ColumnFlag,
  DATETIME,
  type DataApiColumn,
  DateFromTicks,
  DbApiType,
  dbapi,
  describeDataApiColumn,
  describeWireColumn,
  extendedTypeCode,
  isVectorTypeCode,
  NUMBER,
  parseDataApiType,
  ROWID,
  STRING,
  Time,
  TimeFromTicks,
  Timestamp,
  TimestampFromTicks,
  TypeCode,
  typeCodeName,
  type VectorElementType,
  vectorElementOf,
  type WireColumn,
} from './types/index.js';
export { jsonText, type LosslessJsonOptions, parseJsonLossless } from './values/lossless-json.js';
export {
  type BigintMode,
  DEFAULT_VALUE_OPTIONS,
  resolveValueOptions,
  type ValueOptions,
} from './values/value-options.js';
export {
  VariableAccessor,
  type VariableScope,
  type VariableValue,
} from './variables/variable-accessor.js';
