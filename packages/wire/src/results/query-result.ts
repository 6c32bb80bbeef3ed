import type { ColumnBatch } from '@s2/accel-wasm';
import { resolveValueOptions, toTuples } from '@s2/core-cursor';
import type { ResultSummary } from '../commands/result-sink.js';
import type { ColumnDefinition } from '../packets/column-definition.js';

function exact(value: bigint): number | bigint {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** One result of a query: a result set (columns and decoded batches) or a row-less OK. */
export class QueryResult {
  constructor(
    /** Empty for statements that return no rows. */
    readonly columns: readonly ColumnDefinition[],
    /** The rows, decoded batch by batch into Arrow-layout columns. */
    readonly batches: readonly ColumnBatch[],
    readonly summary: ResultSummary,
  ) {}

  /** Rows in the result set (0 for a row-less result). */
  get rowCount(): number {
    return this.batches.reduce((total, batch) => total + batch.numRows, 0);
  }

  /** Rows changed (or matched, with clientFoundRows) by a row-less statement. */
  get affectedRows(): number | bigint {
    return exact(this.summary.affectedRows);
  }

  get lastInsertId(): number | bigint {
    return exact(this.summary.lastInsertId);
  }

  get warnings(): number {
    return this.summary.warnings;
  }

  /** The rows as arrays of JS values under the default type policy (ARCHITECTURE.md §4). */
  rows(): unknown[][] {
    return toTuples(this.batches, resolveValueOptions());
  }
}
