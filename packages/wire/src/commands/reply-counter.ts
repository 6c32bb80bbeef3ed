import type { ColumnDefinition } from '../packets/column-definition.js';
import type { SequenceCounter } from '../protocol/packet-framing.js';
import type { ResultSink, ResultSummary } from './result-sink.js';

/**
 * Where the replies of pipelined commands are taken apart, one at a time (`begin` before each):
 * what the reply's first result counts, as executeMany sums it, and its error, if any. Rows, if
 * any, are counted and dropped.
 */
export class ReplyCounter implements ResultSink {
  /** What the reply's first result counts: affected rows of an OK, rows of a result set. */
  counted = 0;
  error: unknown;
  private results = 0;
  private rowsRead = 0;

  begin(): void {
    this.counted = 0;
    this.error = undefined;
    this.results = 0;
    this.rowsRead = 0;
  }

  columns(_definitions: readonly ColumnDefinition[]): void {}

  row(_payload: Uint8Array): void {
    this.rowsRead += 1;
  }

  rows(_chunk: Uint8Array, _start: number, _bounds: Uint32Array, count: number): void {
    this.rowsRead += count;
  }

  /** Takes no framed run: the rows, rarely any in executeMany, come one by one to `row`. */
  packets(_chunk: Uint8Array, at: number, _sequence: SequenceCounter): number {
    return at;
  }

  resultEnd(summary: ResultSummary, _last: boolean): void {
    this.results += 1;
    if (this.results > 1) return;
    this.counted = this.rowsRead > 0 ? this.rowsRead : Number(summary.affectedRows);
  }

  failed(error: unknown): void {
    this.error = error;
  }
}
