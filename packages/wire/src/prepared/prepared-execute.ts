import { type SqlParams, toPositionalStatement } from '@s2/core-cursor';
import type { ResultSink } from '../commands/result-sink.js';
import { StmtExecuteCommand } from '../commands/stmt-execute-command.js';
import type { QueryOptions } from '../connection/protocol-connection.js';
import { checkStatementSize } from '../connection/statement-size.js';
import { type BindOptions, bindParams } from './binary-params.js';
import { splitLongData } from './long-data.js';
import type { StatementCache } from './statement-cache.js';

/** What of the connection the placeholder scan and the size check depend on. */
export interface PreparedSession {
  readonly noBackslashEscapes: boolean;
  readonly options: { readonly maxAllowedPacket?: number | undefined };
}

/** Options of one prepared execute: the query's, and how to bind NaN and ±Infinity. */
export interface PreparedQueryOptions extends QueryOptions, BindOptions {}

/**
 * The COM_STMT_EXECUTE command for `sql` with `params`, after everything that can be checked
 * without the server: `:name` placeholders become `?` (core-cursor's scanner), the values are
 * encoded (`options` saying what NaN and ±Infinity become), the prepare and execute packets
 * are checked against `maxAllowedPacket` (values too large for the execute packet going as
 * long data). Only then is the statement taken from `cache`, which enqueues its
 * COM_STMT_PREPARE when it is not cached; the caller must enqueue the returned command in the
 * same synchronous step, so that it runs before any COM_STMT_CLOSE a later eviction queues.
 */
export function preparedExecuteCommand(
  cache: StatementCache,
  session: PreparedSession,
  sql: string,
  params: SqlParams,
  sink: ResultSink,
  options: BindOptions,
): StmtExecuteCommand {
  const statement = toPositionalStatement(sql, params, !session.noBackslashEscapes);
  const { maxAllowedPacket } = session.options;
  checkStatementSize(statement.sql, maxAllowedPacket);
  const bound = splitLongData(bindParams(statement.values, options), maxAllowedPacket);
  return new StmtExecuteCommand(cache.acquire(statement.sql), bound, sink);
}
