import { S2Error } from '@s2/core-cursor';

/** A failed request: the HTTP status and the plain-text body to answer with. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(body);
    this.name = 'HttpProblem';
  }
}

const ACCESS_DENIED = new Set([1045, 1698]);
const FORBIDDEN = new Set([1044, 1142, 1143, 1227, 1370]);
/** Client-side errors of the MySQL protocol: the target server could not be reached or used. */
const CLIENT_ERRORS_FROM = 2000;

function statusFor(errno: number): number {
  if (ACCESS_DENIED.has(errno)) return 401;
  if (FORBIDDEN.has(errno)) return 403;
  if (errno >= CLIENT_ERRORS_FROM) return 502;
  return 400;
}

/**
 * Turns anything a request's processing threw into the Data API's error form (data-api.md
 * §9.1): SQL errors as `Error NNNN: message` with a 4xx status, failures to reach the target
 * server as 502, anything else as 500 without internal details.
 */
export function problemFrom(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (S2Error.isInstance(error)) {
    const errno = error.errno ?? 0;
    if (errno > 0) return new HttpProblem(statusFor(errno), `Error ${errno}: ${error.detail}`);
    return new HttpProblem(400, error.detail);
  }
  return new HttpProblem(500, 'Internal server error');
}
