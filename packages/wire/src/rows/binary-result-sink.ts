import type { ResultSink, ResultSummary } from '../commands/result-sink.js';
import type { ColumnDefinition } from '../packets/column-definition.js';
import type { SequenceCounter } from '../protocol/packet-framing.js';
import { BinaryRowTranscoder } from './binary-row-transcoder.js';
import { RowPacketScan } from './row-packet-scan.js';

/**
 * A ResultSink for the binary rows of COM_STMT_EXECUTE: it rewrites each row as a text row
 * (BinaryRowTranscoder) and hands everything to `target`, a sink of the text path
 * (BufferedResults, QueryStream), which batches, decodes and throttles as it does for COM_QUERY.
 */
export class BinaryResultSink implements ResultSink {
  private transcoder: BinaryRowTranscoder | undefined;
  private readonly scan = new RowPacketScan();

  constructor(private readonly target: ResultSink) {}

  columns(definitions: readonly ColumnDefinition[]): void {
    this.transcoder = new BinaryRowTranscoder(definitions);
    this.target.columns(definitions);
  }

  row(payload: Uint8Array): void {
    this.target.row(this.transcoder!.row(payload));
  }

  packets(chunk: Uint8Array, at: number, sequence: SequenceCounter): number {
    const scan = this.scan;
    const end = scan.scan(chunk, at, sequence);
    if (scan.count > 0) this.rows(chunk, 0, scan.bounds, scan.count);
    return end;
  }

  rows(chunk: Uint8Array, start: number, bounds: Uint32Array, count: number): void {
    const run = this.transcoder!.run(chunk, start, bounds, count);
    this.target.rows(run.bytes, 0, run.bounds, count);
  }

  resultEnd(summary: ResultSummary, last: boolean): void {
    this.transcoder = undefined;
    this.target.resultEnd(summary, last);
  }

  failed(error: unknown): void {
    this.transcoder = undefined;
    this.target.failed(error);
  }
}
