import {
  buildConnectionParams,
  Connection,
  type ConnectionInput,
  type ConnectionParams,
  createInterpolator,
  InterfaceError,
  NotSupportedError,
  type ResultsType,
} from '@s2/core-cursor';
import ky from 'ky';
import { HttpTransport } from './http-transport.js';
import { compressionThreshold } from './request-compression.js';

/** HTTP-only settings of {@link connect}, next to the shared connection parameters. */
export interface HttpOptions {
  /** The `fetch` to use (a mock, a proxy agent, a Worker's binding); default globalThis.fetch. */
  fetch?: typeof fetch;
  /**
   * Milliseconds each statement request may take; default none (quirk 69: connectTimeout no
   * longer caps query time). The caller's AbortSignal applies as well.
   */
  queryTimeout?: number;
  /** Retries of /ping and of read-only queries after a network error or 502/503/504; default 2. */
  retries?: number;
  /** Extra headers on every request (never logged). */
  headers?: Record<string, string>;
  /**
   * Gzip request bodies (`Content-Encoding: gzip`): `true` for bodies of 1 KiB or more, a number
   * for bodies of at least that many bytes, default `false`. Off by default because
   * SingleStore's own Data API is not documented to accept compressed bodies; turn it on for
   * servers that do, such as `apps/data-api-server`. Needs `CompressionStream` (browsers, edge
   * runtimes, Node 18+); where it is missing, bodies go uncompressed.
   */
  compressRequests?: boolean | number;
}

const MS_PER_SECOND = 1000;

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function authorizationOf(params: ConnectionParams): string | undefined {
  if (params.credentialType === 'jwt' || params.credentialType === 'browser_sso') {
    return params.password ? `Bearer ${params.password}` : undefined;
  }
  if (params.user === undefined) return undefined;
  return `Basic ${base64Utf8(`${params.user}:${params.password ?? ''}`)}`;
}

function originOf(params: ConnectionParams): string {
  const host = params.host.includes(':') ? `[${params.host}]` : params.host;
  return `${params.driver}://${host}:${params.port}/`;
}

/**
 * A connection to SingleStoreDB's Data API, with the same Connection/Cursor contract as
 * `@s2/wire`. Stateless: every statement is one HTTP request, so transactions, `USE` and session
 * variables throw NotSupportedError; `database` is sent with each request instead.
 */
export class HttpConnection<T extends ResultsType = ResultsType> extends Connection<T> {
  /** The Data API base URL, without credentials. */
  readonly baseUrl: string;

  constructor(params: ConnectionParams, options: HttpOptions = {}) {
    if (params.driver !== 'http' && params.driver !== 'https') {
      throw new InterfaceError(
        `@s2/http needs an http:// or https:// URL (or driver 'http'/'https'), not ${params.driver}`,
      );
    }
    if (params.multiStatements) {
      throw new InterfaceError('The Data API does not allow multiple statements within a query', {
        errno: 0,
      });
    }
    if (params.autocommit === false) {
      throw new NotSupportedError(
        'autocommit cannot be turned off over HTTP: the Data API keeps no session between requests',
      );
    }
    const escaping = { nanAsNull: params.nanAsNull, infAsNull: params.infAsNull };
    const inline = createInterpolator(escaping);
    const baseUrl = originOf(params);
    const client = ky.create({
      prefixUrl: baseUrl,
      throwHttpErrors: false,
      retry: 0,
      timeout: false,
      headers: { accept: 'application/json', ...options.headers },
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    const transport = new HttpTransport({
      client,
      authorization: authorizationOf(params),
      database: params.database,
      queryTimeout:
        options.queryTimeout ??
        (params.readTimeout === undefined ? undefined : params.readTimeout * MS_PER_SECOND),
      connectTimeout: params.connectTimeout * MS_PER_SECOND,
      retries: options.retries ?? 2,
      escaping,
      compressFrom: compressionThreshold(options.compressRequests),
    });
    super(transport, {
      resultsType: params.resultsType,
      buffered: true,
      // No prepared statements here: `prepare` keeps values out of the SQL text, as `args`.
      prepare: params.prepare,
      valueOptions: {
        bigint: params.bigint,
        decimal: params.decimal,
        dates: params.dates,
        parseJson: params.parseJson,
      },
      interpolate: inline,
    });
    this.baseUrl = baseUrl;
  }
}

/**
 * Opens a Data API connection. No request is made (the Data API has no connect step); call
 * `ping()` to check the server.
 *
 * @param input - `https://user:password@host[:port]/database?bigint=bigint`, or connection
 *   parameters with `driver: 'https'`; the same names and `SINGLESTOREDB_*` variables as
 *   `@s2/wire`.
 * @example
 * ```ts
 * await using conn = await connect('https://admin:secret@svc-123.singlestore.com/app');
 * const rows = await conn.query('SELECT id, total FROM orders WHERE id = ?', [42n]);
 * ```
 */
export async function connect(
  input: string | ConnectionInput,
  options: HttpOptions = {},
): Promise<HttpConnection> {
  return new HttpConnection(buildConnectionParams(input), options);
}
