import { PacketReader } from '../protocol/packet-reader.js';
import { malformedPacket } from '../protocol/wire-errors.js';

/** The server's first packet (wire-protocol.md §3). */
export interface HandshakeV10 {
  readonly protocolVersion: number;
  readonly serverVersion: string;
  readonly connectionId: number;
  /** The 20-byte scramble (nonce) for the auth plugins. */
  readonly scramble: Uint8Array;
  readonly capabilities: number;
  readonly charset: number;
  readonly status: number;
  readonly authPluginName: string;
}

/** Parses a HandshakeV10 payload; an ERR payload must be handled by the caller first. */
export function parseHandshakeV10(payload: Uint8Array): HandshakeV10 {
  const reader = new PacketReader(payload, 'HandshakeV10');
  const protocolVersion = reader.u8();
  if (protocolVersion !== 10) {
    throw malformedPacket(`unsupported handshake protocol version ${protocolVersion}`);
  }
  const serverVersion = reader.nulTerminatedString();
  const connectionId = reader.u32();
  const scrambleStart = reader.bytes(8);
  reader.skip(1);
  let capabilities = reader.u16();
  let charset = 0;
  let status = 0;
  let authDataLength = 0;
  let scrambleEnd: Uint8Array = new Uint8Array(0);
  let authPluginName = '';
  if (reader.remaining > 0) {
    charset = reader.u8();
    status = reader.u16();
    capabilities |= reader.u16() << 16;
    capabilities >>>= 0;
    authDataLength = reader.u8();
    reader.skip(10);
    const restLength = Math.max(12, authDataLength - 9);
    scrambleEnd = reader.bytes(Math.min(restLength, reader.remaining));
    if (reader.peek() === 0) reader.skip(1);
    if (reader.remaining > 0) authPluginName = reader.nulTerminatedString(true);
  }
  const scramble = new Uint8Array(scrambleStart.length + scrambleEnd.length);
  scramble.set(scrambleStart);
  scramble.set(scrambleEnd, scrambleStart.length);
  return {
    protocolVersion,
    serverVersion,
    connectionId,
    scramble: scramble.subarray(0, 20),
    capabilities,
    charset,
    status,
    authPluginName,
  };
}
