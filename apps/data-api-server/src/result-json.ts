import type { ColumnBatch, ColumnDefinition, ResultSummary } from '@s2/wire';
import { dataTypeName } from './data-type-name.js';
import { jsonValueWriter } from './json-value-writer.js';

const NOT_NULL_FLAG = 1;

/** One result of a statement, as collected from the wire client's stream. */
export interface StatementResult {
  readonly columns: readonly ColumnDefinition[];
  readonly batches: readonly ColumnBatch[];
  readonly summary: ResultSummary;
}

/** A statement that failed after earlier ones produced results (data-api.md §9.1). */
export interface PartialFailure {
  readonly code: number;
  readonly message: string;
}

function errorJson(failure: PartialFailure | undefined): string {
  if (failure === undefined) return '';
  return `,"error":{"code":${failure.code},"message":${JSON.stringify(failure.message)}}`;
}

export function isResultSet(result: StatementResult): boolean {
  return result.columns.length > 0;
}

function columnsJson(result: StatementResult): string {
  const columns = result.columns.map((column) => {
    const nullable = (column.flags & NOT_NULL_FLAG) === 0;
    return `{"name":${JSON.stringify(column.name)},"dataType":${JSON.stringify(dataTypeName(column))},"nullable":${nullable}}`;
  });
  return `[${columns.join(',')}]`;
}

function rowsJson(result: StatementResult, shape: 'tuples' | 'rows'): string {
  const rows: string[] = [];
  const keys = result.columns.map((column) => `${JSON.stringify(column.name)}:`);
  for (const batch of result.batches) {
    const writers = batch.columns.map((column, index) =>
      jsonValueWriter(column, ((result.columns[index]?.flags ?? 0) & NOT_NULL_FLAG) !== 0),
    );
    for (let row = 0; row < batch.numRows; row++) {
      const values = writers.map((write, index) =>
        shape === 'tuples' ? write(row) : `${keys[index]}${write(row)}`,
      );
      rows.push(shape === 'tuples' ? `[${values.join(',')}]` : `{${values.join(',')}}`);
    }
  }
  return `[${rows.join(',')}]`;
}

/**
 * The body of `/api/v2/query/tuples` (rows as arrays, with column metadata) or
 * `/api/v2/query/rows` (rows keyed by column name), one entry per result set, written as
 * text so that 64-bit integers keep every digit. With `failure`, the answer to a request
 * whose later statement failed: the results so far plus `"error": {"code", "message"}`.
 */
export function queryResponseJson(
  results: readonly StatementResult[],
  shape: 'tuples' | 'rows',
  failure?: PartialFailure,
): string {
  const sets = results.filter(isResultSet).map((result) => {
    const rows = rowsJson(result, shape);
    return shape === 'tuples'
      ? `{"columns":${columnsJson(result)},"rows":${rows}}`
      : `{"rows":${rows}}`;
  });
  return `{"results":[${sets.join(',')}]${errorJson(failure)}}`;
}

/**
 * The body of `/api/v2/exec`: the last row-less result's counters, as exact digits, plus
 * `"error"` when a later statement failed after these had run.
 */
export function execResponseJson(
  results: readonly StatementResult[],
  failure?: PartialFailure,
): string {
  const summaries = results.filter((result) => !isResultSet(result));
  const last = summaries.at(-1);
  const lastInsertId = last?.summary.lastInsertId ?? 0n;
  const rowsAffected = summaries.reduce((total, result) => total + result.summary.affectedRows, 0n);
  return `{"lastInsertId":${lastInsertId.toString()},"rowsAffected":${rowsAffected.toString()}${errorJson(failure)}}`;
}
