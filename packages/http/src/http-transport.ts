import {
  type EscapeOptions,
  type ExecuteRequest,
  jsonText,
  NotSupportedError,
  OperationalError,
  type StatementResult,
  type Transport,
  toDataApiStatement,
} from '@s2/core-cursor';
import type { KyInstance, Options as KyOptions } from 'ky';
import { errorFromErrorField, errorFromResponse, transportError } from './http-errors.js';
import { parseResponseJson } from './parse-response-json.js';
import { gzipBytes } from './request-compression.js';
import { routeStatement } from './statement-route.js';
import { tuplesResults } from './tuples-results.js';
import { assertSupportedOverHttp } from './unsupported-statements.js';

/** What the transport needs besides the HTTP client. */
export interface HttpTransportSettings {
  readonly client: KyInstance;
  /** `Authorization` header value, or undefined to send none. */
  readonly authorization: string | undefined;
  readonly database: string | undefined;
  readonly queryTimeout: number | undefined;
  readonly connectTimeout: number | undefined;
  readonly retries: number;
  /** NaN/Infinity handling for the `args` the Data API binds. */
  readonly escaping: Pick<EscapeOptions, 'nanAsNull' | 'infAsNull'>;
  /** Request bodies of at least this many bytes are gzipped; undefined sends them as they are. */
  readonly compressFrom?: number | undefined;
}

/** Verbs whose statements read only, so resending one after a lost answer is harmless. */
const READ_ONLY = /^\s*\(*\s*(?:SELECT|SHOW|DESC|DESCRIBE|EXPLAIN)\b/i;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const RETRY_STATUSES = [502, 503, 504];

function exactNumber(value: unknown): number | bigint {
  const big = typeof value === 'bigint' ? value : BigInt(Number(value ?? 0));
  return big <= MAX_SAFE && big >= -MAX_SAFE ? Number(big) : big;
}

const TRANSACTIONS_REASON =
  'Transactions are not supported over HTTP: the Data API keeps no session between requests, so every statement commits on its own';

/**
 * The {@link Transport} over SingleStore's Data API: one stateless POST per statement, to
 * `/api/v2/query/tuples` or `/api/v2/exec` as {@link routeStatement} decides.
 */
export class HttpTransport implements Transport {
  readonly autocommit = true;
  /** The Data API refuses bodies over 1 MB; leave room for the JSON around the SQL. */
  readonly maxStatementBytes = 1_000_000;
  private closed = false;

  constructor(private readonly settings: HttpTransportSettings) {}

  async *execute(request: ExecuteRequest): AsyncGenerator<StatementResult> {
    if (request.infileStream !== undefined) {
      throw new NotSupportedError(
        'LOAD DATA LOCAL INFILE is not supported over HTTP: the Data API cannot read client streams',
      );
    }
    assertSupportedOverHttp(request.sql);
    const statement = request.statement
      ? toDataApiStatement(request.statement.sql, request.statement.params, this.settings.escaping)
      : { sql: request.sql };
    const route = routeStatement(statement.sql);
    const path = route === 'query' ? 'api/v2/query/tuples' : 'api/v2/exec';
    const body: Record<string, unknown> = { sql: statement.sql };
    if (statement.args !== undefined) body.args = statement.args;
    if (this.settings.database !== undefined) body.database = this.settings.database;
    const readOnly = route === 'query' && READ_ONLY.test(statement.sql);
    const parsed = await this.post(path, jsonText(body), readOnly, request.signal);
    if (route === 'exec') {
      const { rowsAffected, lastInsertId } = parsed as Record<string, unknown>;
      const id = exactNumber(lastInsertId);
      yield {
        kind: 'ok',
        rowsAffected: Number(rowsAffected ?? 0),
        lastInsertId: id === 0 ? null : id,
      };
      return;
    }
    const results = tuplesResults(parsed);
    if (results.length === 0) yield { kind: 'ok', rowsAffected: 0, lastInsertId: null };
    yield* results;
  }

  private async post(
    path: string,
    body: string,
    retry: boolean,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.settings.authorization !== undefined) {
      headers.authorization = this.settings.authorization;
    }
    const options: KyOptions = {
      body: await this.encodeBody(body, headers),
      headers,
      timeout: this.settings.queryTimeout ?? false,
      retry: retry
        ? { limit: this.settings.retries, methods: ['post'], statusCodes: RETRY_STATUSES }
        : 0,
      ...(signal ? { signal } : {}),
    };
    let status: number;
    let text: string;
    try {
      const response = await this.settings.client.post(path, options);
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw transportError(error, `/${path}`, signal);
    }
    if (status >= 400) throw errorFromResponse(status, text);
    let parsed: unknown;
    try {
      parsed = parseResponseJson(text);
    } catch (error) {
      throw new OperationalError(`The Data API answered /${path} with malformed JSON`, {
        errno: 2027,
        cause: error,
      });
    }
    const errorField = (parsed as { error?: unknown } | null)?.error;
    if (errorField !== undefined && errorField !== null) throw errorFromErrorField(errorField);
    return parsed;
  }

  /** The body as sent: gzipped (with Content-Encoding set) when it reaches `compressFrom`. */
  private async encodeBody(
    body: string,
    headers: Record<string, string>,
  ): Promise<string | Uint8Array<ArrayBuffer>> {
    const threshold = this.settings.compressFrom;
    if (threshold === undefined) return body;
    const bytes = new TextEncoder().encode(body);
    if (bytes.length < threshold) return body;
    headers['content-encoding'] = 'gzip';
    return gzipBytes(bytes);
  }

  /** GET /ping, without credentials (the endpoint needs none), bounded by connectTimeout. */
  async ping(): Promise<void> {
    let status: number;
    let text: string;
    try {
      const response = await this.settings.client.get('ping', {
        timeout: this.settings.connectTimeout ?? false,
        retry: { limit: this.settings.retries, statusCodes: RETRY_STATUSES },
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw transportError(error, '/ping');
    }
    if (status >= 400 || text.trim() !== 'pong') {
      throw new OperationalError(`The Data API did not answer /ping with pong (HTTP ${status})`, {
        errno: 2003,
      });
    }
  }

  isConnected(): boolean {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  async setAutocommit(on: boolean): Promise<void> {
    if (!on) throw new NotSupportedError(TRANSACTIONS_REASON);
  }

  async begin(): Promise<void> {
    throw new NotSupportedError(TRANSACTIONS_REASON);
  }

  /** Every statement has already committed, so there is nothing to commit. */
  async commit(): Promise<void> {}

  /** Nothing can be rolled back: every statement committed on its own. */
  async rollback(): Promise<void> {}
}
