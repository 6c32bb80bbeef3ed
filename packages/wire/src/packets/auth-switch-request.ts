import { PacketReader } from '../protocol/packet-reader.js';

/** AuthSwitchRequest: 0xFE, plugin name + NUL, plugin data (wire-protocol.md §8.1). */
export interface AuthSwitchRequest {
  readonly pluginName: string;
  readonly pluginData: Uint8Array;
}

export function parseAuthSwitchRequest(payload: Uint8Array): AuthSwitchRequest {
  const reader = new PacketReader(payload, 'AuthSwitchRequest', 1);
  if (reader.remaining === 0) {
    // The pre-4.1 "use old password" form carries no name; report it as that plugin.
    return { pluginName: 'mysql_old_password', pluginData: new Uint8Array(0) };
  }
  const pluginName = reader.nulTerminatedString(true);
  return { pluginName, pluginData: reader.restBytes() };
}
