import { createHash } from 'node:crypto';
import { canStartLocalMariadb, type LocalMariadb, startLocalMariadb } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type ProtocolConnection, type WireConnectionOptions } from '../index.js';

/*
 * max_allowed_packet is read-only per session and the run's shared server allows 1 GiB, so
 * these tests start a MariaDB of their own and lower its global value.
 */
const SERVER_LIMIT = 65_536;

let server: LocalMariadb;
let login: WireConnectionOptions;

async function sessionCounter(on: ProtocolConnection, name: string): Promise<number> {
  const [result] = await on.query(`SHOW SESSION STATUS LIKE '${name}'`);
  return Number(result?.rows()[0]?.[1]);
}

function sha1(data: Uint8Array | string): string {
  return createHash('sha1').update(data).digest('hex');
}

/** `length` bytes that are not all alike, so a chunk sent twice or out of order shows. */
function patterned(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_unused, index) => (index * 7 + (index >> 8)) & 0xff);
}

describe.runIf(canStartLocalMariadb())(
  `COM_STMT_EXECUTE on a MariaDB whose max_allowed_packet is ${SERVER_LIMIT}`,
  () => {
    beforeAll(async () => {
      server = await startLocalMariadb({ tls: false });
      login = { host: '127.0.0.1', port: server.port, user: 'root', password: '' };
      await using admin = await openConnection(login);
      await admin.query(`SET GLOBAL max_allowed_packet = ${SERVER_LIMIT}`);
      await admin.query('CREATE DATABASE packets');
      await admin.query(
        'CREATE TABLE packets.blobs (id INT, a LONGBLOB, b LONGTEXT, c LONGBLOB, n INT)',
      );
      login = { ...login, database: 'packets' };
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('without maxAllowedPacket the server refuses an execute packet as long as its limit', async () => {
      await using connection = await openConnection(login);
      const value = 'x'.repeat(SERVER_LIMIT);
      await expect(connection.queryPrepared('SELECT LENGTH(?)', [value])).rejects.toMatchObject({
        errno: 1153,
      });
    });

    it('sends values the execute packet cannot hold as long data, in chunks below the limit', async () => {
      await using connection = await openConnection({ ...login, maxAllowedPacket: SERVER_LIMIT });
      // Two values of nearly the limit each: together twice what one packet may carry.
      const bytes = patterned(SERVER_LIMIT - 100);
      const text = 'é✓'.repeat(12_000); // 60 000 bytes of UTF-8, cut mid-character by chunks
      const insert = 'INSERT INTO blobs VALUES (?, ?, ?, ?, ?)';
      await connection.queryPrepared(insert, [1, bytes, text, new Uint8Array(0), 7]);
      // A value of exactly the limit: longer than any packet, as long as the server allows.
      await connection.queryPrepared(insert, [2, patterned(SERVER_LIMIT), '', null, 8]);
      const [result] = await connection.query(
        'SELECT id, LENGTH(a), SHA1(a), SHA1(b), CHAR_LENGTH(b), LENGTH(c), n FROM blobs ORDER BY id',
      );
      expect(result?.rows()).toEqual([
        [1, SERVER_LIMIT - 100, sha1(bytes), sha1(text), text.length, 0, 7],
        [2, SERVER_LIMIT, sha1(patterned(SERVER_LIMIT)), sha1(''), 0, null, 8],
      ]);
      expect(connection.isConnected()).toBe(true);
    });

    it('sends nothing and keeps the connection when a value or the packet cannot fit (2020)', async () => {
      await using connection = await openConnection({ ...login, maxAllowedPacket: SERVER_LIMIT });
      const executes = await sessionCounter(connection, 'Com_stmt_execute');
      await expect(
        connection.queryPrepared('SELECT LENGTH(?)', [patterned(SERVER_LIMIT + 1)]),
      ).rejects.toMatchObject({ errno: 2020 });
      // 8 000 integers: 80 000 bytes of values and types, which long data cannot carry.
      const many = Array.from({ length: 8000 }, (_unused, index) => index);
      const list = (count: number): string =>
        `SELECT 4999 IN (${many
          .slice(0, count)
          .map(() => '?')
          .join(', ')})`;
      await expect(connection.queryPrepared(list(8000), many)).rejects.toMatchObject({
        errno: 2020,
      });
      expect(await sessionCounter(connection, 'Com_stmt_execute')).toBe(executes);
      const [result] = await connection.queryPrepared(list(5000), many.slice(0, 5000));
      expect(result?.rows()).toEqual([[1]]);
    });

    it('leaves no long data behind: a failed execute, then inline values, then long data again', async () => {
      await using connection = await openConnection({ ...login, maxAllowedPacket: SERVER_LIMIT });
      await connection.query('CREATE TABLE keyed (id INT PRIMARY KEY, body LONGTEXT)');
      const insert = 'INSERT INTO keyed VALUES (?, ?)';
      const large = 'w'.repeat(SERVER_LIMIT - 10);
      await connection.queryPrepared(insert, [1, large]);
      const duplicate = await connection.queryPrepared(insert, [1, large]).catch((e) => e);
      expect(duplicate).toMatchObject({ errno: 1062, sqlState: '23000' });
      await connection.queryPrepared(insert, [2, 'inline']);
      await connection.queryPrepared(insert, [3, `${large}!`]);
      const [result] = await connection.query(
        'SELECT id, LENGTH(body), RIGHT(body, 6) FROM keyed ORDER BY id',
      );
      expect(result?.rows()).toEqual([
        [1, SERVER_LIMIT - 10, 'wwwwww'],
        [2, 6, 'inline'],
        [3, SERVER_LIMIT - 9, 'wwwww!'],
      ]);
    });
  },
);
