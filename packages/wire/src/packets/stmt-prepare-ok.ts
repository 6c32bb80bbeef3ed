import { PacketReader } from '../protocol/packet-reader.js';
import { PacketHeader } from '../protocol/protocol-constants.js';
import { malformedPacket } from '../protocol/wire-errors.js';

/** COM_STMT_PREPARE_OK: the first packet of a successful prepare. */
export interface StmtPrepareOk {
  readonly statementId: number;
  /** Column definitions that follow the parameter definitions. */
  readonly columnCount: number;
  /** Parameter definitions that follow this packet (one per `?`). */
  readonly paramCount: number;
  readonly warnings: number;
}

/** 0x00, statement id (4), column count (2), parameter count (2), a filler byte, warnings (2). */
export function parseStmtPrepareOk(payload: Uint8Array): StmtPrepareOk {
  const reader = new PacketReader(payload, 'COM_STMT_PREPARE_OK');
  const header = reader.u8();
  if (header !== PacketHeader.OK) {
    throw malformedPacket(`COM_STMT_PREPARE_OK starts with 0x${header.toString(16)}`);
  }
  const statementId = reader.u32();
  const columnCount = reader.u16();
  const paramCount = reader.u16();
  reader.skip(1);
  // Servers before 4.1.0 stopped here; every server this package speaks to sends warnings.
  const warnings = reader.remaining >= 2 ? reader.u16() : 0;
  return { statementId, columnCount, paramCount, warnings };
}
