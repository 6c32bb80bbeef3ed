import {
  type ColumnBatch,
  type ColumnSpec,
  createRowDecoder,
  type RowBatchBuilder,
  RowDecodeError,
  type RowDecoder,
} from '@s2/accel-wasm';
import { DataError, InterfaceError, OperationalError, S2Error } from '@s2/core-cursor';
import type { ColumnDefinition } from '../packets/column-definition.js';
import type { SequenceCounter } from '../protocol/packet-framing.js';
import { ClientErrno } from '../protocol/protocol-constants.js';

/** Row errors that mean the packet itself is broken rather than a value unreadable. */
const STRUCTURAL_ROW_ERRORS = new Set(['TRUNCATED', 'BAD_LENGTH', 'TRAILING_BYTES']);

function columnSpec(column: ColumnDefinition): ColumnSpec {
  const spec = {
    typeCode: column.typeCode,
    flags: column.flags,
    charset: column.charset,
    decimals: column.decimals,
  };
  return column.vector === undefined ? spec : { ...spec, vectorDims: column.vector.dims };
}

/**
 * A decoding failure as a member of the S2Error family: accel-wasm's RowDecodeError by its
 * code, anything else (an accelerator that cannot load) as an InterfaceError keeping its text.
 */
function wrapDecodeError(error: unknown): S2Error {
  if (S2Error.isInstance(error)) return error;
  if (!(error instanceof RowDecodeError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new InterfaceError(`Row decoding failed: ${message}`, { cause: error });
  }
  return STRUCTURAL_ROW_ERRORS.has(error.code)
    ? new OperationalError(`Malformed packet: ${error.message}`, {
        errno: ClientErrno.MALFORMED_PACKET,
        cause: error,
      })
    : new DataError(error.message, { cause: error });
}

/** Decoders by column layout, so repeated queries (SELECT 1 in a loop) reuse their plan. */
const decoders = new Map<string, RowDecoder>();
const MAX_CACHED_DECODERS = 128;

/** Decoders by column array: a repeated layout comes as the same frozen array. */
const decodersByColumns = new WeakMap<readonly ColumnDefinition[], RowDecoder>();

function decoderFor(columns: readonly ColumnDefinition[]): RowDecoder {
  let decoder = decodersByColumns.get(columns);
  if (decoder === undefined) {
    decoder = decoderForLayout(columns);
    if (Object.isFrozen(columns)) decodersByColumns.set(columns, decoder);
  }
  return decoder;
}

function decoderForLayout(columns: readonly ColumnDefinition[]): RowDecoder {
  const key = columns
    .map(
      (column) =>
        `${column.typeCode},${column.flags},${column.charset},${column.decimals},${column.vector?.dims ?? ''}`,
    )
    .join(';');
  let decoder = decoders.get(key);
  if (decoder === undefined) {
    // Impossible dates (MariaDB's ALLOW_INVALID_DATES) read as NULL rather than failing the query.
    decoder = createRowDecoder(columns.map(columnSpec), { invalidDates: 'null' });
    if (decoders.size >= MAX_CACHED_DECODERS)
      decoders.delete(decoders.keys().next().value as string);
    decoders.set(key, decoder);
  }
  return decoder;
}

/**
 * Collects the row payloads of one result set and hands each batch to @s2/accel-wasm's
 * decoder. A row is copied once, into the memory the decoder reads (WebAssembly memory when
 * wasm decodes), which lets the socket chunks it came in be freed at once.
 */
export class RowBatcher {
  private readonly builder: RowBatchBuilder;

  /** A batch is full at `batchRows` rows or `batchBytes` bytes of rows, whichever comes first. */
  constructor(
    columns: readonly ColumnDefinition[],
    private readonly batchRows: number,
    private readonly batchBytes: number,
  ) {
    this.builder = decoderFor(columns).createBatchBuilder();
  }

  /** Whether the pending rows make a whole batch. */
  get full(): boolean {
    return (
      this.builder.pendingRows >= this.batchRows || this.builder.pendingBytes >= this.batchBytes
    );
  }

  /** Rows waiting to be decoded. */
  get pendingRows(): number {
    return this.builder.pendingRows;
  }

  /** Bytes of rows waiting to be decoded. */
  get pendingBytes(): number {
    return this.builder.pendingBytes;
  }

  add(payload: Uint8Array): void {
    this.builder.addRow(payload);
  }

  /**
   * Adds the row packets framed in `chunk` from `at` up to where the batch is full (see
   * `RowRunTarget.acceptRows`), advancing `sequence` past them; returns where they end.
   */
  addPackets(chunk: Uint8Array, at: number, sequence: SequenceCounter): number {
    const before = this.builder.pendingRows;
    const first = sequence.next;
    const end = this.builder.addPackets(chunk, at, first, Math.max(1, this.batchRows - before));
    sequence.next = (first + this.builder.pendingRows - before) & 0xff;
    return end;
  }

  /**
   * Adds rows from `first` of the `count` in a run lying in `chunk` from `start` (bounds are
   * pairs relative to `start`) with one copy, up to where the batch is full (at least one row);
   * returns the first row not added. The frame headers between rows come along and are skipped
   * by the bounds.
   */
  addRun(
    chunk: Uint8Array,
    start: number,
    bounds: Uint32Array,
    first: number,
    count: number,
  ): number {
    const last = Math.min(count, first + Math.max(1, this.batchRows - this.builder.pendingRows));
    this.builder.addRun(chunk, start, bounds, first, last);
    return last;
  }

  /** Decodes the pending rows (possibly none) into a batch and starts a new one. */
  flush(): ColumnBatch {
    try {
      return this.builder.build();
    } catch (error) {
      throw wrapDecodeError(error);
    }
  }

  /** Drops the pending rows and gives back their memory (the result ended in a failure). */
  release(): void {
    this.builder.release();
  }
}
