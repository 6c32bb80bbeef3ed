export { bindPlaceholders, type SqlParams } from './bind-placeholders.js';
export { type DataApiStatement, toDataApiStatement } from './data-api-args.js';
export {
  type EscapeOptions,
  escapeBytes,
  escapeNumber,
  escapeString,
  escapeValue,
  formatDateParameter,
  parameterBytes,
} from './escape.js';
export { createInterpolator, type Interpolator, interpolate } from './interpolate.js';
export { type PositionalStatement, toPositionalStatement } from './positional-statement.js';
export { type Placeholder, type ScanResult, scanPlaceholders } from './scan-placeholders.js';
export { SqlStatement, sql, statementParts } from './sql-tag.js';
