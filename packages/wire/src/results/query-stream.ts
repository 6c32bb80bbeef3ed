import type { ColumnBatch } from '@s2/accel-wasm';
import type { ResultSink, ResultSummary } from '../commands/result-sink.js';
import type { ColumnDefinition } from '../packets/column-definition.js';
import type { SequenceCounter } from '../protocol/packet-framing.js';
import { RowBatcher } from '../rows/row-batcher.js';
import { RowPacketScan } from '../rows/row-packet-scan.js';

/** What a streaming query yields, in order, for each of its results. */
export type QueryEvent =
  | { readonly type: 'columns'; readonly columns: readonly ColumnDefinition[] }
  | { readonly type: 'batch'; readonly batch: ColumnBatch }
  | { readonly type: 'end'; readonly summary: ResultSummary; readonly last: boolean };

/** The reading side the stream throttles. */
export interface ReadControl {
  pause(): void;
  resume(): void;
}

/** Bytes of undecoded rows after which a batch is decoded even if it has fewer rows. */
const BATCH_BYTES = 4 * 1024 * 1024;
/** Decoded batches waiting for the consumer before the socket is paused. */
const HIGH_WATER_BATCHES = 2;

/**
 * A query's results as they arrive, with real backpressure: when the consumer falls
 * `HIGH_WATER_BATCHES` behind, socket reading pauses until it catches up, so memory stays flat
 * whatever the size of the result. Leaving the iteration early discards (without decoding)
 * the rest of the results so the connection stays usable.
 */
export class QueryStream implements ResultSink, AsyncIterable<QueryEvent> {
  private readonly queue: QueryEvent[] = [];
  private batcher: RowBatcher | undefined;
  private batchesInResult = 0;
  private skipped: RowPacketScan | undefined;
  private ended = false;
  private error: { value: unknown } | undefined;
  private discarding = false;
  private paused = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly batchRows: number,
    private readonly control: ReadControl,
  ) {}

  columns(definitions: readonly ColumnDefinition[]): void {
    this.batcher = new RowBatcher(definitions, this.batchRows, BATCH_BYTES);
    this.batchesInResult = 0;
    this.push({ type: 'columns', columns: definitions });
  }

  row(payload: Uint8Array): void {
    if (this.discarding) return;
    const batcher = this.batcher!;
    batcher.add(payload);
    if (batcher.full) this.flush();
  }

  packets(chunk: Uint8Array, at: number, sequence: SequenceCounter): number {
    if (this.discarding) {
      // Rows being dropped are still framed and their ids checked, but never copied.
      this.skipped ??= new RowPacketScan();
      return this.skipped.scan(chunk, at, sequence);
    }
    const batcher = this.batcher!;
    for (let position = at; ; ) {
      position = batcher.addPackets(chunk, position, sequence);
      if (!batcher.full) return position;
      this.flush();
    }
  }

  rows(chunk: Uint8Array, start: number, bounds: Uint32Array, count: number): void {
    if (this.discarding) return;
    const batcher = this.batcher!;
    for (let first = 0; first < count; ) {
      first = batcher.addRun(chunk, start, bounds, first, count);
      if (batcher.full) this.flush();
    }
  }

  resultEnd(summary: ResultSummary, last: boolean): void {
    // One batch even for an empty result set, so the column layouts are known.
    if (
      this.batcher !== undefined &&
      (this.batcher.pendingRows > 0 || this.batchesInResult === 0)
    ) {
      this.flush();
    }
    this.batcher = undefined;
    this.push({ type: 'end', summary, last });
    if (last) {
      this.ended = true;
      this.notify();
    }
  }

  failed(error: unknown): void {
    this.batcher?.release();
    this.batcher = undefined;
    this.error = { value: error };
    this.ended = true;
    this.notify();
  }

  private flush(): void {
    if (this.discarding || this.batcher === undefined) return;
    this.batchesInResult += 1;
    this.push({ type: 'batch', batch: this.batcher.flush() });
  }

  private push(event: QueryEvent): void {
    if (this.discarding) return;
    this.queue.push(event);
    if (!this.paused && this.queue.length > HIGH_WATER_BATCHES) {
      this.paused = true;
      this.control.pause();
    }
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private take(): QueryEvent | undefined {
    const event = this.queue.shift();
    if (this.paused && this.queue.length <= 1) {
      this.paused = false;
      this.control.resume();
    }
    return event;
  }

  /** Stops delivering events; the remaining results are read and dropped. */
  discard(): void {
    this.discarding = true;
    this.queue.length = 0;
    this.batcher?.release();
    this.batcher = undefined;
    if (this.paused) {
      this.paused = false;
      this.control.resume();
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<QueryEvent> {
    try {
      for (;;) {
        const event = this.take();
        if (event !== undefined) {
          yield event;
          continue;
        }
        if (this.error) throw this.error.value;
        if (this.ended) return;
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
      }
    } finally {
      if (!this.ended) this.discard();
    }
  }
}
