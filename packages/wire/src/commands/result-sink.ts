import type { ColumnDefinition } from '../packets/column-definition.js';
import type { SequenceCounter } from '../protocol/packet-framing.js';

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
  /**
   * Row packets framed in a socket chunk, in order with `row`: takes those it can and returns
   * where they end (see `RowRunTarget.acceptRows`).
   */
  packets(chunk: Uint8Array, at: number, sequence: SequenceCounter): number;
  /**
   * A run of `count` row payloads lying in `chunk` from `start`, `bounds` holding their
   * (start, end) pairs relative to `start`, in order with `row`.
   */
  rows(chunk: Uint8Array, start: number, bounds: Uint32Array, count: number): void;
  /** The current result (with or without rows) ended; `last` when no more results follow. */
  resultEnd(summary: ResultSummary, last: boolean): void;
  /** The query failed; nothing more follows. */
  failed(error: unknown): void;
}
