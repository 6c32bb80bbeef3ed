import type { ColumnBatch } from '@s2/accel-wasm';
import type { ResultSink, ResultSummary } from '../commands/result-sink.js';
import type { ColumnDefinition } from '../packets/column-definition.js';
import type { SequenceCounter } from '../protocol/packet-framing.js';
import { RowBatcher } from '../rows/row-batcher.js';
import { QueryResult } from './query-result.js';

/**
 * Rows per decoded batch of a buffered result, at least: nobody consumes a buffered result
 * before it ends, so larger batches than a stream's only save per-batch work (a decode call,
 * an Arrow RecordBatch, a concatenation of typed columns).
 */
const BUFFERED_BATCH_ROWS = 65_536;
/**
 * Bytes of undecoded rows after which a batch is decoded even if it has fewer rows. At 8 MiB a
 * 10k x 100 INT result was one batch: its bytes sat undecoded (and staged in wasm memory) until
 * the end, costing about 23 MB more peak RSS and a little time, since no decoding overlapped
 * the server's sending; at 2 MiB the per-batch costs that made batches large stay small.
 */
const BATCH_BYTES = 2 * 1024 * 1024;

/** Collects every result of a query, decoding rows a batch at a time. */
export class BufferedResults implements ResultSink {
  readonly results: QueryResult[] = [];
  private definitions: readonly ColumnDefinition[] = [];
  private batches: ColumnBatch[] = [];
  private batcher: RowBatcher | undefined;

  private readonly batchRows: number;

  constructor(batchRows: number) {
    this.batchRows = Math.max(batchRows, BUFFERED_BATCH_ROWS);
  }

  columns(definitions: readonly ColumnDefinition[]): void {
    this.definitions = definitions;
    this.batches = [];
    this.batcher = new RowBatcher(definitions, this.batchRows, BATCH_BYTES);
  }

  row(payload: Uint8Array): void {
    const batcher = this.batcher!;
    batcher.add(payload);
    if (batcher.full) this.batches.push(batcher.flush());
  }

  packets(chunk: Uint8Array, at: number, sequence: SequenceCounter): number {
    const batcher = this.batcher!;
    for (let position = at; ; ) {
      position = batcher.addPackets(chunk, position, sequence);
      if (!batcher.full) return position;
      this.batches.push(batcher.flush());
    }
  }

  rows(chunk: Uint8Array, start: number, bounds: Uint32Array, count: number): void {
    const batcher = this.batcher!;
    for (let first = 0; first < count; ) {
      first = batcher.addRun(chunk, start, bounds, first, count);
      if (batcher.full) this.batches.push(batcher.flush());
    }
  }

  resultEnd(summary: ResultSummary): void {
    const batcher = this.batcher;
    // One batch even for an empty result set, so the column layouts are known (core-cursor's contract).
    if (batcher !== undefined && (batcher.pendingRows > 0 || this.batches.length === 0)) {
      this.batches.push(batcher.flush());
    }
    this.results.push(new QueryResult(this.definitions, this.batches, summary));
    this.definitions = [];
    this.batches = [];
    this.batcher = undefined;
  }

  failed(): void {
    this.batcher?.release();
    this.batcher = undefined;
  }
}
