import { InterfaceError } from '../errors/index.js';
import {
  InterceptorChain,
  processInterceptorChain,
  type StatementInterceptor,
} from '../interceptor/statement-interceptor.js';
import type { DictRow } from '../results/dicts.js';
import type { ResultColumn } from '../results/result-column.js';
import {
  formatResult,
  type ResultsOf,
  type ResultsType,
  type ResultsTypeName,
  resolveResultsType,
} from '../results/result-format.js';
import { ShowAccessor } from '../show/show-accessor.js';
import { resolveValueOptions, type ValueOptions } from '../values/value-options.js';
import { VariableAccessor } from '../variables/variable-accessor.js';
import { Cursor, type CursorHost } from './cursor.js';
import {
  interpolateStatement,
  type ParameterInterpolator,
  type StatementParams,
} from './interpolate.js';
import type { StatementResult, Transport } from './transport.js';

/** Settings a transport passes to its connection. */
export interface ConnectionSettings {
  /** Default results type of cursors and `query()` (Python `results_type`); default tuples. */
  resultsType?: ResultsTypeName;
  /** Default for cursors: true reads whole results, false streams them (Python `buffered`). */
  buffered?: boolean;
  /** The type policy options (`bigint`, `decimal`, `dates`, `parseJson`, `vectorFormat`). */
  valueOptions?: Partial<ValueOptions>;
  /** Inlines parameters into SQL; the escaping options are bound in by the caller. */
  interpolate?: ParameterInterpolator;
  /**
   * Default of `execute()`'s `prepare` for statements with parameters, and of
   * `executeMany()`'s: server-side prepared statements instead of interpolation (SDK option
   * `prepare`); default false.
   */
  prepare?: boolean;
}

/** Per-cursor choices, defaulting to the connection's settings. */
export interface CursorOptions<T extends ResultsType> {
  resultsType?: T | ResultsTypeName;
  buffered?: boolean;
  valueOptions?: Partial<ValueOptions>;
  prepare?: boolean;
}

/** What `exec()` returns. */
export interface ExecResult {
  rowsAffected: number;
  lastInsertId: number | bigint | null;
}

/** Rows of a statement as dicts with their column descriptions, for the accessors. */
export interface DictQueryResult {
  readonly rows: DictRow[];
  readonly columns: readonly ResultColumn[];
}

const CLOSED_MESSAGE = 'The connection has been closed';

/**
 * The DB-API connection, written once over the {@link Transport} contract. `@s2/wire` and
 * `@s2/http` subclass it with their transport.
 */
export abstract class Connection<T extends ResultsType = ResultsType> {
  /** The results type of `query()` and of cursors created without one. */
  readonly resultsType: T;
  /** Server queries for metadata (`SHOW …`), Python's `conn.show`. */
  readonly show: ShowAccessor;
  /** Session variables (`conn.locals`). */
  readonly locals: VariableAccessor;
  /** Global variables (`conn.globals`). */
  readonly globals: VariableAccessor;
  /** Cluster-wide session variables (`conn.cluster_locals`). */
  readonly clusterLocals: VariableAccessor;
  /** Cluster-wide global variables (`conn.cluster_globals`). */
  readonly clusterGlobals: VariableAccessor;
  /** Variables without a scope word (`conn.vars`). */
  readonly vars: VariableAccessor;
  /** Cluster variables without a session/global word (`conn.cluster_vars`). */
  readonly clusterVars: VariableAccessor;
  private readonly buffered: boolean;
  private readonly valueOptions: ValueOptions;
  private readonly interceptors = new InterceptorChain();
  private readonly openCursors = new Set<Cursor<ResultsType>>();
  private readonly host: CursorHost;
  private isClosed = false;

  protected constructor(
    protected readonly transport: Transport,
    private readonly settings: ConnectionSettings = {},
  ) {
    this.resultsType = resolveResultsType(settings.resultsType ?? 'tuples') as T;
    this.buffered = settings.buffered ?? true;
    this.valueOptions = resolveValueOptions(settings.valueOptions);
    this.host = this.cursorHost();
    const query = (sql: string, params?: StatementParams) => this.queryDicts(sql, params);
    this.show = new ShowAccessor(query);
    this.locals = new VariableAccessor(query, 'local');
    this.globals = new VariableAccessor(query, 'global');
    this.clusterLocals = new VariableAccessor(query, 'cluster local');
    this.clusterGlobals = new VariableAccessor(query, 'cluster global');
    this.vars = new VariableAccessor(query, '');
    this.clusterVars = new VariableAccessor(query, 'cluster');
  }

  /** A new cursor (DB-API `cursor()`). */
  cursor<U extends ResultsType = T>(options: CursorOptions<U> = {}): Cursor<U> {
    this.assertOpen();
    const cursor = new Cursor<U>(this.host, {
      resultsType: resolveResultsType(options.resultsType ?? this.resultsType) as U,
      buffered: options.buffered ?? this.buffered,
      prepare: options.prepare ?? this.settings.prepare === true,
      valueOptions: options.valueOptions
        ? resolveValueOptions({ ...this.valueOptions, ...options.valueOptions })
        : this.valueOptions,
    });
    this.openCursors.add(cursor as unknown as Cursor<ResultsType>);
    return cursor;
  }

