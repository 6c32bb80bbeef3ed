import { PacketWriter } from '../protocol/packet-writer.js';
import { CommandByte } from '../protocol/protocol-constants.js';

/** The bytes of COM_STMT_SEND_LONG_DATA before the data: command, statement id, parameter. */
export const STMT_SEND_LONG_DATA_HEADER = 7;

/**
 * COM_STMT_SEND_LONG_DATA: appends `data` to parameter `parameter` (0-based) of a prepared
 * statement for its next execute. The server sends no reply; an error (such as the value
 * outgrowing the server's max_allowed_packet) is reported by that execute.
 */
export function stmtSendLongDataPacket(
  statementId: number,
  parameter: number,
  data: Uint8Array,
): Uint8Array {
  return new PacketWriter(STMT_SEND_LONG_DATA_HEADER + data.length)
    .u8(CommandByte.STMT_SEND_LONG_DATA)
    .u32(statementId)
    .u16(parameter)
    .bytes(data)
    .finish();
}
