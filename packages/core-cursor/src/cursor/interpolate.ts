import { createInterpolator, type SqlParams } from '../params/index.js';

/** Statement parameters: an array for `?` placeholders, an object for `:name` ones. */
export type StatementParams = SqlParams;

/**
 * Inlines parameters into SQL as escaped literals (client-side interpolation, as the Python
 * SDK does). A transport passes one built with `createInterpolator(escapeOptions)` so that
 * NO_BACKSLASH_ESCAPES, nanAsNull and infAsNull apply.
 */
export type ParameterInterpolator = (sql: string, params: StatementParams) => string;

const defaultInterpolator = createInterpolator();

/**
 * The single place where SQL and parameters meet: without params the SQL is sent verbatim,
 * otherwise the connection's interpolator (default escaping when it has none) inlines them.
 */
export function interpolateStatement(
  sql: string,
  params: StatementParams | undefined,
  interpolator: ParameterInterpolator | undefined,
): string {
  if (params === undefined) return sql;
  return (interpolator ?? defaultInterpolator)(sql, params);
}
