import type { Table } from 'apache-arrow';
import type { ColumnBatch } from '../column-batch.js';
import { errorAtRow, NotSupportedError, ProgrammingError } from '../errors/index.js';
import type { DictRow } from '../results/dicts.js';
import {
  FRAME_FORMATS,
  formatResult,
  formatResultNow,
  type ResultsOf,
  type ResultsType,
} from '../results/result-format.js';
import type { TupleRow } from '../results/tuples.js';
import { loadBson } from '../values/bson.js';
import { BSON_TYPE_CODE } from '../values/column-values.js';
import type { ValueOptions } from '../values/value-options.js';
import { emptyLayout } from './empty-layout.js';
import { multiRowInserts } from './execute-many.js';
import type { ExecuteManyOptions, ExecuteOptions } from './execute-options.js';
import type { StatementParams } from './interpolate.js';
import { RowIterator } from './row-iterator.js';
import { RowSource } from './row-source.js';
import type { ResultColumnDescription, StatementResult, Transport } from './transport.js';

/** What `fetchOne()` returns in each format: a row, or a one-row frame. */
export type RowOf<T extends ResultsType> = T extends 'tuples'
  ? TupleRow
  : T extends 'dicts'
    ? DictRow
    : ResultsOf[T];

/** What a cursor needs from its connection. */
export interface CursorHost {
  readonly transport: Transport;
  /** Throws when the connection is closed. */
  assertOpen(): void;
  /** Inlines parameters (through the connection's interpolator). */
  interpolate(sql: string, params: StatementParams | undefined): string;
  /**
   * Results of an interceptor for the statement, or undefined to send it; undefined at once,
   * without a promise, when no interceptor is installed.
   */
  intercept(
    sql: string,
    params: StatementParams | undefined,
  ): Promise<readonly StatementResult[] | undefined> | undefined;
  /** Called when the cursor closes. */
  release(cursor: Cursor<ResultsType>): void;
}

/** Settings of a cursor, fixed at creation. */
export interface CursorSettings<T extends ResultsType> {
  readonly resultsType: T;
  readonly buffered: boolean;
  readonly valueOptions: ValueOptions;
  /** Whether statements with parameters are prepared unless `execute()` says otherwise. */
  readonly prepare?: boolean;
}

async function* served(results: readonly StatementResult[]): AsyncGenerator<StatementResult> {
  yield* results;
}

const MESSAGE_CLOSED = 'Cursor closed';

/**
 * A DB-API cursor over any transport: runs statements and fetches their results in the
 * connection's results type. Created by `Connection.cursor()`.
 */
export class Cursor<T extends ResultsType = 'tuples'> {
  /** Columns of the current result set, or null (DB-API `description`). */
  description: readonly ResultColumnDescription[] | null = null;
  /**
   * Rows of a buffered result set, affected rows of a statement (summed by `executeMany`),
   * −1 for a streaming result or before any statement (DB-API `rowcount`).
   */
  rowCount = -1;
  /** The AUTO_INCREMENT id of the last statement; null after a result set (DB-API `lastrowid`). */
  lastRowId: number | bigint | null = null;
  /** Rows to fetch by default in `fetchMany()` (DB-API `arraysize`). */
  arraySize = 1;
  /** Informational messages of the last statement (DB-API `messages`). */
  messages: string[] = [];
  private results: AsyncIterator<StatementResult> | undefined;
  private rows: RowSource | undefined;
  private executed = false;
  private isClosed = false;

  constructor(
    private readonly host: CursorHost,
    readonly settings: CursorSettings<T>,
  ) {}

  /** Index of the next row in the current result set, or null (DB-API `rownumber`). */
  get rowNumber(): number | null {
    return this.rows ? this.rows.position : null;
  }

  /** Whether `close()` was called. */
  get closed(): boolean {
    return this.isClosed;
  }

