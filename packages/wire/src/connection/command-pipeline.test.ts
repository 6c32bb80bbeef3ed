import { InternalError, S2Error } from '@s2/core-cursor';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../index.js';
import {
  acceptLogin,
  acceptSetup,
  errPacket,
  okPacket,
  type ScriptedServer,
  type ScriptedSession,
  startScriptedServer,
} from '../test-support/scripted-server.js';

const TOO_LARGE = "Got a packet bigger than 'max_allowed_packet' bytes";

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A server that answers the first query with `payload` framed with sequence id 9 (1 is next),
 * in `pieces` writes, and keeps the socket open: the client alone decides the connection is
 * broken.
 */
async function answerOutOfOrder(payload: Uint8Array, pieces = 1): Promise<ScriptedServer> {
  return startScriptedServer(async (session: ScriptedSession) => {
    await acceptLogin(session);
    await acceptSetup(session);
    await session.read();
    session.sequence = 9;
    const frame = session.frame(payload);
    const size = Math.ceil(frame.length / pieces);
    for (let at = 0; at < frame.length; at += size) {
      session.socket.write(frame.subarray(at, at + size));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await session.read();
  });
}

async function queryFailure(port: number): Promise<{ error: unknown; connected: boolean }> {
  const connection = await openConnection({ port, user: 'u', sslMode: 'disabled' });
  const error = await connection.query('SELECT x').then(
    () => new Error('the query succeeded'),
    (failure: unknown) => failure,
  );
  const connected = connection.isConnected();
  await connection.close();
  return { error, connected };
}

describe('a frame out of sequence (scripted server)', () => {
  for (const pieces of [1, 3]) {
    it(`an ERR packet is the server's error, in ${pieces} write(s), and the connection is broken`, async () => {
      server = await answerOutOfOrder(errPacket(1153, '08S01', TOO_LARGE), pieces);
      const { error, connected } = await queryFailure(server.port);
      expect(S2Error.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ errno: 1153, sqlState: '08S01', detail: TOO_LARGE });
      expect(connected).toBe(false);
    });
  }

  it('the server error stays the connection fatal error for later commands', async () => {
    server = await answerOutOfOrder(errPacket(1153, '08S01', TOO_LARGE));
    const connection = await openConnection({ port: server.port, user: 'u', sslMode: 'disabled' });
    await expect(connection.query('SELECT x')).rejects.toMatchObject({ errno: 1153 });
    await expect(connection.ping()).rejects.toMatchObject({ errno: 1153, detail: TOO_LARGE });
    await connection.close();
  });

  const garbled: [string, Uint8Array][] = [
    ['a garbled ERR (no SQLSTATE marker)', Uint8Array.of(0xff, 0x81, 0x04, 0x42, 0x61, 0x64)],
    ['an OK packet', okPacket()],
  ];
  for (const [name, payload] of garbled) {
    it(`${name} keeps the sequence error`, async () => {
      server = await answerOutOfOrder(payload);
      const { error, connected } = await queryFailure(server.port);
      expect(error).toBeInstanceOf(InternalError);
      expect((error as S2Error).detail).toBe(
        'Packet sequence number wrong: expected 1, received 9',
      );
      expect(connected).toBe(false);
    });
  }
});
