import type { StatementParams, StatementResult } from '@s2/core-cursor';
import type { ProtocolConnection } from '../connection/protocol-connection.js';
import type { PreparedQueryOptions } from '../prepared/prepared-execute.js';
import { bufferedResult, streamedResults } from './statement-results.js';

async function* bufferedPrepared(
  connection: ProtocolConnection,
  statement: { readonly sql: string; readonly params: StatementParams },
  options: PreparedQueryOptions,
): AsyncGenerator<StatementResult> {
  for (const result of await connection.queryPrepared(statement.sql, statement.params, options)) {
    yield bufferedResult(result);
  }
}

/**
 * A prepared statement's results for the cursor (`execute(…, { prepare: true })`): buffered,
 * run at the first `next()` as the text path does, or streamed from `streamPrepared`.
 */
export function preparedResults(
  connection: ProtocolConnection,
  statement: { readonly sql: string; readonly params: StatementParams },
  buffered: boolean,
  options: PreparedQueryOptions,
): AsyncIterable<StatementResult> {
  if (buffered) return bufferedPrepared(connection, statement, options);
  const stream = connection.streamPrepared(statement.sql, statement.params, options);
  return streamedResults(stream[Symbol.asyncIterator]());
}
