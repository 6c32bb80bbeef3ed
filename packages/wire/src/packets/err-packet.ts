import { errorFromServer, type S2Error } from '@s2/core-cursor';
import { PacketReader } from '../protocol/packet-reader.js';
import { PacketHeader } from '../protocol/protocol-constants.js';

/** ERR packet (wire-protocol.md §11.5). */
export interface ErrPacket {
  readonly errno: number;
  /** Present when the packet has the `#` marker (python-sdk-quirks.md #33). */
  readonly sqlState: string | undefined;
  readonly message: string;
}

export function isErrPacket(payload: Uint8Array): boolean {
  return payload[0] === PacketHeader.ERR;
}

export function parseErrPacket(payload: Uint8Array): ErrPacket {
  const reader = new PacketReader(payload, 'ERR packet', 1);
  const errno = reader.u16();
  let sqlState: string | undefined;
  if (reader.peek() === 0x23 && reader.remaining >= 6) {
    reader.skip(1);
    sqlState = reader.fixedString(5);
  }
  return { errno, sqlState, message: reader.restString() };
}

/** The S2Error of the class the errno maps to, for an ERR payload. */
export function errorFromErrPacket(payload: Uint8Array): S2Error {
  const packet = parseErrPacket(payload);
  return errorFromServer({
    errno: packet.errno,
    message: packet.message,
    ...(packet.sqlState === undefined ? {} : { sqlState: packet.sqlState }),
  });
}
