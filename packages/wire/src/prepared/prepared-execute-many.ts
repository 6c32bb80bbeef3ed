import {
  errorAtRow,
  type PositionalStatement,
  type SqlParams,
  toPositionalStatement,
} from '@s2/core-cursor';
import { StmtExecuteManyCommand } from '../commands/stmt-execute-many-command.js';
import { checkStatementSize } from '../connection/statement-size.js';
import { type BindOptions, bindParams } from './binary-params.js';
import { type ExecuteParams, splitLongData } from './long-data.js';
import type { PreparedSession } from './prepared-execute.js';
import type { StatementCache } from './statement-cache.js';

/**
 * The pipelined COM_STMT_EXECUTE command running `sql` once per row of `rows`, or undefined
 * when there are no rows. The first row is bound here, so that a statement that cannot be
 * prepared or sent fails before anything is enqueued, as `preparedExecuteCommand` does; the
 * others are bound as the command sends them, so only the executes in flight are held in
 * memory, and a row that cannot be bound is that row's error. As with `preparedExecuteCommand`, the caller must enqueue
 * the command in the same synchronous step as `cache` enqueues the prepare.
 */
export function preparedExecuteManyCommand(
  cache: StatementCache,
  session: PreparedSession,
  sql: string,
  rows: readonly SqlParams[],
  options: BindOptions,
): StmtExecuteManyCommand | undefined {
  if (rows.length === 0) return undefined;
  const backslashEscapes = !session.noBackslashEscapes;
  const { maxAllowedPacket } = session.options;
  const encode = (values: PositionalStatement['values']): ExecuteParams =>
    splitLongData(bindParams(values, options), maxAllowedPacket);
  let first: PositionalStatement;
  let firstParams: ExecuteParams;
  try {
    first = toPositionalStatement(sql, rows[0]!, backslashEscapes);
    firstParams = encode(first.values);
  } catch (error) {
    throw errorAtRow(error, 0);
  }
  checkStatementSize(first.sql, maxAllowedPacket);
  // `:name` placeholders become `?` alike for every row: the first row's text is the statement.
  const bind = (row: number): ExecuteParams =>
    row === 0
      ? firstParams
      : encode(toPositionalStatement(sql, rows[row]!, backslashEscapes).values);
  return new StmtExecuteManyCommand(cache.acquire(first.sql), rows.length, bind);
}
