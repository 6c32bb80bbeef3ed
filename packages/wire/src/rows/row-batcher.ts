import {
  type ColumnBatch,
  type ColumnSpec,
  createRowDecoder,
  RowDecodeError,
  type RowDecoder,
} from '@s2/accel-wasm';
import { DataError, InterfaceError, OperationalError, S2Error } from '@s2/core-cursor';
import type { ColumnDefinition } from '../packets/column-definition.js';
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
 * Collects the row payloads of one result set into one contiguous buffer and hands each
 * batch to @s2/accel-wasm's decoder. Copying a row once here lets the socket chunks it came
 * in be freed at once, and gives the decoder the one-buffer-plus-bounds input it wants.
 */
export class RowBatcher {
  private readonly decoder: RowDecoder;
  private buffer = new Uint8Array(256);
  private used = 0;
  private bounds = new Uint32Array(2 * 4);
  private count = 0;
  private decodedRows = 0;

  constructor(columns: readonly ColumnDefinition[]) {
    this.decoder = decoderFor(columns);
  }

  /** Rows waiting to be decoded. */
  get pendingRows(): number {
    return this.count;
  }

  /** Bytes of rows waiting to be decoded. */
  get pendingBytes(): number {
    return this.used;
  }

  private reserve(bytes: number, rows: number): void {
    const end = this.used + bytes;
    if (end > this.buffer.length) {
      const grown = new Uint8Array(Math.max(end, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.used));
      this.buffer = grown;
    }
    const bounds = 2 * (this.count + rows);
    if (bounds > this.bounds.length) {
      const grown = new Uint32Array(Math.max(bounds, this.bounds.length * 2));
      grown.set(this.bounds);
      this.bounds = grown;
    }
  }

  add(payload: Uint8Array): void {
    this.reserve(payload.length, 1);
    const end = this.used + payload.length;
    this.buffer.set(payload, this.used);
    this.bounds[2 * this.count] = this.used;
    this.bounds[2 * this.count + 1] = end;
    this.count += 1;
    this.used = end;
  }

  /**
   * Adds rows `first…last-1` of a run that lies in `chunk` from `start` (bounds are pairs
   * relative to `start`) with one copy; the frame headers between them come along and are
   * skipped by the bounds.
   */
  addRun(chunk: Uint8Array, start: number, bounds: Uint32Array, first: number, last: number): void {
    const from = start + (bounds[2 * first] as number);
    const to = start + (bounds[2 * last - 1] as number);
    const count = last - first;
    this.reserve(to - from, count);
    this.buffer.set(chunk.subarray(from, to), this.used);
    const shift = this.used - (bounds[2 * first] as number);
    const target = this.bounds;
    const at = 2 * this.count - 2 * first;
    for (let index = 2 * first; index < 2 * last; index += 1) {
      target[at + index] = (bounds[index] as number) + shift;
    }
    this.count += count;
    this.used += to - from;
  }

  /** Decodes the pending rows (possibly none) into a batch and starts a new one. */
  flush(): ColumnBatch {
    const rows = this.count;
    this.count = 0;
    this.used = 0;
    try {
      return this.decoder.decode(
        this.buffer.subarray(0, this.bounds[2 * rows - 1] ?? 0),
        this.bounds.subarray(0, 2 * rows),
        this.decodedRows,
      );
    } catch (error) {
      throw wrapDecodeError(error);
    } finally {
      this.decodedRows += rows;
    }
  }
}
