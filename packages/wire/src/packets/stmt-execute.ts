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
  const writer = new PacketWriter(
    16 + params.nullBitmap.length + params.types.length + params.values.length,
  )
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
