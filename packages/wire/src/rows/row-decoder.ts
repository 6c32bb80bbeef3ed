import { OperationalError, S2Error } from '@s2/core-cursor';
import type { ColumnDefinition } from '../packets/column-definition.js';
import { ClientErrno } from '../protocol/protocol-constants.js';
import type { ColumnBatch } from './column-batch.js';
import { decodeTextRows } from './text-row-decoder.js';

/** Turns a batch of text-protocol row payloads into a ColumnBatch. */
export type RowDecoder = (
  rows: readonly Uint8Array[],
  columns: readonly ColumnDefinition[],
) => ColumnBatch;

/**
 * The adapter between result-set reading and the row decoder. @s2/accel-wasm does not export
 * a decoder yet, so the package's own TypeScript reading runs; any failure that is not already
 * an S2Error (accel-wasm's RowDecodeError, a RangeError) becomes an OperationalError 2027.
 */
export const decodeRows: RowDecoder = (rows, columns) => {
  try {
    return decodeTextRows(rows, columns);
  } catch (error) {
    if (S2Error.isInstance(error)) throw error;
    throw new OperationalError(
      `Malformed packet: row values could not be decoded (${error instanceof Error ? error.message : String(error)})`,
      { errno: ClientErrno.MALFORMED_PACKET, cause: error },
    );
  }
};
