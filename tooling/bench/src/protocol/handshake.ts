import { CAPABILITIES_HIDDEN_FROM_REPLAY, CLIENT_LONG_PASSWORD } from './packet-constants.js';

/** Where the capability halves sit in a protocol-v10 server greeting (wire-protocol.md §3). */
interface GreetingLayout {
  readonly capabilitiesLow: number;
  readonly capabilitiesHigh: number;
  /** MariaDB puts its extended capabilities in the last 4 of the 10 reserved bytes. */
  readonly mariadbExtended: number;
}

function greetingLayout(payload: Buffer): GreetingLayout {
  const versionEnd = payload.indexOf(0, 1);
  if (payload[0] !== 10 || versionEnd < 0) {
    throw new Error('the server greeting is not a protocol-v10 handshake');
  }
  const capabilitiesLow = versionEnd + 1 + 4 + 8 + 1;
  const capabilitiesHigh = capabilitiesLow + 2 + 1 + 2;
  return { capabilitiesLow, capabilitiesHigh, mariadbExtended: capabilitiesHigh + 2 + 1 + 6 };
}

/** The server's capability flags from its greeting payload. */
export function greetingCapabilities(payload: Buffer): number {
  const layout = greetingLayout(payload);
  return (
    (payload.readUInt16LE(layout.capabilitiesLow) |
      (payload.readUInt16LE(layout.capabilitiesHigh) << 16)) >>>
    0
  );
}

/**
 * A copy of the greeting that no longer offers the capabilities a replay cannot honour, nor
 * MariaDB's extended capabilities (metadata caching, bulk), so clients negotiate the classic
 * result layout the recording is made in.
 */
export function hideReplayCapabilitiesInGreeting(payload: Buffer): Buffer {
  const copy = Buffer.from(payload);
  const layout = greetingLayout(copy);
  const flags = (greetingCapabilities(copy) & ~CAPABILITIES_HIDDEN_FROM_REPLAY) >>> 0;
  copy.writeUInt16LE(flags & 0xffff, layout.capabilitiesLow);
  copy.writeUInt16LE(flags >>> 16, layout.capabilitiesHigh);
  if ((flags & CLIENT_LONG_PASSWORD) === 0 && copy.length >= layout.mariadbExtended + 4) {
    copy.writeUInt32LE(0, layout.mariadbExtended);
  }
  return copy;
}

/**
 * A copy of a HandshakeResponse41 that asks for none of the hidden capabilities. Clients may send
 * flags the greeting did not offer (wire-protocol.md §4); the real server would honour some.
 */
export function hideReplayCapabilitiesInResponse(payload: Buffer): Buffer {
  const copy = Buffer.from(payload);
  if (copy.length < 32) return copy;
  copy.writeUInt32LE((copy.readUInt32LE(0) & ~CAPABILITIES_HIDDEN_FROM_REPLAY) >>> 0, 0);
  // MariaDB's extended client capabilities: the last 4 of the 23 reserved bytes.
  copy.writeUInt32LE(0, 28);
  return copy;
}
