import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, openConnection, type ProtocolConnection } from '../index.js';
import {
  acceptLogin,
  acceptSetup,
  columnPacket,
  errPacket,
  okPacket,
  querySql,
  resultSet,
  rowPacket,
  startScriptedServer,
} from '../test-support/scripted-server.js';

const database = useTestDatabase();
let admin: ProtocolConnection;

beforeAll(async () => {
  admin = await openConnection(database.url);
});
afterAll(async () => {
  await admin.close();
});

describe('ConnectionPool against the test server', () => {
  it('serves many concurrent tasks with at most maxSize connections', async () => {
    await using pool = createPool({ url: database.url, maxSize: 4 });
    const ids = new Set<unknown>();
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_unused, index) =>
        pool.withConnection(async (connection) => {
          active += 1;
          peak = Math.max(peak, active);
          const [result] = await connection.query(`SELECT CONNECTION_ID(), ${index}`);
          active -= 1;
          const [id, value] = result!.rows()[0]!;
          ids.add(id);
          return value;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 40 }, (_unused, index) => index));
    expect(peak).toBeLessThanOrEqual(4);
    expect(ids.size).toBeLessThanOrEqual(4);
    expect(pool.size).toBeLessThanOrEqual(4);
  });

  it('resets session state on release with resetOnRelease', async () => {
    await using pool = createPool({ url: database.url, maxSize: 1, resetOnRelease: true });
    await pool.withConnection((connection) => connection.query('SET @leftover = 42'));
    const value = await pool.withConnection(async (connection) =>
      (await connection.query('SELECT @leftover'))[0]?.rows(),
    );
    expect(value).toEqual([[null]]);
  });

  it('keeps session state on release by default, on the same connection', async () => {
    await using pool = createPool({ url: database.url, maxSize: 1 });
    const firstId = await pool.withConnection(async (connection) => {
      await connection.query('SET @leftover = 42');
      return connection.connectionId;
    });
    const [id, value] = await pool.withConnection(async (connection) => [
      connection.connectionId,
      (await connection.query('SELECT @leftover'))[0]?.rows(),
    ]);
    expect(id).toBe(firstId);
    expect(value).toEqual([[42]]);
  });

  it('rolls back a transaction left open, with or without resetOnRelease', async () => {
    await admin.query('CREATE TABLE IF NOT EXISTS pool_rollback (id INT)');
    for (const resetOnRelease of [false, true]) {
      await using pool = createPool({ url: database.url, maxSize: 1, resetOnRelease });
      await pool.withConnection(async (connection) => {
        await connection.query('BEGIN');
        await connection.query('INSERT INTO pool_rollback VALUES (1)');
      });
      const [inTransaction, count] = await pool.withConnection(async (connection) => [
        connection.serverStatus & 1,
        (await connection.query('SELECT COUNT(*) FROM pool_rollback'))[0]?.rows(),
      ]);
      expect(inTransaction).toBe(0);
      expect(count).toEqual([[0]]);
    }
  });

  it('times out an acquire when every connection is leased', async () => {
    await using pool = createPool({ url: database.url, maxSize: 1, acquireTimeout: 100 });
    const held = await pool.acquire();
    await expect(pool.acquire()).rejects.toThrow(/No connection became free/);
    await pool.release(held);
  });

  it('replaces a connection killed on the server instead of handing it out', async () => {
    await using pool = createPool({
      url: database.url,
      maxSize: 1,
      validateAfterIdle: 0,
    });
    const first = await pool.acquire();
    const killedId = first.connectionId;
    await pool.release(first);
    await admin.query(`KILL ${killedId}`);
    const next = await pool.acquire();
    expect(next.connectionId).not.toBe(killedId);
    expect((await next.query('SELECT 1'))[0]?.rows()).toEqual([[1]]);
    await pool.release(next);
  });

  it('recovers after a connection dies mid-result (scripted server)', async () => {
    let sessions = 0;
    const server = await startScriptedServer(async (session) => {
      sessions += 1;
      const first = sessions === 1;
      await acceptLogin(session);
      await acceptSetup(session);
      await session.read();
      const reply = resultSet([columnPacket('n', 3)], [rowPacket(['1'])]);
      if (first) {
        session.send(...reply.slice(0, 2));
        session.socket.destroy();
        return;
      }
      session.send(...reply);
    });
    try {
      await using pool = createPool({
        port: server.port,
        user: 'u',
        sslMode: 'disabled',
        maxSize: 1,
      });
      const query = () =>
        pool.withConnection(async (connection) => (await connection.query('SELECT n'))[0]?.rows());
      await expect(query()).rejects.toMatchObject({ errno: 2013 });
      expect(await query()).toEqual([[1]]);
      expect(sessions).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('keeps connections, unreset, when the server refuses COM_RESET_CONNECTION (scripted server)', async () => {
    let sessions = 0;
    const commands: string[] = [];
    const server = await startScriptedServer(async (session) => {
      sessions += 1;
      await acceptLogin(session);
      await acceptSetup(session);
      for (;;) {
        const payload = await session.read();
        if (payload === undefined || payload[0] === 0x01) return;
        commands.push(payload[0] === 0x1f ? 'reset' : querySql(payload));
        if (payload[0] === 0x1f) session.send(errPacket(1047, '08S01', 'Unknown command'));
        else session.send(okPacket());
      }
    });
    try {
      await using pool = createPool({
        port: server.port,
        user: 'u',
        sslMode: 'disabled',
        maxSize: 1,
        resetOnRelease: true,
      });
      for (let round = 0; round < 3; round += 1) {
        await pool.withConnection((connection) => connection.query(`DO ${round}`));
      }
      expect(sessions).toBe(1);
      expect(commands).toEqual(['DO 0', 'reset', 'DO 1', 'DO 2']);
    } finally {
      await server.close();
    }
  });

  it('hands a released connection to a waiter, and end() waits for leases and refuses new ones', async () => {
    const pool = createPool({ url: database.url, maxSize: 1, minSize: 1 });
    const held = await pool.acquire();
    const waiting = pool.acquire();
    await pool.release(held);
    const second = await waiting;
    expect(second).toBe(held);
    const ended = pool.end();
    await expect(pool.acquire()).rejects.toThrow(/ended/);
    await pool.release(second);
    await ended;
    expect(second.isConnected()).toBe(false);
    expect(pool.size).toBe(0);
  });
});
