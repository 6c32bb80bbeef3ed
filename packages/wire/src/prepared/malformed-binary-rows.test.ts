import { S2Error } from '@s2/core-cursor';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../index.js';
import { PacketWriter } from '../protocol/packet-writer.js';
import { ColumnType, CommandByte } from '../protocol/protocol-constants.js';
import {
  acceptLogin,
  acceptSetup,
  columnPacket,
  eofPacket,
  okPacket,
  type ScriptedServer,
  type ScriptedSession,
  startScriptedServer,
} from '../test-support/scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** COM_STMT_PREPARE_OK for statement 1 without parameters, then its column definitions. */
function prepareReply(columns: Uint8Array[]): Uint8Array[] {
  const ok = new PacketWriter().u8(0).u32(1).u16(columns.length).u16(0).u8(0).u16(0).finish();
  return [ok, ...columns, eofPacket()];
}

/** A binary result set: column count, definitions, EOF, the given row payloads, EOF. */
function executeReply(columns: Uint8Array[], rows: Uint8Array[]): Uint8Array[] {
  return [
    new PacketWriter().lengthEncoded(columns.length).finish(),
    ...columns,
    eofPacket(),
    ...rows,
    eofPacket(),
  ];
}

function framed(session: ScriptedSession, payloads: Uint8Array[]): Buffer {
  return Buffer.concat(payloads.map((payload) => session.frame(payload)));
}

/**
 * A server that answers the prepare and the execute with `reply` (all of it, or cut after
 * `cut` bytes and closed) and then answers pings.
 */
function serve(reply: (session: ScriptedSession) => Buffer, cut?: number): Promise<ScriptedServer> {
  return startScriptedServer(async (session) => {
    await acceptLogin(session);
    await acceptSetup(session);
    for (;;) {
      const payload = await session.read();
      if (payload === undefined) return;
      if (payload[0] === CommandByte.PING) {
        session.send(okPacket());
      } else if (payload[0] === CommandByte.STMT_PREPARE) {
        const bytes = reply(session);
        session.socket.write(cut === undefined ? bytes : bytes.subarray(0, cut));
        if (cut !== undefined) session.socket.destroy();
      } else if (payload[0] !== CommandByte.STMT_EXECUTE) {
        return;
      }
    }
  });
}

/** Prepare OK, then (once the client executes) the result set, as one script of bytes. */
function preparedResult(columns: Uint8Array[], rows: Uint8Array[]) {
  return (session: ScriptedSession): Buffer => {
    const prepared = framed(session, prepareReply(columns));
    // The execute is a new command: its reply's sequence ids start again after its packet.
    session.sequence = 1;
    return Buffer.concat([prepared, framed(session, executeReply(columns, rows))]);
  };
}

async function outcomeOf(port: number): Promise<{ error: unknown; usable: boolean }> {
  const connection = await openConnection({ port, user: 'u', sslMode: 'disabled' });
  const error = await Promise.race([
    connection.queryPrepared('SELECT x FROM t').then(
      () => new Error('the query succeeded'),
      (failure: unknown) => failure,
    ),
    new Promise((resolve) => setTimeout(() => resolve(new Error('no answer within 5 s')), 5000)),
  ]);
  const usable = await connection.ping().then(
    () => true,
    () => false,
  );
  await connection.close();
  return { error, usable };
}

const row = (...bytes: number[]): Uint8Array => Uint8Array.from(bytes);
const INT = columnPacket('x', ColumnType.LONG);
const SEVEN_TINY = Array.from({ length: 7 }, (_unused, index) =>
  columnPacket(`t${index}`, ColumnType.TINY),
);

describe('malformed binary rows (scripted server)', () => {
  const cases: [string, Uint8Array[], Uint8Array, RegExp][] = [
    ['a truncated value', [INT], row(0, 0, 1, 2), /binary row ends early/],
    // Read as two bytes, the one-byte bitmap takes the first value, whose bits fall past the
    // last column; with the bits of a column instead, the values then end early.
    [
      'a NULL bitmap one byte short',
      SEVEN_TINY,
      row(0, 0, 0x10, 2, 3, 4, 5, 6, 7),
      /past its last/,
    ],
    ['a short NULL bitmap, values short', SEVEN_TINY, row(0, 0, 0, 2, 3, 4, 5, 6, 7), /ends early/],
    ['no NULL bitmap at all', [INT], row(0), /binary row ends early/],
    ['a row header other than 0x00', [INT], row(1, 0, 1, 0, 0, 0), /starts with 0x1/],
    ['bytes after the last value', [INT], row(0, 0, 1, 0, 0, 0, 9), /1 bytes after/],
    [
      'a date struct of 5 bytes',
      [columnPacket('d', ColumnType.DATETIME)],
      row(0, 0, 5, 0xe8, 7, 1, 1, 0),
      /date of 5 bytes/,
    ],
    [
      'a time struct of 9 bytes',
      [columnPacket('t', ColumnType.TIME)],
      row(0, 0, 9, 0, 0, 0, 0, 0, 1, 2, 3, 4),
      /time of 9 bytes/,
    ],
  ];
  for (const [name, columns, bad, message] of cases) {
    it(`${name} fails the execute with OperationalError 2027 and keeps the connection`, async () => {
      server = await serve(preparedResult(columns, [bad]));
      const { error, usable } = await outcomeOf(server.port);
      expect(S2Error.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ errno: 2027 });
      expect((error as Error).message).toMatch(message);
      expect(usable).toBe(true);
    });
  }

  it('a connection cut at every byte of the prepare and execute replies gives a typed error', async () => {
    const good = row(0, 0, 42, 0, 0, 0);
    let total = 0;
    server = await serve((session) => {
      const bytes = preparedResult([INT], [good])(session);
      total = bytes.length;
      return bytes;
    });
    const complete = await outcomeOf(server.port);
    expect(complete.error).toEqual(new Error('the query succeeded'));
    await server.close();
    for (let cut = 0; cut < total; cut += 1) {
      server = await serve(preparedResult([INT], [good]), cut);
      const { error } = await outcomeOf(server.port);
      expect(S2Error.isInstance(error)).toBe(true);
      expect([2013, 2027]).toContain((error as S2Error).errno);
      await server.close();
    }
    server = undefined;
  }, 120_000);
});