  /**
   * Runs one statement (DB-API `execute`). `?` placeholders take an array, `:name` ones an
   * object; without params the SQL is sent verbatim. Pending results of the previous
   * statement are read out first.
   */
  async execute(
    sql: string,
    params?: StatementParams,
    options: ExecuteOptions = {},
  ): Promise<this> {
    this.assertUsable();
    if (this.results) await this.discardResults();
    else this.rows = undefined;
    this.clearResult();
    const intercepted = this.host.intercept(sql, params);
    const local = intercepted && (await intercepted);
    const prepare = !local && (options.prepare ?? (this.settings.prepare && params !== undefined));
    const text = local || prepare ? sql : this.host.interpolate(sql, params);
    const results = local
      ? served(local)
      : this.host.transport.execute({
          sql: text,
          buffered: this.settings.buffered,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.infileStream ? { infileStream: options.infileStream } : {}),
          ...(prepare
            ? { prepare, statement: { sql, params: params ?? [] } }
            : params === undefined
              ? {}
              : { statement: { sql, params } }),
        });
    this.results = results[Symbol.asyncIterator]();
    this.executed = true;
    await this.loadNext();
    return this;
  }

  /**
   * Runs a statement once per parameter set (DB-API `executemany`). An `INSERT … VALUES (?, …)`
   * becomes multi-row INSERTs split below the transport's maximum statement size; anything
   * else runs row by row. With `prepare` (or the connection's), every statement runs row by
   * row as one prepared statement, all but the last pipelined when the transport can
   * (`executePreparedMany`; a failing row's error names it). `rowCount` sums; no rows: 0.
   * `signal` cancels what is not yet sent (see `ExecuteManyOptions`).
   */
  async executeMany(
    sql: string,
    rows: Iterable<StatementParams>,
    options: ExecuteManyOptions = {},
  ): Promise<this> {
    this.assertUsable();
    const list = [...rows];
    const { transport } = this.host;
    const prepare = options.prepare ?? this.settings.prepare === true;
    const signal = options.signal === undefined ? {} : { signal: options.signal };
    const interpolate = this.host.interpolate.bind(this.host);
    const statements = prepare
      ? undefined
      : multiRowInserts(sql, list, interpolate, transport.maxStatementBytes);
    let total = 0;
    if (statements) {
      for (const text of statements)
        total += (await this.execute(text, undefined, signal)).affected();
    } else if (prepare && transport.executePreparedMany && list.length > 1) {
      await this.discardResults();
      this.clearResult();
      const last = list.length - 1;
      total = await transport.executePreparedMany(sql, list.slice(0, last), signal);
      try {
        total += (await this.execute(sql, list[last], { prepare, ...signal })).affected();
      } catch (error) {
        throw errorAtRow(error, last);
      }
    } else {
      for (const params of list) {
        total += (await this.execute(sql, params, { prepare, ...signal })).affected();
      }
    }
    if (list.length === 0) {
      await this.discardResults();
      this.executed = true;
      this.description = null;
    }
    this.rowCount = total;
    return this;
  }

  /**
   * Calls a stored procedure (DB-API `callproc`): `CALL` with each dotted name part quoted and
   * the arguments inlined. Its result sets are then read with the fetch methods and
   * `nextSet()`, the last one being the procedure's empty status result. SingleStore has no
   * OUT parameters, so the arguments come back unchanged.
   */
  async callProc<A extends readonly unknown[]>(
    name: string,
    args: A = [] as unknown as A,
  ): Promise<A> {
    this.assertUsable();
    const quoted = name
      .split('.')
      .map((part) => `\`${part.replaceAll('`', '``')}\``)
      .join('.');
    const placeholders = args.map(() => '?').join(', ');
    await this.execute(`CALL ${quoted}(${placeholders})`, args.length > 0 ? args : undefined);
    return args;
  }

  /** The next row, or null when there is none (DB-API `fetchone`); a one-row frame for frame formats. */
  async fetchOne(): Promise<RowOf<T> | null> {
    const source = this.activeRows();
    const batches = source.isBuffered ? source.takeBuffered(1) : await source.take(1);
    if (batches.length === 0) return null;
    const formatted = await this.format(batches);
    return FRAME_FORMATS.has(this.settings.resultsType)
      ? (formatted as RowOf<T>)
      : ((formatted as unknown[])[0] as RowOf<T>);
  }

  /** Up to `size` (default `arraySize`) next rows (DB-API `fetchmany`). */
  async fetchMany(size: number = this.arraySize): Promise<ResultsOf[T]> {
    return this.fetchUpTo(Math.max(0, size));
  }

  /** All remaining rows of the current result set (DB-API `fetchall`). */
  async fetchAll(): Promise<ResultsOf[T]> {
    return this.fetchUpTo(Number.POSITIVE_INFINITY);
  }

  /**
   * Buffered rows in tuples, dicts or columns are taken and formatted without a promise, so
   * a fetch costs its caller one microtask rather than five.
   */
  private fetchUpTo(limit: number): ResultsOf[T] | Promise<ResultsOf[T]> {
    const source = this.activeRows();
    if (!source.isBuffered) return source.take(limit).then((batches) => this.format(batches));
    const batches = source.takeBuffered(limit);
    const layout = batches.length > 0 ? batches : emptyLayout(this.rows?.firstBatch);
    const { resultsType, valueOptions } = this.settings;
    return (
      formatResultNow(resultsType, layout, this.description ?? [], valueOptions) ??
      this.format(batches)
    );
  }

  /** All remaining rows as an apache-arrow Table, whatever the results type. */
  async fetchArrow(): Promise<Table> {
    const source = this.activeRows();
    return this.formatAs('arrow', await source.take(Number.POSITIVE_INFINITY));
  }

  /**
   * Moves to the next result set (DB-API `nextset`): true when there is one, false when the
   * statement has no more results.
   */
  async nextSet(): Promise<boolean> {
    this.assertUsable();
    if (!this.executed) throw new ProgrammingError('execute() first');
    await this.rows?.drain();
    return this.loadNext();
  }

  /**
   * Moves the position in the current result set (DB-API `scroll`): by `value` rows
   * (`'relative'`) or to row `value` (`'absolute'`). The target must be a row of a buffered
   * result (RangeError otherwise, PEP 249's IndexError); streaming results only go forward.
   */
  async scroll(value: number, mode: 'relative' | 'absolute' = 'relative'): Promise<void> {
    const source = this.activeRows();
    if (mode !== 'relative' && mode !== 'absolute') {
      throw new ProgrammingError(`unknown scroll mode ${String(mode)}`);
    }
    const target = mode === 'relative' ? source.position + value : value;
    if (!source.isBuffered) {
      if (target < source.position) {
        throw new NotSupportedError('Backwards scrolling not supported by this cursor');
      }
      const wanted = target - source.position;
      const skipped = (await source.take(wanted)).reduce((sum, batch) => sum + batch.numRows, 0);
      if (skipped < wanted) throw new RangeError('out of range');
      return;
    }
    if (!Number.isInteger(target) || target < 0 || target >= source.totalRows) {
      throw new RangeError('out of range');
    }
    source.seek(target);
  }

  /**
   * Closes the cursor (DB-API `close`), reading out what the server still sends. Later calls
   * other than `close()` throw; `rowCount`, `lastRowId` and `messages` stay readable.
   */
  async close(): Promise<void> {
    if (this.isClosed) return;
    try {
      if (this.host.transport.isConnected()) await this.discardResults();
    } finally {
      this.isClosed = true;
      this.rows = undefined;
      this.host.release(this as unknown as Cursor<ResultsType>);
    }
  }

  /** Marks the cursor closed without I/O (the connection is going away). */
  abandon(): void {
    this.isClosed = true;
    this.rows = undefined;
    this.results = undefined;
  }

  /** `await using cursor = conn.cursor()` closes it. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /**
   * Iterates the remaining rows of the current result set, advancing `rowNumber` row by row;
   * frame formats yield one frame per decoded batch.
   */
  [Symbol.asyncIterator](): AsyncIterableIterator<RowOf<T>> {
    return new RowIterator<RowOf<T>>({
      isClosed: () => this.isClosed,
      rows: () => this.activeRows(),
      format: (batch) => this.format([batch]) as Promise<RowOf<T>[] | RowOf<T>>,
      framed: FRAME_FORMATS.has(this.settings.resultsType),
    });
  }

  private affected(): number {
    return Math.max(0, this.rowCount);
  }

  private assertUsable(): void {
    if (this.isClosed) throw new ProgrammingError(MESSAGE_CLOSED);
    this.host.assertOpen();
  }

  private activeRows(): RowSource {
    this.assertUsable();
    if (!this.executed) throw new ProgrammingError('execute() first');
    if (!this.rows) throw new ProgrammingError('The last statement returned no result set');
    return this.rows;
  }

  private async loadNext(): Promise<boolean> {
    this.rows = undefined;
    const next = this.results ? await this.results.next() : undefined;
    if (!next || next.done) {
      this.results = undefined;
      return false;
    }
    const result = next.value;
    if (result.kind === 'ok') {
      this.description = null;
      this.rowCount = result.rowsAffected;
      this.lastRowId = result.lastInsertId;
      this.messages = [...(result.messages ?? [])];
      return true;
    }
    if (result.columns.some((column) => column.typeCode === BSON_TYPE_CODE)) await loadBson();
    this.description = result.columns;
    this.rows = new RowSource(result.batches);
    this.rowCount = this.rows.totalRows;
    this.lastRowId = null;
    return true;
  }

  /** Forgets the previous statement, so a statement that fails leaves nothing stale behind. */
  private clearResult(): void {
    this.description = null;
    this.rowCount = -1;
    this.lastRowId = null;
    this.messages = [];
  }

  private async discardResults(): Promise<void> {
    if (!this.results) {
      this.rows = undefined;
      return;
    }
    do {
      if (this.rows && !this.rows.isBuffered) await this.rows.drain();
    } while (await this.loadNext());
  }

  private format(batches: ColumnBatch[]): Promise<ResultsOf[T]> {
    return this.formatAs(this.settings.resultsType, batches);
  }

  private formatAs<F extends ResultsType>(type: F, batches: ColumnBatch[]): Promise<ResultsOf[F]> {
    const layout = batches.length > 0 ? batches : emptyLayout(this.rows?.firstBatch);
    return formatResult(type, layout, this.description ?? [], this.settings.valueOptions);
  }
}
