import type { ColumnDefinition } from '../packets/column-definition.js';

/** How one result of a query ended: the OK packet of a row-less result, or the rows' EOF. */
export interface ResultSummary {
  readonly affectedRows: bigint;
  readonly lastInsertId: bigint;
  readonly warnings: number;
  readonly status: number;
  readonly info: string;
}

/** Where a query command delivers what it reads, result by result. */
export interface ResultSink {
  /** A result set begins with these columns. */
  columns(definitions: readonly ColumnDefinition[]): void;
  /** One row payload (a view that stays valid). */
  row(payload: Uint8Array): void;
  /** The current result (with or without rows) ended; `last` when no more results follow. */
  resultEnd(summary: ResultSummary, last: boolean): void;
  /** The query failed; nothing more follows. */
  failed(error: unknown): void;
}
