import type { QueryResult } from '@s2/wire';
import { dataTypeName } from './data-type-name.js';
import { jsonValueWriter } from './json-value-writer.js';

function isResultSet(result: QueryResult): boolean {
  return result.columns.length > 0;
}

function columnsJson(result: QueryResult): string {
  const columns = result.columns.map((column) => {
    const nullable = (column.flags & 1) === 0;
    return `{"name":${JSON.stringify(column.name)},"dataType":${JSON.stringify(dataTypeName(column))},"nullable":${nullable}}`;
  });
  return `[${columns.join(',')}]`;
}

function rowsJson(result: QueryResult, shape: 'tuples' | 'rows'): string {
  const rows: string[] = [];
  const keys = result.columns.map((column) => `${JSON.stringify(column.name)}:`);
  for (const batch of result.batches) {
    const writers = batch.columns.map(jsonValueWriter);
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
 * text so that 64-bit integers keep every digit.
 */
export function queryResponseJson(
  results: readonly QueryResult[],
  shape: 'tuples' | 'rows',
): string {
  const sets = results.filter(isResultSet).map((result) => {
    const rows = rowsJson(result, shape);
    return shape === 'tuples'
      ? `{"columns":${columnsJson(result)},"rows":${rows}}`
      : `{"rows":${rows}}`;
  });
  return `{"results":[${sets.join(',')}]}`;
}

/** The body of `/api/v2/exec`: the last row-less result's counters, as exact digits. */
export function execResponseJson(results: readonly QueryResult[]): string {
  const summaries = results.filter((result) => !isResultSet(result));
  const last = summaries.at(-1);
  const lastInsertId = last?.summary.lastInsertId ?? 0n;
  const rowsAffected = summaries.reduce((total, result) => total + result.summary.affectedRows, 0n);
  return `{"lastInsertId":${lastInsertId.toString()},"rowsAffected":${rowsAffected.toString()}}`;
}
