import { DataError, S2Error } from '@s2/core-cursor';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../index.js';
import { PacketWriter } from '../protocol/packet-writer.js';
import {
  acceptLogin,
  acceptSetup,
  columnPacket,
  eofPacket,
  resultSet,
  rowPacket,
  type ScriptedServer,
  type ScriptedSession,
  startScriptedServer,
} from '../test-support/scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const COLUMNS = [
  columnPacket('id', 3),
  columnPacket('name', 253),
  columnPacket('blob', 252, { charset: 63 }),
];
const ROWS = [
  rowPacket(['1', 'one', Uint8Array.of(1, 2)]),
  rowPacket(['2', null, new Uint8Array(300)]),
];

function framed(session: ScriptedSession, payloads: Uint8Array[]): Uint8Array {
  const parts = payloads.map((payload) => session.frame(payload));
  return Buffer.concat(parts);
}

/** A server that answers the first query with `reply(session)` and then does `after`. */
async function serverAnswering(
  reply: (session: ScriptedSession) => Uint8Array,
  after: 'close' | 'stay',
): Promise<ScriptedServer> {
  return startScriptedServer(async (session) => {
    await acceptLogin(session);
    await acceptSetup(session);
    await session.read();
    session.socket.write(reply(session));
    if (after === 'close') session.socket.destroy();
  });
}

async function expectTypedFailure(port: number, sql = 'SELECT x'): Promise<S2Error> {
  const connection = await openConnection({ port, user: 'u', sslMode: 'disabled' });
  const outcome = await Promise.race([
    connection.query(sql).then(
      () => new Error('the query succeeded'),
      (error: unknown) => error,
    ),
    new Promise((resolve) => setTimeout(() => resolve(new Error('no answer within 5 s')), 5000)),
  ]);
  expect(S2Error.isInstance(outcome)).toBe(true);
  expect(connection.isConnected()).toBe(false);
  await expect(connection.ping()).rejects.toSatisfy((error: unknown) => S2Error.isInstance(error));
  await connection.close();
  return outcome as S2Error;
}

describe('failure handling (scripted server)', () => {
  it('a connection cut at every byte of a result set gives a typed error, never a hang', async () => {
    let cut = 0;
    let total = 0;
    server = await serverAnswering((session) => {
      const bytes = framed(session, resultSet(COLUMNS, ROWS));
      total = bytes.length;
      return bytes.subarray(0, cut);
    }, 'close');
    for (cut = 0; cut === 0 || cut < total; cut += 1) {
      const error = await expectTypedFailure(server.port);
      expect([2013, 2027]).toContain(error.errno);
    }
    expect(total).toBeGreaterThan(300);
  }, 60_000);

  const garbled: [string, (session: ScriptedSession) => Uint8Array, number][] = [
    [
      'a wrong sequence id',
      (session) => {
        session.sequence = 9;
        return framed(session, resultSet(COLUMNS, ROWS));
      },
      0,
    ],
    [
      'a column count that is not a length',
      (session) => framed(session, [Uint8Array.of(0xff - 1, 1)]),
      2027,
    ],
    [
      'a truncated column definition',
      (session) => framed(session, [Uint8Array.of(1), Uint8Array.of(3, 0x64, 0x65)]),
      2027,
    ],
    [
      'rows without the column EOF',
      (session) => framed(session, [Uint8Array.of(1), columnPacket('a', 3), rowPacket(['1'])]),
      2014,
    ],
    [
      'an unknown extended type',
      (session) =>
        framed(session, [Uint8Array.of(1), columnPacket('a', 3, { extended: Uint8Array.of(7) })]),
      2027,
    ],
    [
      'a packet where no command runs',
      (session) =>
        framed(session, [...resultSet(COLUMNS, ROWS), new PacketWriter().u8(0).finish()]),
      2014,
    ],
  ];
  for (const [name, reply, errno] of garbled) {
    it(`${name} gives a typed error and closes the connection`, async () => {
      server = await serverAnswering(reply, 'stay');
      const connection = await openConnection({
        port: server.port,
        user: 'u',
        sslMode: 'disabled',
      });
      const outcome = await connection.query('SELECT x').then(
        async () => {
          // A stray packet after a complete result fails the connection when it arrives.
          await new Promise((resolve) => setTimeout(resolve, 50));
          return connection.fatalError ?? new Error('no failure');
        },
        (error: unknown) => error,
      );
      expect(S2Error.isInstance(outcome)).toBe(true);
      if (errno !== 0) expect((outcome as S2Error).errno).toBe(errno);
      expect(connection.isConnected()).toBe(false);
      await connection.close();
    });
  }

  it('a row cell longer than its packet fails the query with 2027; the framing is intact so the connection stays', async () => {
    server = await serverAnswering(
      (session) =>
        framed(session, [
          ...resultSet(COLUMNS, []).slice(0, -1),
          Uint8Array.of(1, 0x31, 0xfc, 0xff, 0xff),
          eofPacket(),
        ]),
      'stay',
    );
    await using connection = await openConnection({
      port: server.port,
      user: 'u',
      sslMode: 'disabled',
    });
    await expect(connection.query('SELECT x')).rejects.toMatchObject({ errno: 2027 });
    expect(connection.isConnected()).toBe(true);
  });

  it('a value the decoder cannot read fails the query with a DataError; the connection stays usable', async () => {
    server = await startScriptedServer(async (session) => {
      await acceptLogin(session);
      await acceptSetup(session);
      await session.read();
      session.send(
        ...resultSet([columnPacket('n', 3)], [rowPacket(['12']), rowPacket(['twelve'])]),
      );
      await session.read();
      session.send(...resultSet([columnPacket('n', 3)], [rowPacket(['13'])]));
    });
    await using connection = await openConnection({
      port: server.port,
      user: 'u',
      sslMode: 'disabled',
    });
    const error = await connection.query('SELECT n').catch((caught: unknown) => caught);
    expect(DataError.isInstance(error)).toBe(true);
    expect(String(error)).toMatch(/row 1, column 0/);
    expect((await connection.query('SELECT n'))[0]?.rows()).toEqual([[13]]);
  });

  it('declares a silent server lost after readTimeout, and only while a command waits', async () => {
    server = await startScriptedServer(async (session) => {
      await acceptLogin(session);
      await acceptSetup(session);
      await session.read();
    });
    await using connection = await openConnection({
      port: server.port,
      user: 'u',
      sslMode: 'disabled',
      readTimeout: 200,
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(connection.isConnected()).toBe(true);
    await expect(connection.query('SELECT never')).rejects.toMatchObject({ errno: 2013 });
  });

  it('fails every queued command with the same typed error when the connection dies', async () => {
    server = await serverAnswering(() => new Uint8Array(0), 'close');
    const connection = await openConnection({ port: server.port, user: 'u', sslMode: 'disabled' });
    const outcomes = await Promise.allSettled([
      connection.query('SELECT 1'),
      connection.query('SELECT 2'),
      connection.ping(),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const outcome of outcomes) {
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ errno: 2013 });
    }
  });
});
