import { OperationalError, type S2Error } from '@s2/core-cursor';
import { ClientErrno } from '../protocol/protocol-constants.js';

/**
 * The error of a query stopped by its signal or timeout: errno 1317 (the server's "query
 * execution was interrupted"), the abort reason as cause, and the server's own error, if
 * any, in the message.
 */
export function abortError(reason: unknown, serverError?: unknown): S2Error {
  const detail = serverError instanceof Error ? ` (${serverError.message})` : '';
  return new OperationalError(`Query execution was interrupted${detail}`, {
    errno: ClientErrno.QUERY_INTERRUPTED,
    cause: reason,
  });
}
