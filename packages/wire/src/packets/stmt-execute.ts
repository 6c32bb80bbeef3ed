import type { BoundParams } from '../prepared/binary-params.js';
import { PacketWriter } from '../protocol/packet-writer.js';
import { BinaryProtocol, CommandByte } from '../protocol/protocol-constants.js';

/**
 * COM_STMT_EXECUTE: statement id, flags (no cursor), iteration count 1 and, when the
 * statement has parameters, their NULL bitmap, the new-params-bound flag, their types and
 * their values. Types are sent with every execute, so a statement can take a value of another
 * type each time.
 */
export function stmtExecutePacket(statementId: number, params: BoundParams): Uint8Array {
  const writer = new PacketWriter(stmtExecuteLength(params))
    .u8(CommandByte.STMT_EXECUTE)
    .u32(statementId)
    .u8(BinaryProtocol.CURSOR_TYPE_NO_CURSOR)
    .u32(BinaryProtocol.ITERATION_COUNT);
  if (params.count > 0) {
    writer
      .bytes(params.nullBitmap)
      .u8(BinaryProtocol.NEW_PARAMS_BOUND)
      .bytes(params.types)
      .bytes(params.values);
  }
  return writer.finish();
}

/** The payload length of `stmtExecutePacket` for `params`. */
export function stmtExecuteLength(params: BoundParams): number {
  // Command byte, statement id, flags, iteration count.
  const fixed = 1 + 4 + 1 + 4;
  if (params.count === 0) return fixed;
  return fixed + params.nullBitmap.length + 1 + params.types.length + params.values.length;
}
