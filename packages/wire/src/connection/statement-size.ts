import { Buffer } from 'node:buffer';
import { OperationalError } from '@s2/core-cursor';
import { ClientErrno } from '../protocol/protocol-constants.js';

/** UTF-8 needs at most 3 bytes per UTF-16 code unit. */
const MOST_BYTES_PER_UNIT = 3;

/**
 * The longest packet payload a server whose max_allowed_packet is `maxAllowedPacket` takes:
 * MariaDB refuses a payload of exactly max_allowed_packet bytes (10.11, tested: 1153 for a
 * COM_QUERY, a dropped connection for LOCAL INFILE data), as MySQL's network layer does.
 */
export function largestPacketPayload(maxAllowedPacket: number): number {
  return maxAllowedPacket - 1;
}

/**
 * Refuses a statement whose COM_QUERY payload (the command byte and the UTF-8 text) the
 * server would refuse under `maxAllowedPacket`, before anything is sent: the server would
 * answer ERR 1153 and drop the connection, while this keeps it usable. The text is measured
 * only when its length alone cannot rule the limit out, so ordinary statements cost one
 * comparison.
 */
export function checkStatementSize(sql: string, maxAllowedPacket: number | undefined): void {
  if (maxAllowedPacket === undefined) return;
  const largest = largestPacketPayload(maxAllowedPacket);
  if (1 + sql.length * MOST_BYTES_PER_UNIT <= largest) return;
  const payloadBytes = 1 + Buffer.byteLength(sql, 'utf8');
  if (payloadBytes <= largest) return;
  throw new OperationalError(
    `Statement of ${payloadBytes} bytes does not fit maxAllowedPacket (${maxAllowedPacket} bytes; ` +
      `packets must be shorter); not sent. Raise maxAllowedPacket (up to the server's ` +
      'max_allowed_packet) or send the data with LOAD DATA LOCAL INFILE',
    { errno: ClientErrno.NET_PACKET_TOO_LARGE },
  );
}
