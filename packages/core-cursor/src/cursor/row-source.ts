import type { ColumnBatch } from '../column-batch.js';
import { sliceBatch } from '../results/slice-batch.js';

/**
 * The rows of one result set and the cursor's position in them. Buffered results can seek
 * anywhere; streaming ones pull batches from the transport only when rows are asked for.
 */
export class RowSource {
  /** Rows consumed so far (DB-API `rownumber`). */
  position = 0;
  private readonly buffered: readonly ColumnBatch[] | undefined;
  private readonly stream: AsyncIterator<ColumnBatch> | undefined;
  private pending: ColumnBatch | undefined;
  private pendingOffset = 0;
  private ended = false;

  constructor(batches: readonly ColumnBatch[] | AsyncIterator<ColumnBatch>) {
    if (Array.isArray(batches)) this.buffered = batches as readonly ColumnBatch[];
    else this.stream = batches as AsyncIterator<ColumnBatch>;
  }

  /** Whether all rows are in memory (scrolling backwards is possible). */
  get isBuffered(): boolean {
    return this.buffered !== undefined;
  }

  /** The number of rows of a buffered result; -1 for a streaming one. */
  get totalRows(): number {
    return this.buffered ? this.buffered.reduce((sum, batch) => sum + batch.numRows, 0) : -1;
  }

  /** The first batch, if any (the layouts of the columns, for empty frames). */
  get firstBatch(): ColumnBatch | undefined {
    return this.buffered ? this.buffered[0] : this.pending;
  }

  /** The rest of the current batch (never empty), or undefined at the end. */
  async peek(): Promise<ColumnBatch | undefined> {
    if (this.buffered) return this.peekBuffered();
    while (!this.pending || this.pendingOffset >= this.pending.numRows) {
      if (this.ended || !this.stream) return undefined;
      const next = await this.stream.next();
      if (next.done) {
        this.ended = true;
        return undefined;
      }
      this.pending = next.value;
      this.pendingOffset = 0;
    }
    return sliceBatch(this.pending, this.pendingOffset, this.pending.numRows);
  }

  private peekBuffered(): ColumnBatch | undefined {
    let start = 0;
    for (const batch of this.buffered ?? []) {
      const end = start + batch.numRows;
      if (this.position < end) return sliceBatch(batch, this.position - start, batch.numRows);
      start = end;
    }
    return undefined;
  }

  /** Marks `count` rows of the last `peek()` as consumed. */
  advance(count: number): void {
    this.position += count;
    if (!this.buffered) this.pendingOffset += count;
  }

  /** Consumes up to `limit` rows and returns them as batch slices. */
  async take(limit: number): Promise<ColumnBatch[]> {
    // Buffered rows are at hand: no await per batch.
    if (this.buffered) return this.takeBuffered(limit);
    const taken: ColumnBatch[] = [];
    let remaining = limit;
    while (remaining > 0) {
      const batch = await this.peek();
      if (!batch) break;
      const count = Math.min(remaining, batch.numRows);
      taken.push(count === batch.numRows ? batch : sliceBatch(batch, 0, count));
      this.advance(count);
      remaining -= count;
    }
    return taken;
  }

  /** `take()` of a buffered result, without a promise. */
  takeBuffered(limit: number): ColumnBatch[] {
    const taken: ColumnBatch[] = [];
    let remaining = limit;
    while (remaining > 0) {
      const batch = this.peekBuffered();
      if (!batch) break;
      const count = Math.min(remaining, batch.numRows);
      taken.push(count === batch.numRows ? batch : sliceBatch(batch, 0, count));
      this.position += count;
      remaining -= count;
    }
    return taken;
  }

  /** Moves a buffered result to row `target` (0 ≤ target < totalRows, checked by the caller). */
  seek(target: number): void {
    this.position = target;
  }

  /** Reads a streaming result to its end, so that the transport can go on. */
  async drain(): Promise<void> {
    if (this.buffered) {
      this.position = this.totalRows;
      return;
    }
    while (await this.peek()) this.advance((this.pending?.numRows ?? 0) - this.pendingOffset);
  }
}
