import { ManagementError } from '../management-error.js';

/** Retry settings for idempotent calls (and 429 answers to any call). */
export interface RetrySettings {
  /** How many times to retry; default 3. */
  limit?: number;
  /** Upper bound of one backoff delay in milliseconds; default 10 000. */
  backoffLimit?: number;
  /** Longest Retry-After honoured, in milliseconds; default 60 000. */
  maxRetryAfter?: number;
}

/** Where a token comes from when it is not a fixed string. */
export type TokenProvider = () => string | Promise<string>;

/** Options of every `manage*()` factory. Explicit options win over environment variables. */
export interface ManagementOptions {
  /** API key or JWT; else `SINGLESTOREDB_MANAGEMENT_TOKEN`, else a JWT password in `SINGLESTOREDB_URL`. */
  accessToken?: string | TokenProvider;
  /** Base URL; else `SINGLESTOREDB_MANAGEMENT_BASE_URL`, else `https://api.singlestore.com`. */
  baseUrl?: string;
  /** Version path segment; else `SINGLESTOREDB_MANAGEMENT_VERSION`, else `v1`. */
  version?: string;
  /** Sent as the `organizationID` query parameter; else `SINGLESTOREDB_ORGANIZATION`. */
  organizationId?: string;
  /** Per-request timeout in milliseconds (until the response headers arrive); default 60 000. */
  timeout?: number;
  /** Retry settings; `false` turns retries off. */
  retry?: RetrySettings | false;
  /** The fetch implementation; default `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/** The settings a client runs with, resolved from options and the environment. */
export interface ClientSettings {
  baseUrl: string;
  version: string;
  organizationId: string | undefined;
  timeout: number;
  retry: Required<RetrySettings> | false;
  fetch: typeof fetch | undefined;
  /** Resolves the bearer token for the next request. */
  token: () => Promise<string>;
}

const defaultBaseUrl = 'https://api.singlestore.com';

function environment(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

function decodeBase64Url(text: string): string {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/');
  return atob(padded + '='.repeat((4 - (padded.length % 4)) % 4));
}

/**
 * Whether a string is a JWT that has not expired: three base64url parts whose header names an
 * algorithm. The signature is not checked; the API does that.
 */
export function isUsableJwt(candidate: string, now = Date.now()): boolean {
  const parts = candidate.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return false;
  try {
    const header: unknown = JSON.parse(decodeBase64Url(parts[0] ?? ''));
    if (typeof header !== 'object' || header === null || !('alg' in header)) return false;
    const payload: unknown = JSON.parse(decodeBase64Url(parts[1] ?? ''));
    if (typeof payload === 'object' && payload !== null && 'exp' in payload) {
      const expiry = Number(payload.exp);
      if (Number.isFinite(expiry) && expiry * 1000 <= now) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** The password of `SINGLESTOREDB_URL` when it is a usable JWT (the notebook case). */
export function jwtFromDatabaseUrl(url = environment('SINGLESTOREDB_URL')): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url.includes('://') ? url : `mysql://${url}`);
    const password = decodeURIComponent(parsed.password);
    return password !== '' && isUsableJwt(password) ? password : undefined;
  } catch {
    return undefined;
  }
}

function tokenFromEnvironment(): string | undefined {
  return environment('SINGLESTOREDB_MANAGEMENT_TOKEN') ?? jwtFromDatabaseUrl();
}

const noToken = () =>
  new ManagementError(
    'No management token was configured: pass accessToken, or set SINGLESTOREDB_MANAGEMENT_TOKEN or a JWT password in SINGLESTOREDB_URL.',
    { code: 'NO_TOKEN' },
  );

/**
 * Resolves factory options against the environment. Base URL and version are read now; the
 * token, when not passed, is looked up again before every request so refreshed JWTs are used.
 */
export function resolveSettings(options: ManagementOptions = {}): ClientSettings {
  const { accessToken } = options;
  let token: () => Promise<string>;
  if (typeof accessToken === 'string') {
    token = async () => accessToken;
  } else if (typeof accessToken === 'function') {
    token = async () => await accessToken();
  } else {
    if (tokenFromEnvironment() === undefined) throw noToken();
    token = async () => {
      const found = tokenFromEnvironment();
      if (found === undefined) throw noToken();
      return found;
    };
  }
  const retry =
    options.retry === false
      ? false
      : {
          limit: options.retry?.limit ?? 3,
          backoffLimit: options.retry?.backoffLimit ?? 10_000,
          maxRetryAfter: options.retry?.maxRetryAfter ?? 60_000,
        };
  return {
    baseUrl: (
      options.baseUrl ??
      environment('SINGLESTOREDB_MANAGEMENT_BASE_URL') ??
      defaultBaseUrl
    ).replace(/\/+$/, ''),
    version: (options.version ?? environment('SINGLESTOREDB_MANAGEMENT_VERSION') ?? 'v1').replace(
      /^\/+|\/+$/g,
      '',
    ),
    organizationId: options.organizationId,
    timeout: options.timeout ?? 60_000,
    retry,
    fetch: options.fetch,
    token,
  };
}

/** The organization ID for a request: the factory option, else `SINGLESTOREDB_ORGANIZATION` now. */
export function organizationFor(settings: ClientSettings): string | undefined {
  return settings.organizationId ?? environment('SINGLESTOREDB_ORGANIZATION');
}
