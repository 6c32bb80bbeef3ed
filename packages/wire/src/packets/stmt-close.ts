import { PacketWriter } from '../protocol/packet-writer.js';
import { CommandByte } from '../protocol/protocol-constants.js';

/** COM_STMT_CLOSE: frees a prepared statement on the server, which sends no reply. */
export function stmtClosePacket(statementId: number): Uint8Array {
  return new PacketWriter(5).u8(CommandByte.STMT_CLOSE).u32(statementId).finish();
}
