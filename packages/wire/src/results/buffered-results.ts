import type { ResultSink, ResultSummary } from '../commands/result-sink.js';
import type { ColumnDefinition } from '../packets/column-definition.js';
import type { ColumnBatch } from '../rows/column-batch.js';
import { decodeRows } from '../rows/row-decoder.js';
import { QueryResult } from './query-result.js';

/** Collects every result of a query, decoding rows a batch at a time. */
export class BufferedResults implements ResultSink {
  readonly results: QueryResult[] = [];
  private definitions: readonly ColumnDefinition[] = [];
  private batches: ColumnBatch[] = [];
  private pending: Uint8Array[] = [];

  constructor(private readonly batchRows: number) {}

  columns(definitions: readonly ColumnDefinition[]): void {
    this.definitions = definitions;
    this.batches = [];
    this.pending = [];
  }

  row(payload: Uint8Array): void {
    this.pending.push(payload);
    if (this.pending.length >= this.batchRows) this.flush();
  }

  resultEnd(summary: ResultSummary): void {
    this.flush();
    this.results.push(new QueryResult(this.definitions, this.batches, summary));
    this.definitions = [];
    this.batches = [];
  }

  failed(): void {
    this.pending = [];
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.batches.push(decodeRows(this.pending, this.definitions));
    this.pending = [];
  }
}
