const errorBrand = Symbol.for('@s2/error');

/** What kind of failure a ManagementError reports. */
export type ManagementErrorCode =
  | 'HTTP'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'WAIT_TIMEOUT'
  | 'WAIT_FAILED'
  | 'INVALID_RESPONSE'
  | 'INVALID_ARGUMENT'
  | 'NO_TOKEN'
  | 'NOT_SUPPORTED'
  | 'EEXIST'
  | 'ENOENT'
  | 'EISDIR'
  | 'ENOTDIR'
  | 'ENOTEMPTY';

/** Details of a ManagementError; all but the message are optional. */
export interface ManagementErrorDetails {
  code?: ManagementErrorCode;
  status?: number;
  method?: string;
  path?: string;
  bodyExcerpt?: string;
  cause?: unknown;
}

/**
 * The one error of the Management API client: HTTP failures (with status, method, path and an
 * excerpt of the body), invalid responses, waits that time out and file-system style refusals.
 * It carries the SDK's cross-install brand, so `ManagementError.isInstance` works even when two
 * copies of the package are installed. Messages never contain the access token.
 */
export class ManagementError extends Error {
  declare readonly [errorBrand]: readonly string[];
  override readonly name = 'ManagementError';
  /** What kind of failure this is. */
  readonly code: ManagementErrorCode;
  /** The HTTP status, as in the rest of the SDK's error family; undefined when no response came. */
  readonly errno: number | undefined;
  /** Always undefined: management errors carry no SQLSTATE. */
  readonly sqlState: undefined = undefined;
  /** The HTTP status of the failed response, if any. */
  readonly status: number | undefined;
  /** The HTTP method of the failed request, if any. */
  readonly method: string | undefined;
  /** The request path (relative to the API base, without the query), if any. */
  readonly path: string | undefined;
  /** The start of the response body, with secret-looking values masked. */
  readonly bodyExcerpt: string | undefined;

  constructor(message: string, details: ManagementErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    Object.defineProperty(this, errorBrand, {
      value: Object.freeze(['ManagementError', 'S2Error']),
      enumerable: false,
    });
    this.code = details.code ?? (details.status === undefined ? 'INVALID_ARGUMENT' : 'HTTP');
    this.status = details.status;
    this.errno = details.status;
    this.method = details.method;
    this.path = details.path;
    this.bodyExcerpt = details.bodyExcerpt;
  }

  /** Whether a value is a ManagementError from any installed copy of the SDK. */
  static isInstance(value: unknown): value is ManagementError {
    if (typeof value !== 'object' || value === null) return false;
    const names: unknown = (value as Record<symbol, unknown>)[errorBrand];
    return Array.isArray(names) && names.includes('ManagementError');
  }
}
