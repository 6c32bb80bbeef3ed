import { OperationalError } from '@s2/core-cursor';
import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type ProtocolConnection } from '../index.js';

const database = useTestDatabase();
let admin: ProtocolConnection;

beforeAll(async () => {
  admin = await openConnection(database.url);
  // Each row the server loads sleeps first, so it stops reading the upload after a few rows.
  await admin.query('CREATE TABLE slow_sink (line VARCHAR(100))');
  await admin.query(
    'CREATE TRIGGER slow_sink_sleep BEFORE INSERT ON slow_sink FOR EACH ROW SET @slept = SLEEP(2)',
  );
});
afterAll(async () => {
  await admin.close();
});

/** An endless LOAD DATA source, produced only as fast as the upload pulls it. */
async function* endlessLines(): AsyncGenerator<Uint8Array> {
  const chunk = new TextEncoder().encode(
    'a line the server will not read in time\n'.repeat(25_000),
  );
  for (;;) yield chunk;
}

describe('writeTimeout against the test server', () => {
  it('fails the connection with OperationalError 2013 naming writeTimeout when the server stops reading', async () => {
    const loader = await openConnection({
      url: database.url,
      localInfile: true,
      writeTimeout: 500,
    });
    try {
      const error = await loader
        .query("LOAD DATA LOCAL INFILE ':stream:' INTO TABLE slow_sink", {
          infileStream: endlessLines(),
        })
        .catch((caught: unknown) => caught);
      expect(OperationalError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ errno: 2013 });
      expect(String(error)).toContain('a write did not drain within 500 ms (writeTimeout)');
      expect(loader.isConnected()).toBe(false);
    } finally {
      // The server is still sleeping through rows it buffered; end its side too.
      await admin.query(`KILL ${loader.connectionId}`).catch(() => undefined);
      loader.destroy();
    }
  });

  it('does not fire while writes drain, however long the server then takes to answer', async () => {
    await using connection = await openConnection({ url: database.url, writeTimeout: 200 });
    const [result] = await connection.query(`SELECT SLEEP(0.5), '${'x'.repeat(4 << 20)}' = ''`);
    expect(result?.rows()).toEqual([[0, 0]]);
    expect(connection.isConnected()).toBe(true);
  });
});
