import { S2Error } from '@s2/core-cursor';
import { canStartLocalMariadb, type LocalMariadb, startLocalMariadb } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type WireConnectionOptions } from '../index.js';

/*
 * max_allowed_packet is read-only per session and the run's shared server allows 1 GiB, so
 * these tests start a MariaDB of their own and lower its global value.
 */
const SERVER_LIMIT = 65_536;
const LOAD_STREAM = "LOAD DATA LOCAL INFILE ':stream:' INTO TABLE loaded";

let server: LocalMariadb;
let login: WireConnectionOptions;

describe.runIf(canStartLocalMariadb())(
  `LOCAL INFILE on a MariaDB whose max_allowed_packet is ${SERVER_LIMIT}`,
  () => {
    beforeAll(async () => {
      server = await startLocalMariadb({ tls: false });
      login = { host: '127.0.0.1', port: server.port, user: 'root', password: '' };
      await using admin = await openConnection(login);
      await admin.query(`SET GLOBAL max_allowed_packet = ${SERVER_LIMIT}`);
      await admin.query('CREATE DATABASE packets');
      await admin.query('CREATE TABLE packets.loaded (id INT, name VARCHAR(40))');
      login = { ...login, database: 'packets', localInfile: true };
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('the server drops the connection on a data packet as long as its limit', async () => {
      await using connection = await openConnection(login);
      // Gathered into one packet of SERVER_LIMIT bytes, as without a maxAllowedPacket.
      const data = new TextEncoder().encode(`${'1\tx\n'.repeat(SERVER_LIMIT / 4)}`);
      // Racy on the server's side: MariaDB usually closes the socket at once (2013), but may
      // first send its ERR with the sequence id it counted, which is out of order here and is
      // reported as the server's error.
      const failure = await connection.query(LOAD_STREAM, { infileStream: [data] }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(S2Error.isInstance(failure)).toBe(true);
      const { errno, sqlState, detail } = failure as S2Error;
      if (errno !== 2013) {
        expect({ errno, sqlState, detail }).toEqual({
          errno: 1153,
          sqlState: '08S01',
          detail: "Got a packet bigger than 'max_allowed_packet' bytes",
        });
      }
      expect(connection.isConnected()).toBe(false);
    });

    it('loads text, small and large byte chunks in packets below maxAllowedPacket', async () => {
      await using connection = await openConnection({
        ...login,
        maxAllowedPacket: SERVER_LIMIT,
      });
      const lines = Array.from(
        { length: 400_000 },
        (_unused, index) => `${index}\tnamé-${index}\n`,
      );
      const text = lines.slice(0, 50_000).join('');
      const small = lines.slice(50_000, 100_000).map((line) => new TextEncoder().encode(line));
      // Over 4 MiB: framed by reference from the chunk's own memory.
      const large = new TextEncoder().encode(lines.slice(100_000).join(''));
      expect(large.length).toBeGreaterThan(4 << 20);
      const [result] = await connection.query(LOAD_STREAM, {
        infileStream: [text, ...small, large],
      });
      expect(result?.affectedRows).toBe(lines.length);
      const [check] = await connection.query(
        "SELECT COUNT(*), SUM(id), SUM(name = CONCAT('namé-', id)) FROM loaded",
      );
      const total = String((lines.length * (lines.length - 1)) / 2);
      expect(check?.rows()).toEqual([[lines.length, total, String(lines.length)]]);
    });

    it('a statement as long as the limit is refused by the server, and by the client before it is sent', async () => {
      const statement = `SELECT '${'x'.repeat(SERVER_LIMIT - 10)}'`;
      expect(1 + statement.length).toBe(SERVER_LIMIT);
      await using unchecked = await openConnection(login);
      await expect(unchecked.query(statement)).rejects.toMatchObject({ errno: 1153 });
      await using checked = await openConnection({ ...login, maxAllowedPacket: SERVER_LIMIT });
      await expect(checked.query(statement)).rejects.toMatchObject({ errno: 2020 });
      const shorter = `SELECT '${'x'.repeat(SERVER_LIMIT - 11)}'`;
      expect((await checked.query(shorter))[0]?.rows()[0]?.[0]).toHaveLength(SERVER_LIMIT - 11);
    });
  },
);
