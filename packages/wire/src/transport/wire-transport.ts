import type { ExecuteRequest, StatementParams, StatementResult, Transport } from '@s2/core-cursor';
import type { ProtocolConnection, QueryOptions } from '../connection/protocol-connection.js';
import type { BindOptions } from '../prepared/binary-params.js';
import { preparedResults } from './prepared-results.js';
import { bufferedResult, streamedResults } from './statement-results.js';

const NO_OPTIONS: QueryOptions = Object.freeze({});

/**
 * A buffered statement's results for the cursor, as a plain iterator rather than an async
 * generator: every statement passes through here, and a generator costs several promise hops
 * per result. As with a generator, the query starts at the first `next()`.
 */
class BufferedStatementResults implements AsyncIterableIterator<StatementResult> {
  private pending: StatementResult[] | undefined;
  private started = false;

  constructor(
    private readonly connection: ProtocolConnection,
    private readonly sql: string,
    private readonly options: QueryOptions,
  ) {}

  async next(): Promise<IteratorResult<StatementResult, undefined>> {
    if (!this.started) {
      // Like a generator that threw, a failed statement is done: it is never run again.
      this.started = true;
      this.pending = (await this.connection.query(this.sql, this.options)).map(bufferedResult);
    }
    const value = this.pending?.shift();
    return value === undefined ? { done: true, value: undefined } : { done: false, value };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** core-cursor's Transport over one protocol connection. */
export class WireTransport implements Transport {
  /**
   * @param bindOptions - what NaN and ±Infinity become in prepared statements: the
   *   connection's `nanAsNull`/`infAsNull`, which interpolation applies to the text path.
   */
  constructor(
    readonly connection: ProtocolConnection,
    private readonly bindOptions: BindOptions = {},
  ) {}

  execute(request: ExecuteRequest): AsyncIterable<StatementResult> {
    const options: QueryOptions =
      request.signal === undefined && request.infileStream === undefined
        ? NO_OPTIONS
        : {
            ...(request.signal === undefined ? {} : { signal: request.signal }),
            ...(request.infileStream === undefined ? {} : { infileStream: request.infileStream }),
          };
    if (request.prepare === true && request.statement !== undefined) {
      return preparedResults(this.connection, request.statement, request.buffered, {
        ...options,
        ...this.bindOptions,
      });
    }
    if (!request.buffered) {
      return streamedResults(this.connection.stream(request.sql, options)[Symbol.asyncIterator]());
    }
    return new BufferedStatementResults(this.connection, request.sql, options);
  }

  executePreparedMany(
    sql: string,
    rows: readonly StatementParams[],
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<number> {
    const { signal } = options;
    return this.connection.executePreparedMany(
      sql,
      rows,
      signal === undefined ? this.bindOptions : { ...this.bindOptions, signal },
    );
  }

  ping(): Promise<void> {
    return this.connection.ping();
  }

  isConnected(): boolean {
    return this.connection.isConnected();
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  get autocommit(): boolean {
    return this.connection.autocommit;
  }

  /** Sends SET AUTOCOMMIT only when the server's mode differs (wire-protocol.md §10). */
  async setAutocommit(on: boolean): Promise<void> {
    if (this.connection.autocommit !== on)
      await this.connection.query(`SET AUTOCOMMIT = ${on ? 1 : 0}`);
  }
}
