import type { ColumnBatch } from './column-batch.js';
import type { ColumnSpec, DecodeOptions } from './column-spec.js';
import { decodeError } from './errors.js';
import { type ColumnPlan, planColumns } from './plan.js';
import { RowBatchBuilder } from './row-batch-builder.js';
import { type AccelImplementation, type AccelMode, resolveImplementation } from './selection.js';

/** Options of a text-protocol row decoder. */
export interface RowDecoderOptions extends DecodeOptions {
  /** Force an implementation for this decoder (default: the mode in force). */
  readonly accel?: AccelMode;
}

/**
 * Decodes MySQL text-protocol rows of one result set into column batches. Create one per
 * result (the column specs are resolved once) and call `decode` once per batch of rows, so a
 * streaming cursor holds one batch at a time.
 */
export interface RowDecoder {
  readonly columns: readonly ColumnSpec[];
  /** The implementation the next `decode` uses. */
  readonly implementation: AccelImplementation;
  /**
   * Decode the rows whose payloads (without the 4-byte packet header; a row split over
   * several 16 MiB packets must be joined first) lie at `data[rowBounds[2i], rowBounds[2i+1])`.
   * `data` may be a socket chunk holding several packets: nothing is copied per row.
   * `firstRow` is added to the row number in errors (the rows already decoded in this result).
   * @throws RowDecodeError for bad row data (the same code, row and column whichever
   *   implementation runs); TypeError/RangeError for bad arguments.
   */
  decode(
    data: Uint8Array,
    rowBounds: Uint32Array | ArrayLike<number>,
    firstRow?: number,
  ): ColumnBatch;
  /**
   * A builder that collects this result's rows batch by batch straight into the memory the
   * decoder reads, for callers that copy rows out of socket chunks anyway (a protocol client):
   * it saves the copy into WebAssembly memory and the bounds check of `decode`.
   */
  createBatchBuilder(): RowBatchBuilder;
}

const MAX_SPAN = 0x7fffffff;

function checkBounds(data: Uint8Array, rowBounds: Uint32Array | ArrayLike<number>) {
  if (!(data instanceof Uint8Array)) throw new TypeError('data must be a Uint8Array');
  let bounds: Uint32Array;
  if (rowBounds instanceof Uint32Array) bounds = rowBounds;
  else {
    if (
      rowBounds === null ||
      typeof rowBounds !== 'object' ||
      typeof rowBounds.length !== 'number'
    ) {
      throw new TypeError('rowBounds must be a Uint32Array of (start, end) pairs');
    }
    for (let i = 0; i < rowBounds.length; i++) {
      const value = rowBounds[i];
      if (!Number.isInteger(value) || value! < 0 || value! > 0xffffffff) {
        throw new TypeError(`rowBounds[${i}] = ${String(value)} is not an unsigned 32-bit integer`);
      }
    }
    bounds = Uint32Array.from(rowBounds);
  }
  if (bounds.length % 2 !== 0) throw new TypeError('rowBounds must hold (start, end) pairs');
  const rows = bounds.length / 2;
  let spanStart = rows === 0 ? 0 : data.length;
  let spanEnd = 0;
  for (let r = 0; r < rows; r++) {
    const start = bounds[2 * r]!;
    const end = bounds[2 * r + 1]!;
    if (start > end || end > data.length) {
      throw new RangeError(
        `row ${r}: bounds ${start}..${end} are not a range within the data (${data.length} bytes)`,
      );
    }
    if (start < spanStart) spanStart = start;
    if (end > spanEnd) spanEnd = end;
  }
  if (spanEnd - spanStart > MAX_SPAN) {
    throw new RangeError('one batch may span at most 2 GiB of row data; decode smaller batches');
  }
  return { bounds, rows, spanStart, spanEnd: Math.max(spanStart, spanEnd) };
}

class TextRowDecoder implements RowDecoder {
  private readonly plans: readonly ColumnPlan[];
  private readonly invalidDatesAsNull: boolean;

  constructor(
    readonly columns: readonly ColumnSpec[],
    private readonly options: RowDecoderOptions,
  ) {
    this.plans = planColumns(columns, options);
    this.invalidDatesAsNull = options.invalidDates === 'null';
    if (options.accel !== undefined) resolveImplementation(options.accel);
  }

  get implementation(): AccelImplementation {
    return resolveImplementation(this.options.accel).name;
  }

  decode(data: Uint8Array, rowBounds: Uint32Array | ArrayLike<number>, firstRow = 0): ColumnBatch {
    if (!Number.isSafeInteger(firstRow) || firstRow < 0) {
      throw new TypeError(`firstRow must be a non-negative integer, not ${String(firstRow)}`);
    }
    const { bounds, rows, spanStart, spanEnd } = checkBounds(data, rowBounds);
    const outcome = resolveImplementation(this.options.accel).decodeText({
      plans: this.plans,
      input: data,
      bounds,
      rows,
      spanStart,
      spanEnd,
      invalidDatesAsNull: this.invalidDatesAsNull,
    });
    if (!outcome.ok) throw decodeError(outcome, this.plans, firstRow);
    return outcome.value;
  }

  createBatchBuilder(): RowBatchBuilder {
    return new RowBatchBuilder(this.plans, this.invalidDatesAsNull, this.options.accel);
  }
}

/** A decoder for one result set's rows (see `RowDecoder`). */
export function createRowDecoder(
  columns: readonly ColumnSpec[],
  options: RowDecoderOptions = {},
): RowDecoder {
  return new TextRowDecoder(columns, options);
}

/** Decode one batch of text-protocol rows (a one-shot `createRowDecoder(...).decode(...)`). */
export function decodeRows(
  columns: readonly ColumnSpec[],
  data: Uint8Array,
  rowBounds: Uint32Array | ArrayLike<number>,
  options: RowDecoderOptions & { readonly firstRow?: number } = {},
): ColumnBatch {
  return new TextRowDecoder(columns, options).decode(data, rowBounds, options.firstRow);
}