  /** All rows of the first result of `sql`, in the connection's results type. */
  async query(sql: string, params?: StatementParams): Promise<ResultsOf[T]> {
    await using cursor = this.cursor({ buffered: true });
    await cursor.execute(sql, params);
    if (cursor.description === null) {
      return formatResult(this.resultsType, [], [], this.valueOptions);
    }
    // Awaited here, not returned: `await using` closes the cursor as soon as this body ends.
    return await cursor.fetchAll();
  }

  /** Runs a statement for its effect: affected rows and the generated id. */
  async exec(sql: string, params?: StatementParams): Promise<ExecResult> {
    await using cursor = this.cursor({ buffered: true });
    await cursor.execute(sql, params);
    return { rowsAffected: Math.max(0, cursor.rowCount), lastInsertId: cursor.lastRowId };
  }

  /** Starts a transaction. */
  async begin(): Promise<void> {
    this.assertOpen();
    await (this.transport.begin ? this.transport.begin() : this.exec('BEGIN'));
  }

  /** Commits the current transaction (DB-API `commit`). */
  async commit(): Promise<void> {
    this.assertOpen();
    await (this.transport.commit ? this.transport.commit() : this.exec('COMMIT'));
  }

  /** Rolls back the current transaction (DB-API `rollback`). */
  async rollback(): Promise<void> {
    this.assertOpen();
    await (this.transport.rollback ? this.transport.rollback() : this.exec('ROLLBACK'));
  }

  /** Whether each statement commits on its own. */
  get autocommit(): boolean {
    return this.transport.autocommit;
  }

  /** Turns autocommit on or off (Python `autocommit(v)`). */
  async setAutocommit(on: boolean): Promise<void> {
    this.assertOpen();
    await this.transport.setAutocommit(on);
  }

  /** A round trip to the server; rejects when it fails. */
  async ping(): Promise<void> {
    this.assertOpen();
    await this.transport.ping();
  }

  /** A local check that the connection is usable; no round trip (quirk 31). */
  isConnected(): boolean {
    return !this.isClosed && this.transport.isConnected();
  }

  /** Closes the connection and its cursors; closing again does nothing. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const cursor of this.openCursors) cursor.abandon();
    this.openCursors.clear();
    await this.transport.close();
  }

  /** `await using conn = …` closes it. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** Adds a statement interceptor for this connection; returns a function that removes it. */
  addStatementInterceptor(interceptor: StatementInterceptor): () => void {
    return this.interceptors.add(interceptor);
  }

  /**
   * Turns the server's Data API on (Python `enable_data_api`), optionally on `port`, restarts
   * the proxy, and returns the port it listens on. Needs SET GLOBAL privileges.
   */
  async enableDataApi(port?: number): Promise<number> {
    if (port !== undefined) {
      await this.queryDicts('SET GLOBAL http_proxy_port = ?', [Math.trunc(port)]);
    }
    await this.queryDicts('SET GLOBAL http_api = ?', ['ON']);
    await this.exec('RESTART PROXY');
    return Number(await this.globals.get('http_proxy_port'));
  }

  /** Turns the server's Data API off and restarts the proxy (Python `disable_data_api`). */
  async disableDataApi(): Promise<void> {
    await this.queryDicts('SET GLOBAL http_api = ?', ['OFF']);
    await this.exec('RESTART PROXY');
  }

  /**
   * Rows of `sql` as dicts whatever the results type, parameters interpolated whatever the
   * connection's `prepare`: for the accessors and the Data API switches, administrative
   * statements that gain nothing from preparing and that SingleStore does not all prepare
   * (SHOW STATUS fails over COM_STMT_PREPARE).
   */
  protected async queryDicts(sql: string, params?: StatementParams): Promise<DictQueryResult> {
    await using cursor = this.cursor({ resultsType: 'dicts', buffered: true, prepare: false });
    await cursor.execute(sql, params);
    if (cursor.description === null) return { rows: [], columns: [] };
    return { rows: await cursor.fetchAll(), columns: cursor.description };
  }

  private assertOpen(): void {
    if (this.isClosed) throw new InterfaceError(CLOSED_MESSAGE, { errno: 2048 });
  }

  private cursorHost(): CursorHost {
    return {
      transport: this.transport,
      assertOpen: () => this.assertOpen(),
      interpolate: (sql, params) => interpolateStatement(sql, params, this.settings.interpolate),
      intercept: (sql, params) => {
        const processWide = processInterceptorChain();
        if (this.interceptors.isEmpty && processWide.isEmpty) return undefined;
        return this.runInterceptors(sql, params, processWide);
      },
      release: (cursor) => {
        this.openCursors.delete(cursor);
      },
    };
  }

  private async runInterceptors(
    sql: string,
    params: StatementParams | undefined,
    processWide: InterceptorChain,
  ): Promise<readonly StatementResult[] | undefined> {
    const statement = {
      sql,
      params,
      interpolatedSql: () => interpolateStatement(sql, params, this.settings.interpolate),
    };
    const own: readonly StatementResult[] | undefined =
      await this.interceptors.intercept(statement);
    return own ?? processWide.intercept(statement);
  }
}
