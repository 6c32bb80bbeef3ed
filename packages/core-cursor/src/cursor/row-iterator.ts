import type { ColumnBatch } from '../column-batch.js';
import { InterfaceError } from '../errors/index.js';
import type { RowSource } from './row-source.js';

/** What the iterator needs from its cursor. */
export interface IteratedCursor<Row> {
  isClosed(): boolean;
  /** The rows of the current result set (throws when there is none). */
  rows(): RowSource;
  /** One batch in the cursor's results type: rows, or one frame. */
  format(batch: ColumnBatch): Promise<Row[] | Row>;
  /** Whether the results type is a frame format (one item per batch). */
  readonly framed: boolean;
}

const closedCursor = (): InterfaceError => new InterfaceError('Cursor is closed.', { errno: 2048 });

/**
 * The rows of a cursor's current result set for `for await`. A batch is formatted once and its
 * rows are then handed out from memory with an already-settled promise each: an async generator
 * would cost about three times as much per row, which a streaming read of millions of rows feels.
 * `rowNumber` advances row by row; frame formats give one frame per decoded batch.
 */
export class RowIterator<Row> implements AsyncIterableIterator<Row> {
  private buffered: Row[] = [];
  private position = 0;
  private finished = false;

  constructor(private readonly cursor: IteratedCursor<Row>) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<Row, undefined>> {
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    if (this.position < this.buffered.length) {
      if (this.cursor.isClosed()) return this.fail(closedCursor());
      this.cursor.rows().advance(1);
      const value = this.buffered[this.position] as Row;
      this.position += 1;
      return Promise.resolve({ value, done: false });
    }
    return this.refill();
  }

  return(): Promise<IteratorResult<Row, undefined>> {
    this.stop();
    return Promise.resolve({ value: undefined, done: true });
  }

  private async refill(): Promise<IteratorResult<Row, undefined>> {
    try {
      if (this.cursor.isClosed()) throw closedCursor();
      const source = this.cursor.rows();
      const batch = await source.peek();
      if (!batch) {
        this.stop();
        return { value: undefined, done: true };
      }
      const formatted = await this.cursor.format(batch);
      if (this.cursor.framed) {
        source.advance(batch.numRows);
        return { value: formatted as Row, done: false };
      }
      this.buffered = formatted as Row[];
      this.position = 0;
    } catch (error) {
      this.stop();
      throw error;
    }
    return this.next();
  }

  private fail(error: unknown): Promise<never> {
    this.stop();
    return Promise.reject(error);
  }

  private stop(): void {
    this.finished = true;
    this.buffered = [];
    this.position = 0;
  }
}
