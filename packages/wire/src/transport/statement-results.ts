import type { ColumnBatch } from '@s2/accel-wasm';
import {
  describeWireColumn,
  type OkResult,
  type ResultColumnDescription,
  type StatementResult,
} from '@s2/core-cursor';
import type { ResultSummary } from '../commands/result-sink.js';
import type { ColumnDefinition } from '../packets/column-definition.js';
import type { QueryResult } from '../results/query-result.js';
import type { QueryEvent } from '../results/query-stream.js';

/** A column definition as core-cursor's 9-field description, plus its table. */
export function describeColumn(column: ColumnDefinition): ResultColumnDescription {
  return {
    ...describeWireColumn({
      name: column.name,
      typeCode: column.typeCode,
      columnLength: column.length,
      flags: column.flags,
      decimals: column.decimals,
      charset: column.charset,
    }),
    table: column.table,
  };
}

const descriptions = new WeakMap<readonly ColumnDefinition[], readonly ResultColumnDescription[]>();

/**
 * The descriptions of a result set's columns. A repeated layout arrives as the same frozen
 * array (see ColumnDefinitionCache), so its descriptions are built once and shared, frozen.
 */
export function describeColumns(
  columns: readonly ColumnDefinition[],
): readonly ResultColumnDescription[] {
  let described = descriptions.get(columns);
  if (described === undefined) {
    described = Object.freeze(columns.map((column) => Object.freeze(describeColumn(column))));
    if (Object.isFrozen(columns)) descriptions.set(columns, described);
  }
  return described;
}

function exactNumber(value: bigint): number | bigint {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** A row-less result as core-cursor's OkResult. */
export function okResult(summary: ResultSummary): OkResult {
  return {
    kind: 'ok',
    rowsAffected: Number(summary.affectedRows),
    lastInsertId: summary.lastInsertId === 0n ? null : exactNumber(summary.lastInsertId),
    warnings: summary.warnings,
    messages: summary.info === '' ? [] : [summary.info],
  };
}

/** A buffered result as core-cursor's StatementResult. */
export function bufferedResult(result: QueryResult): StatementResult {
  if (result.columns.length === 0) return okResult(result.summary);
  return {
    kind: 'rows',
    columns: describeColumns(result.columns),
    batches: result.batches,
    warnings: result.summary.warnings,
  };
}

/**
 * A query stream as core-cursor's results: each result set becomes a StreamingResultSet whose
 * batches pull events from the stream until the set's end; row-less results become OkResults.
 * A set the cursor did not read to its end is read (and dropped) before the next result.
 */
export async function* streamedResults(
  events: AsyncIterator<QueryEvent>,
): AsyncGenerator<StatementResult> {
  for (;;) {
    const next = await events.next();
    if (next.done) return;
    const event = next.value;
    if (event.type === 'end') {
      yield okResult(event.summary);
      continue;
    }
    if (event.type !== 'columns') continue;
    let ended = false;
    const batches: AsyncIterator<ColumnBatch> = {
      next: async () => {
        while (!ended) {
          const pulled = await events.next();
          if (pulled.done || pulled.value.type === 'end') break;
          if (pulled.value.type === 'batch') return { done: false, value: pulled.value.batch };
        }
        ended = true;
        return { done: true, value: undefined };
      },
    };
    yield { kind: 'stream', columns: describeColumns(event.columns), batches };
    while (!ended) await batches.next();
  }
}
