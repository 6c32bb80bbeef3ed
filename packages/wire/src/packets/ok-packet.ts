import { PacketReader } from '../protocol/packet-reader.js';
import { EOF_MAX_LENGTH, PacketHeader } from '../protocol/protocol-constants.js';

/** OK packet (wire-protocol.md §11.4). */
export interface OkPacket {
  readonly affectedRows: bigint;
  readonly lastInsertId: bigint;
  readonly status: number;
  readonly warnings: number;
  readonly info: string;
}

/** True for an OK packet: 0x00 and at least 7 bytes. */
export function isOkPacket(payload: Uint8Array): boolean {
  return payload[0] === PacketHeader.OK && payload.length >= 7;
}

/** An EOF packet: 0xFE with fewer than 9 bytes (a row or AuthSwitch can also start with 0xFE). */
export function isEofPacket(payload: Uint8Array): boolean {
  return payload[0] === PacketHeader.EOF && payload.length < EOF_MAX_LENGTH;
}

export function parseOkPacket(payload: Uint8Array): OkPacket {
  const reader = new PacketReader(payload, 'OK packet', 1);
  const affectedRows = reader.lengthEncodedBig();
  const lastInsertId = reader.lengthEncodedBig();
  const status = reader.u16();
  const warnings = reader.u16();
  const info = reader.remaining > 0 ? reader.restString() : '';
  return { affectedRows, lastInsertId, status, warnings, info };
}
