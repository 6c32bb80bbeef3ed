import { PacketWriter } from '../protocol/packet-writer.js';
import { Capability, UTF8MB4_GENERAL_CI } from '../protocol/protocol-constants.js';

/** What the client answers the handshake with (wire-protocol.md §5). */
export interface HandshakeResponse41 {
  /** Client flags, already masked by the server's (python-sdk-quirks.md #15). */
  readonly capabilities: number;
  readonly user: string;
  readonly authResponse: Uint8Array;
  readonly database: string | undefined;
  readonly authPluginName: string;
  readonly attributes: ReadonlyMap<string, string>;
}

const MAX_PACKET_SIZE = 0xffffff;

function writeFixedPart(writer: PacketWriter, capabilities: number): void {
  writer.u32(capabilities).u32(MAX_PACKET_SIZE).u8(UTF8MB4_GENERAL_CI).zeros(23);
}

/** The 32-byte SSLRequest: the fixed part of HandshakeResponse41, sent before the TLS upgrade. */
export function writeSslRequest(capabilities: number): Uint8Array {
  const writer = new PacketWriter(32);
  writeFixedPart(writer, capabilities);
  return writer.finish();
}

/** Serialises a HandshakeResponse41 payload. */
export function writeHandshakeResponse41(response: HandshakeResponse41): Uint8Array {
  const { capabilities } = response;
  const writer = new PacketWriter();
  writeFixedPart(writer, capabilities);
  writer.nulTerminatedString(response.user);
  if (capabilities & Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA) {
    writer.lengthEncodedBytes(response.authResponse);
  } else {
    writer.u8(response.authResponse.length).bytes(response.authResponse);
  }
  if (capabilities & Capability.CONNECT_WITH_DB) {
    writer.nulTerminatedString(response.database ?? '');
  }
  if (capabilities & Capability.PLUGIN_AUTH) writer.nulTerminatedString(response.authPluginName);
  if (capabilities & Capability.CONNECT_ATTRS) {
    const attributes = new PacketWriter();
    for (const [key, value] of response.attributes) {
      attributes.lengthEncodedString(key).lengthEncodedString(value);
    }
    writer.lengthEncodedBytes(attributes.finish());
  }
  return writer.finish();
}
