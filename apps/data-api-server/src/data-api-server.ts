import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { interpolate } from '@s2/core-cursor';
import type { WireConnectionOptions } from '@s2/wire';
import { ConnectionPool } from './connection-pool.js';
import { type BearerVerifier, type Credentials, credentialsOf } from './credentials.js';
import { HttpProblem, problemFrom } from './http-problem.js';
import { assertAdmin } from './jwks-setup.js';
import { JwtAuthenticator, type JwtOptions } from './jwt-auth.js';
import { OPENAPI_DOCUMENT } from './openapi-document.js';
import { MAX_BODY_BYTES, readJsonBody, readStatementRequest } from './request-body.js';
import { sendBody } from './response-body.js';
import { execResponseJson, queryResponseJson } from './result-json.js';
import { runStatements } from './run-statements.js';

/** How to start a {@link DataApiServer}. */
export interface DataApiServerOptions {
  /** The MySQL-compatible server to forward to: `mysql://host:port[/defaultDatabase]`. */
  target: string;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Largest accepted request body in bytes; default 1 MB as on SingleStore. */
  maxBodyBytes?: number;
  /** Connections per pool (one pool per user, password and database); default 10. */
  maxConnectionsPerPool?: number;
  /** `Access-Control-Allow-Origin`; default `*`. */
  corsOrigin?: string;
  /** Receives one line per request (never credentials or SQL); false silences it. */
  log?: ((line: string) => void) | false;
  /**
   * Turns Bearer tokens into credentials with your own code; when given, it decides alone and
   * `jwt` is not consulted. Without it or `jwt`, Bearer requests get 401.
   */
  verifyBearer?: BearerVerifier;
  /**
   * Built-in Bearer JWT authentication: a key set (inline, URL or file, or later through
   * `/api/v2/jwks_setup`), claim rules and the database login per token user.
   */
  jwt?: JwtOptions;
  /**
   * Enables `POST /api/v2/jwks_setup` for requests with `Authorization: Bearer <adminToken>`;
   * without it the endpoint answers 403. Use a long random secret.
   */
  adminToken?: string;
  /**
   * Lets one request carry several `;`-separated statements (the wire client's
   * CLIENT_MULTI_STATEMENTS); default false, as SingleStore's clients never send them
   * (data-api.md §12). When a later statement fails, the answer is HTTP 200 with the earlier
   * results and an `"error"` field.
   */
  multiStatements?: boolean;
  /**
   * Serve HTTPS instead of HTTP with this PEM certificate (chain) and private key. Anything
   * that crosses a network needs it: Basic passwords and Bearer tokens travel in every request.
   */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Extra wire options for the target (TLS and so on); credentials come from requests. */
  wireOptions?: Omit<WireConnectionOptions, 'url' | 'user' | 'password' | 'database'>;
}

/** A running Data API server. */
export interface DataApiServer {
  /** `http://host:port`, or `https://host:port` with `tls`. */
  readonly url: string;
  readonly port: number;
  /** Connections currently open to the target, over all pools. */
  openConnections(): number;
  /** Stops accepting requests, lets running ones finish, then closes every pooled connection. */
  stop(): Promise<void>;
}

type Endpoint = 'tuples' | 'rows' | 'exec';

const ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map([
  ['/api/v2/query/tuples', 'tuples'],
  ['/api/v2/query/rows', 'rows'],
  ['/api/v2/exec', 'exec'],
]);
/** A statement after which a session reset would leave another default database behind. */
const CHANGES_DATABASE = /\b(use|call)\b/i;
const SHUTDOWN_GRACE_MS = 10_000;
const JWKS_SETUP = '/api/v2/jwks_setup';
const OPENAPI_JSON = JSON.stringify(OPENAPI_DOCUMENT);

class RequestHandler {
  private readonly pools = new Map<string, ConnectionPool>();
  private readonly targetDatabase: string | undefined;

  private readonly verifyBearer: BearerVerifier | undefined;

  constructor(
    private readonly options: DataApiServerOptions,
    private readonly jwt: JwtAuthenticator | undefined,
  ) {
    const database = decodeURIComponent(new URL(options.target).pathname.slice(1));
    this.targetDatabase = database === '' ? undefined : database;
    this.verifyBearer =
      options.verifyBearer ?? (jwt === undefined ? undefined : (token) => jwt.credentials(token));
  }

  openConnections(): number {
    let total = 0;
    for (const pool of this.pools.values()) total += pool.size;
    return total;
  }

