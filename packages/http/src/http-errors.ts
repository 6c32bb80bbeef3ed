import { errorFromServer, InterfaceError, OperationalError, type S2Error } from '@s2/core-cursor';

const ERRNO_BODY = /^\s*Error\s+(\d+)[^:]*:\s*([\s\S]*)$/;

/**
 * The error for a Data API answer with status ≥ 400 (data-api.md §9.2): `Error NNNN: message`
 * bodies map by errno (so 1146 is a ProgrammingError as over the wire), other bodies carry the
 * HTTP status as errno (InternalError), and an empty body is `InterfaceError(status, 'HTTP Error')`.
 */
export function errorFromResponse(status: number, body: string): S2Error {
  const match = ERRNO_BODY.exec(body);
  if (match) return errorFromServer({ errno: Number(match[1]), message: (match[2] ?? '').trim() });
  const text = body.trim();
  if (text === '') return new InterfaceError('HTTP Error', { errno: status });
  return errorFromServer({ errno: status, message: text });
}

/**
 * The error for an HTTP 200 answer that carries `"error": {"code", "message"}` (§9.1): a later
 * statement failed after earlier ones ran. Mapped by errno like every other server error (1146 →
 * ProgrammingError), so the class matches what `@s2/wire` throws for the same statement; the
 * Python SDK makes every such error an OperationalError.
 */
export function errorFromErrorField(field: unknown): S2Error {
  const { code, message } = (field ?? {}) as { code?: unknown; message?: unknown };
  const errno = Number(code ?? 0);
  const text = typeof message === 'string' ? message : 'Data API error';
  return Number.isInteger(errno) && errno > 0
    ? errorFromServer({ errno, message: text })
    : new OperationalError(text, { errno: 0 });
}

/** The error for a request that never got an answer: network failure, timeout or abort. */
export function transportError(error: unknown, endpoint: string, signal?: AbortSignal): S2Error {
  if (signal?.aborted) {
    return new OperationalError('Query execution was interrupted', {
      errno: 1317,
      cause: signal.reason,
    });
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') {
    return new OperationalError(`The Data API request to ${endpoint} timed out`, {
      errno: 2013,
      cause: error,
    });
  }
  return new OperationalError(`Can't reach the Data API at ${endpoint}`, {
    errno: 2003,
    cause: error,
  });
}
