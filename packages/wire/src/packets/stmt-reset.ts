import { PacketWriter } from '../protocol/packet-writer.js';
import { CommandByte } from '../protocol/protocol-constants.js';

/**
 * COM_STMT_RESET: drops what the server holds for a prepared statement's next execute — long
 * data sent with COM_STMT_SEND_LONG_DATA, and the error a failed chunk left, which every
 * execute reports until this is sent (MariaDB and MySQL keep it) — and closes an open cursor.
 * The server answers OK, or ERR for an unknown statement.
 */
export function stmtResetPacket(statementId: number): Uint8Array {
  return new PacketWriter(5).u8(CommandByte.STMT_RESET).u32(statementId).finish();
}
