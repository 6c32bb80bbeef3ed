import { InterfaceError, OperationalError, type S2Error, type SqlParams } from '@s2/core-cursor';
import type { PipelineCommand } from '../commands/command.js';
import { HandshakeCommand } from '../commands/handshake-command.js';
import { PipelinedQueriesCommand } from '../commands/pipelined-queries-command.js';
import { type InfileResponder, QueryCommand } from '../commands/query-command.js';
import { QuitCommand } from '../commands/quit-command.js';
import { SimpleCommand } from '../commands/simple-command.js';
import { infileResponder } from '../infile/infile-responder.js';
import type { InfileSource } from '../infile/infile-source.js';
import { invalidateBeforeUse } from '../prepared/database-change.js';
import { type PreparedQueryOptions, preparedExecuteCommand } from '../prepared/prepared-execute.js';
import { preparedExecuteManyCommand } from '../prepared/prepared-execute-many.js';
import { StatementCache } from '../prepared/statement-cache.js';
import { CommandByte, ServerStatus } from '../protocol/protocol-constants.js';
import { connectionClosed } from '../protocol/wire-errors.js';
import { BufferedResults } from '../results/buffered-results.js';
import type { QueryResult } from '../results/query-result.js';
import { QueryStream } from '../results/query-stream.js';
import { abortError } from './abort-error.js';
import { CommandPipeline, STREAM_CONSUMER } from './command-pipeline.js';
import type { ResolvedWireOptions, WireConnectionOptions } from './connection-options.js';
import { openSocket } from './open-socket.js';
import { resolveOptions } from './resolve-options.js';
import { EXTENDED_TYPES_STATEMENT, sessionSetupStatements } from './session-setup.js';
import { checkStatementSize } from './statement-size.js';
import { enqueueStoppable, type StopTarget } from './stop-on-signal.js';

/** Per-query options. */
export interface QueryOptions {
  /** Aborting stops the query on the server (KILL QUERY over a side connection). */
  signal?: AbortSignal;
  /** Milliseconds after which the query is stopped the same way. */
  timeout?: number;
  /** Data for `LOAD DATA LOCAL INFILE ':stream:'`. */
  infileStream?: InfileSource;
}

const QUIT_WAIT_MS = 1000;

/**
 * One MySQL-protocol connection: handshake and authentication, then commands through a
 * single FIFO. Open one with `connect()`.
 */
export class ProtocolConnection {
  private closing: Promise<void> | undefined;
  /** False once the server refused enable_extended_types_metadata (not SingleStore). */
  private extendedTypesAccepted = true;
  /** Streams still reading; closing discards them so a paused consumer cannot block COM_QUIT. */
  private readonly activeStreams = new Set<QueryStream>();
  /** Server-side prepared statements by SQL text (queryPrepared, streamPrepared). */
  private readonly statements: StatementCache;

  private constructor(
    readonly options: ResolvedWireOptions,
    private readonly pipeline: CommandPipeline,
  ) {
    this.statements = new StatementCache(options.preparedStatementCacheSize, (command) => {
      pipeline.enqueue(command);
    });
  }

