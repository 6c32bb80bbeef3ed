import { InterfaceError, InternalError, OperationalError, type S2Error } from '@s2/core-cursor';
import { ClientErrno } from './protocol-constants.js';

/** A packet that does not parse as the message the protocol expects at this point. */
export function malformedPacket(where: string): S2Error {
  return new OperationalError(`Malformed packet: ${where}`, {
    errno: ClientErrno.MALFORMED_PACKET,
  });
}

/** The socket closed or failed while the server still owed bytes. */
export function lostConnection(cause?: unknown): S2Error {
  return new OperationalError('Lost connection to server during query', {
    errno: ClientErrno.SERVER_LOST,
    cause,
  });
}

/** A write failed, or a command was sent on a socket that is already gone. */
export function serverGone(cause?: unknown): S2Error {
  return new OperationalError('Server has gone away', {
    errno: ClientErrno.SERVER_GONE_ERROR,
    cause,
  });
}

/** A use of a connection after `close()` (python-sdk-quirks.md #37). */
export function connectionClosed(): S2Error {
  return new InterfaceError('Connection is closed', { errno: ClientErrno.CONNECTION_CLOSED });
}

/** The server sent a packet the current command's state machine does not allow. */
export function outOfSync(where: string): S2Error {
  return new OperationalError(`Commands out of sync: ${where}`, {
    errno: ClientErrno.COMMANDS_OUT_OF_SYNC,
  });
}

/** A frame arrived with a sequence id other than the next one. */
export function wrongSequence(expected: number, received: number): S2Error {
  if (received === 0) return lostConnection();
  return new InternalError(
    `Packet sequence number wrong: expected ${expected}, received ${received}`,
  );
}

/** No byte arrived for `readTimeout` ms while the server owed a reply. */
export function readTimedOut(readTimeout: number | undefined): S2Error {
  return new OperationalError(
    `Lost connection to server: no data for ${readTimeout} ms (readTimeout)`,
    { errno: ClientErrno.SERVER_LOST },
  );
}

/** A write left the socket's buffer full for `writeTimeout` ms. */
export function writeTimedOut(writeTimeout: number | undefined): S2Error {
  return new OperationalError(
    `Lost connection to server: a write did not drain within ${writeTimeout} ms (writeTimeout)`,
    { errno: ClientErrno.SERVER_LOST },
  );
}
