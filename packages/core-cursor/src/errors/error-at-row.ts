import { S2Error, type S2ErrorOptions } from './s2-error.js';

/**
 * The error of one row of `executeMany`, saying which row it was: an `S2Error` becomes one of
 * the same class, errno and SQLSTATE whose message starts with `executeMany rows[i]:`, the
 * original kept as `cause`, so `IntegrityError.isInstance` and errno checks still hold. Any
 * other value is returned unchanged.
 */
export function errorAtRow(error: unknown, row: number): unknown {
  if (!S2Error.isInstance(error)) return error;
  const ErrorClass = error.constructor as new (message: string, options: S2ErrorOptions) => S2Error;
  return new ErrorClass(`executeMany rows[${row}]: ${error.detail}`, {
    ...(error.errno === undefined ? {} : { errno: error.errno }),
    ...(error.sqlState === undefined ? {} : { sqlState: error.sqlState }),
    cause: error,
  });
}