  /**
   * Connects, authenticates and runs the session setup (wire-protocol.md §10), all within
   * `connectTimeout`.
   */
  static async open(input: WireConnectionOptions | string): Promise<ProtocolConnection> {
    const options = resolveOptions(input);
    const deadline = Date.now() + options.connectTimeout;
    const socket = await openSocket(options, options.connectTimeout);
    const pipeline = new CommandPipeline(options, socket);
    const connection = new ProtocolConnection(options, pipeline);
    const timer = setTimeout(
      () =>
        pipeline.destroy(
          new OperationalError(
            `Connection to server timed out after ${options.connectTimeout} ms`,
            {
              errno: 2013,
            },
          ),
        ),
      Math.max(0, deadline - Date.now()),
    );
    try {
      await pipeline.enqueue(
        new HandshakeCommand({
          agreed: (handshake, capabilities) => {
            pipeline.handshake = handshake;
            pipeline.capabilities = capabilities;
          },
          upgradeToTls: () => pipeline.upgradeToTls(),
        }),
      );
      await connection.initializeSession();
      return connection;
    } catch (error) {
      pipeline.destroy(error);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The session setup of wire-protocol.md §10: SET NAMES, `sqlMode`, SingleStore's
   * extended-metadata variables (errors ignored on servers without them), autocommit only when
   * it differs, then `initSql`. Never SET time_zone.
   */
  private async initializeSession(): Promise<void> {
    await this.applySessionSettings(['SET NAMES utf8mb4']);
  }

  /**
   * What the session setup adds to the state a login or COM_RESET_CONNECTION leaves, after
   * `first`: its statements pipelined, in one round trip (a remote server's round trip is most
   * of a connect), then `initSql`. A failed statement fails the setup, except SingleStore's
   * variables.
   */
  private async applySessionSettings(first: readonly string[] = []): Promise<void> {
    const statements = sessionSetupStatements(
      this.options,
      {
        noBackslashEscapes: this.noBackslashEscapes,
        autocommit: this.autocommit,
        extendedTypesAccepted: this.extendedTypesAccepted,
      },
      first,
    );
    if (statements.length > 0) {
      const errors = await this.pipeline.enqueue(
        new PipelinedQueriesCommand(statements.map((statement) => statement.sql)),
      );
      statements.forEach((statement, index) => {
        if (statement.sql === EXTENDED_TYPES_STATEMENT) {
          this.extendedTypesAccepted = errors[index] === undefined;
        }
      });
      const failed = statements.findIndex(
        (statement, index) => !statement.optional && errors[index] !== undefined,
      );
      if (failed >= 0) throw errors[failed];
    }
    if (this.options.initSql !== undefined) await this.query(this.options.initSql);
  }

  /**
   * Drops session state (variables, temporary tables, open transactions) with
   * COM_RESET_CONNECTION and applies the session setup again. The character set comes back
   * from the handshake, and variables the server refused at login are not tried again, so on
   * servers without SingleStore's variables this is one round trip.
   */
  async resetSession(): Promise<void> {
    await this.resetConnection();
    await this.applySessionSettings();
  }

  /** The server's thread id for this connection. */
  get connectionId(): number {
    return this.pipeline.handshake?.connectionId ?? 0;
  }

  get serverVersion(): string {
    return this.pipeline.handshake?.serverVersion ?? '';
  }

  /** Status flags of the last OK/EOF packet. */
  get serverStatus(): number {
    return this.pipeline.serverStatus;
  }

  /** The server's autocommit mode, from the last status flags. */
  get autocommit(): boolean {
    return (this.pipeline.serverStatus & ServerStatus.AUTOCOMMIT) !== 0;
  }

  /** Whether the server has NO_BACKSLASH_ESCAPES on (escaping must then double quotes only). */
  get noBackslashEscapes(): boolean {
    return (this.pipeline.serverStatus & ServerStatus.NO_BACKSLASH_ESCAPES) !== 0;
  }

  /** True for a TLS connection. */
  get secure(): boolean {
    return this.pipeline.tls;
  }

  /** A cheap local check: false once the connection was closed or failed. */
  isConnected(): boolean {
    return this.closing === undefined && this.pipeline.usable;
  }

  /** Runs SQL and returns every result (one per statement, plus a stored procedure's OK). */
  async query(sql: string, options: QueryOptions = {}): Promise<QueryResult[]> {
    const results = new BufferedResults(this.options.batchRows);
    invalidateBeforeUse(this.statements, sql, this.options.multiStatements);
    await this.run(new QueryCommand(sql, results, this.infileFor(sql, options)), options);
    return results.results;
  }

  /**
   * Runs SQL and yields its results as they arrive, a batch of rows at a time, pausing the
   * socket while the consumer is behind.
   */
  stream(sql: string, options: QueryOptions = {}): QueryStream {
    const stream = new QueryStream(this.options.batchRows, {
      pause: () => this.pipeline.pauseReading(STREAM_CONSUMER),
      resume: () => this.pipeline.resumeReading(STREAM_CONSUMER),
    });
    this.activeStreams.add(stream);
    invalidateBeforeUse(this.statements, sql, this.options.multiStatements);
    this.run(new QueryCommand(sql, stream, this.infileFor(sql, options)), options)
      .catch((error: unknown) => stream.failed(error))
      .finally(() => this.activeStreams.delete(stream));
    return stream;
  }

  /**
   * Runs `sql` as a server-side prepared statement (prepared on first use, then kept in an LRU
   * cache of `preparedStatementCacheSize`), `params` bound in the binary protocol: `?` with an
   * array, `:name` with an object. Parameters that do not fit, or have no binary form
   * (functions, symbols, arrays, NaN and ±Infinity unless `nanAsNull`/`infAsNull`), are a
   * ProgrammingError before anything is sent.
   */
  async queryPrepared(
    sql: string,
    params: SqlParams = [],
    options: PreparedQueryOptions = {},
  ): Promise<QueryResult[]> {
    const results = new BufferedResults(this.options.batchRows);
    if (this.closing !== undefined) throw connectionClosed();
    const execute = preparedExecuteCommand(this.statements, this, sql, params, results, options);
    await this.run(execute, options);
    return results.results;
  }

  /**
   * `sql` prepared, then executed per row, pipelined (StmtExecuteManyCommand): summed counts.
   * A stop (`signal`, `timeout`) sends no further row and kills the running execute; executes
   * already sent still run, and the call rejects with the abort error.
   */
  async executePreparedMany(
    sql: string,
    rows: readonly SqlParams[],
    options: PreparedQueryOptions,
  ): Promise<number> {
    if (this.closing !== undefined) throw connectionClosed();
    if (options.signal?.aborted) throw abortError(options.signal.reason);
    const command = preparedExecuteManyCommand(this.statements, this, sql, rows, options);
    return command === undefined ? 0 : enqueueStoppable(this.stopTarget, command, options);
  }

  /** `queryPrepared` with the results yielded as they arrive, with backpressure, as `stream()`. */
  streamPrepared(
    sql: string,
    params: SqlParams = [],
    options: PreparedQueryOptions = {},
  ): QueryStream {
    const stream = new QueryStream(this.options.batchRows, {
      pause: () => this.pipeline.pauseReading(STREAM_CONSUMER),
      resume: () => this.pipeline.resumeReading(STREAM_CONSUMER),
    });
    this.activeStreams.add(stream);
    (async () => {
      if (this.closing !== undefined) throw connectionClosed();
      const execute = preparedExecuteCommand(this.statements, this, sql, params, stream, options);
      await this.run(execute, options);
    })()
      .catch((error: unknown) => stream.failed(error))
      .finally(() => this.activeStreams.delete(stream));
    return stream;
  }

  private infileFor(sql: string, options: QueryOptions): InfileResponder | undefined {
    if (!this.options.localInfile) return undefined;
    const { infileStream } = options;
    // Built only when the server asks: scanning every statement for file names costs each query.
    return (fileName, context) => infileResponder(sql, infileStream)(fileName, context);
  }

  /**
   * Not an async function, which would add microtask hops to every query by returning the
   * command's promise; what it refuses still comes as a rejection, never a throw.
   */
  private run(command: QueryCommand, options: QueryOptions): Promise<void> {
    try {
      if (this.closing !== undefined) throw connectionClosed();
      checkStatementSize(command.sql, this.options.maxAllowedPacket);
    } catch (error) {
      return Promise.reject(error);
    }
    return enqueueStoppable(this.stopTarget, command, options);
  }

  private readonly stopTarget: StopTarget = {
    enqueue: (command) => this.pipeline.enqueue(command),
    withdraw: (command) => this.pipeline.withdraw(command),
    kill: (command, eachStatement) => this.killRunning(command, eachStatement),
  };

  /**
   * KILL QUERY over a side connection, if the command is still the one running. Until the
   * KILL's answer is back the next queued command does not start, so a query that ends while
   * the KILL is on its way leaves the KILL to an idle session, which MariaDB forgets when the
   * next command arrives (cancellation.test.ts shows both halves). With `eachStatement` (a
   * command of several statements already sent, the pipelined executeMany) KILLs go on until
   * the command ends, so each statement still to run is stopped in turn.
   */
  private async killRunning(command: PipelineCommand, eachStatement: boolean): Promise<void> {
    const side = await ProtocolConnection.open({
      ...this.options,
      database: undefined,
      initSql: undefined,
      sqlMode: undefined,
      enableExtendedDataTypes: false,
      localInfile: false,
    });
    try {
      do {
        const release = this.pipeline.holdQueueIfRunning(command);
        if (release === undefined) return;
        try {
          await side.query(`KILL QUERY ${this.connectionId}`);
        } finally {
          release();
        }
      } while (eachStatement);
    } finally {
      await side.close();
    }
  }

  /** COM_PING. */
  async ping(): Promise<void> {
    await this.simple(new SimpleCommand(CommandByte.PING));
  }

  /** COM_INIT_DB: makes `database` the default database (closing the prepared statements). */
  async selectDatabase(database: string): Promise<void> {
    this.statements.invalidate();
    await this.simple(new SimpleCommand(CommandByte.INIT_DB, database));
  }

  /** COM_RESET_CONNECTION: drops session state (variables, temporary tables, transactions). */
  async resetConnection(): Promise<void> {
    // The reset drops the server's prepared statements; later executes prepare again.
    this.statements.clear();
    await this.simple(new SimpleCommand(CommandByte.RESET_CONNECTION));
  }

  private async simple(command: SimpleCommand): Promise<void> {
    if (this.closing !== undefined) throw connectionClosed();
    await this.pipeline.enqueue(command);
  }

  /** The error that broke the connection, if one did. */
  get fatalError(): S2Error | undefined {
    return this.closing === undefined ? this.pipeline.fatalError : undefined;
  }

  /**
   * Sends COM_QUIT after the commands already queued and closes the socket. Idempotent
   * (python-sdk-quirks.md #36).
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.pipeline.usable) {
        for (const stream of this.activeStreams) stream.discard();
        await this.pipeline.enqueue(new QuitCommand()).catch(() => undefined);
        await this.pipeline.end(QUIT_WAIT_MS);
      } else {
        this.pipeline.destroy(connectionClosed());
      }
    })();
    return this.closing;
  }

  /** Closes the socket at once, failing queued commands. */
  destroy(): void {
    this.closing ??= Promise.resolve();
    this.pipeline.destroy(new InterfaceError('Connection was destroyed', { errno: 2048 }));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
