import { NotSupportedError } from '../errors/index.js';

/** Statement parameters: an array for `?` placeholders, an object for `:name` ones. */
export type StatementParams = readonly unknown[] | Readonly<Record<string, unknown>>;

/**
 * Inlines parameters into SQL as escaped literals (client-side interpolation, as the Python
 * SDK does). Connections receive it in their settings, so a transport can pass its own
 * escaping options (nanAsNull, infAsNull…) bound in.
 */
export type ParameterInterpolator = (sql: string, params: StatementParams) => string;

/**
 * The single place where SQL and parameters meet. Parameter interpolation itself lives in
 * `src/params/`; until a connection is given an interpolator, statements with parameters are
 * refused rather than sent with the placeholders unfilled.
 */
export function interpolateStatement(
  sql: string,
  params: StatementParams | undefined,
  interpolator: ParameterInterpolator | undefined,
): string {
  if (params === undefined) return sql;
  if (!interpolator) {
    throw new NotSupportedError(
      'This connection has no parameter interpolator: pass interpolate in its settings',
    );
  }
  return interpolator(sql, params);
}
