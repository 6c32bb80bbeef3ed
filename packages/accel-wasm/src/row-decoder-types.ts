import type { ColumnBatch } from './column-batch.js';
import type { ColumnPlan } from './plan.js';
import type { EncodeColumn, Rowdat1Batch, RowdatPlan } from './rowdat1-plan.js';

/** One text-protocol batch, validated by the public front end (row-decoder.ts). */
export interface TextDecodeJob {
  readonly plans: readonly ColumnPlan[];
  readonly input: Uint8Array;
  /** (start, end) pairs into `input`, every one within [spanStart, spanEnd]. */
  readonly bounds: Uint32Array;
  readonly rows: number;
  readonly spanStart: number;
  readonly spanEnd: number;
  readonly invalidDatesAsNull: boolean;
}

/** A failure as both implementations report it: a status (status.ts), row and column. */
export interface Failure {
  readonly ok: false;
  readonly status: number;
  readonly row: number;
  readonly column: number;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | Failure;
export type TextDecodeOutcome = Outcome<ColumnBatch>;
export type Rowdat1Outcome = Outcome<Rowdat1Batch>;
export type Rowdat1EncodeOutcome = Outcome<Uint8Array>;

/** What each implementation (TypeScript, WebAssembly) provides. */
export interface Implementation {
  readonly name: 'wasm' | 'ts';
  decodeText(job: TextDecodeJob): TextDecodeOutcome;
  decodeRowdat1(plans: readonly RowdatPlan[], input: Uint8Array): Rowdat1Outcome;
  encodeRowdat1(
    columns: readonly EncodeColumn[],
    rowIds: BigInt64Array,
    rows: number,
    nullFloatNaN: boolean,
  ): Rowdat1EncodeOutcome;
}