  async closePools(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<number> {
    response.setHeader('access-control-allow-origin', this.options.corsOrigin ?? '*');
    response.setHeader('vary', 'Origin');
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'Authorization, Content-Type, Accept',
        'access-control-max-age': '600',
      });
      response.end();
      return 204;
    }
    const endpoint = ENDPOINTS.get(path);
    const allowed =
      endpoint || path === JWKS_SETUP
        ? 'POST'
        : path === '/ping' || path === '/api/v2/spec'
          ? 'GET'
          : '';
    if (allowed === '') throw new HttpProblem(404, `Not found: ${path}`);
    if (method !== allowed && !(allowed === 'GET' && method === 'HEAD')) {
      throw new HttpProblem(405, `Method ${method} is not allowed here`, { allow: allowed });
    }
    if (path === '/ping') {
      sendBody(request.headers, response, 200, 'text/plain; charset=utf-8', 'pong');
    } else if (path === '/api/v2/spec') {
      sendBody(request.headers, response, 200, 'application/json', OPENAPI_JSON);
    } else if (path === JWKS_SETUP) {
      const body = await this.setUpJwks(request);
      sendBody(request.headers, response, 200, 'application/json', body);
    } else if (endpoint) {
      const body = await this.runStatement(request, response, endpoint);
      sendBody(request.headers, response, 200, 'application/json', body);
    }
    return 200;
  }

  /** `POST /api/v2/jwks_setup`: replaces the key set Bearer JWTs are verified against. */
  private async setUpJwks(request: IncomingMessage): Promise<string> {
    assertAdmin(request.headers, this.options.adminToken);
    if (this.jwt === undefined || this.options.verifyBearer !== undefined) {
      throw new HttpProblem(
        409,
        'JWT authentication is not enabled on this server (start it with the jwt option)',
      );
    }
    const body = await readJsonBody(request, this.options.maxBodyBytes ?? MAX_BODY_BYTES);
    let keys: number;
    try {
      keys = this.jwt.setKeySet(body);
    } catch (error) {
      throw new HttpProblem(
        400,
        `Invalid JWKS: ${error instanceof Error ? error.message : 'not a key set'}`,
      );
    }
    return `{"keys":${keys}}`;
  }

  private async runStatement(
    request: IncomingMessage,
    response: ServerResponse,
    endpoint: Endpoint,
  ): Promise<string> {
    const credentials = await credentialsOf(request.headers, this.verifyBearer);
    const statement = await readStatementRequest(
      request,
      this.options.maxBodyBytes ?? MAX_BODY_BYTES,
    );
    const pool = this.poolFor(credentials, statement.database ?? this.targetDatabase);
    const connection = await pool.acquire();
    let reusable = !CHANGES_DATABASE.test(statement.sql);
    const abort = new AbortController();
    const onClose = () => {
      if (!response.writableFinished) abort.abort(new Error('The client went away'));
    };
    response.once('close', onClose);
    try {
      const sql =
        statement.args === undefined
          ? statement.sql
          : interpolate(statement.sql, statement.args, {
              noBackslashEscapes: connection.noBackslashEscapes,
            });
      const { results, failure } = await runStatements(connection, sql, abort.signal);
      return endpoint === 'exec'
        ? execResponseJson(results, failure)
        : queryResponseJson(results, endpoint, failure);
    } catch (error) {
      reusable &&= connection.isConnected();
      throw error;
    } finally {
      response.off('close', onClose);
      await pool.release(connection, reusable);
    }
  }

  private poolFor(credentials: Credentials, database: string | undefined): ConnectionPool {
    const key = JSON.stringify([credentials.user, credentials.password, database ?? null]);
    let pool = this.pools.get(key);
    if (!pool) {
      pool = new ConnectionPool(
        {
          ...this.options.wireOptions,
          ...(this.options.multiStatements ? { multiStatements: true } : {}),
          url: this.options.target,
          user: credentials.user,
          password: credentials.password,
          ...(database === undefined ? {} : { database }),
        },
        this.options.maxConnectionsPerPool ?? 10,
      );
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** Drops pools left empty by failed logins, so wrong passwords do not pile up pools. */
  forgetEmptyPools(): void {
    for (const [key, pool] of this.pools) {
      if (pool.size === 0) {
        this.pools.delete(key);
        void pool.close();
      }
    }
  }
}

function defaultLog(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * Starts a SingleStore Data API server (data-api.md) in front of `options.target`: the
 * `query/tuples`, `query/rows` and `exec` endpoints, `/ping` and `/api/v2/spec`, with Basic
 * credentials passed through to the database and a connection pool per user.
 *
 * @example
 * ```ts
 * const server = await startDataApiServer({ target: 'mysql://127.0.0.1:3306', port: 9000 });
 * // … POST http://127.0.0.1:9000/api/v2/query/tuples
 * await server.stop();
 * ```
 */
export async function startDataApiServer(options: DataApiServerOptions): Promise<DataApiServer> {
  const jwt = options.jwt === undefined ? undefined : await JwtAuthenticator.create(options.jwt);
  const handler = new RequestHandler(options, jwt);
  const log = options.log === false ? undefined : (options.log ?? defaultLog);
  const listener: RequestListener = (request, response) => {
    const started = performance.now();
    handler
      .handle(request, response)
      .catch((error: unknown) => {
        const problem = problemFrom(error);
        if (problem.status === 401) handler.forgetEmptyPools();
        if (!response.headersSent) {
          sendBody(
            request.headers,
            response,
            problem.status,
            'text/plain; charset=utf-8',
            problem.body,
            problem.headers,
          );
        } else {
          response.destroy();
        }
        return problem.status;
      })
      .then((status) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        const millis = (performance.now() - started).toFixed(1);
        log?.(`${new Date().toISOString()} ${request.method ?? '-'} ${path} ${status} ${millis}ms`);
      });
  };
  const server = options.tls
    ? createTlsServer(
        { cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' },
        listener,
      )
    : createServer(listener);
  server.keepAliveTimeout = 5000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    openConnections: () => handler.openConnections(),
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await closed;
        clearTimeout(grace);
        await handler.closePools();
      })();
      return stopping;
    },
  };
}
