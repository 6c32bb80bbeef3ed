import { S2Error } from '@s2/core-cursor';
import type { ColumnBatch, ColumnDefinition, ProtocolConnection } from '@s2/wire';
import type { PartialFailure, StatementResult } from './result-json.js';

/** What a request's SQL produced: every result that completed, and the failure that ended it. */
export interface StatementOutcome {
  readonly results: StatementResult[];
  readonly failure: PartialFailure | undefined;
}

/**
 * Runs a request's SQL and keeps each result as it completes, so that when a later statement
 * (of a multi-statement request, or inside a procedure) fails, the results before it can still
 * be answered alongside the error, as SingleStore does (data-api.md §9.1). A failure before any
 * result completed, an abort, or one without a server errno is thrown instead, to be answered
 * with an error status.
 */
export async function runStatements(
  connection: ProtocolConnection,
  sql: string,
  signal: AbortSignal,
): Promise<StatementOutcome> {
  const results: StatementResult[] = [];
  let columns: readonly ColumnDefinition[] = [];
  let batches: ColumnBatch[] = [];
  try {
    for await (const event of connection.stream(sql, { signal })) {
      if (event.type === 'columns') {
        columns = event.columns;
        batches = [];
      } else if (event.type === 'batch') {
        batches.push(event.batch);
      } else {
        results.push({ columns, batches, summary: event.summary });
        columns = [];
        batches = [];
      }
    }
  } catch (error) {
    const errno = S2Error.isInstance(error) ? (error.errno ?? 0) : 0;
    if (results.length === 0 || signal.aborted || errno <= 0 || !S2Error.isInstance(error)) {
      throw error;
    }
    return { results, failure: { code: errno, message: error.detail } };
  }
  return { results, failure: undefined };
}
