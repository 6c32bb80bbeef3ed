import { useTestDatabase } from '@s2/test-server';
import { connect as connectWire } from '@s2/wire';
import { describe, expect, it } from 'vitest';
import { connect } from './index.js';
import { dataApiUrl, startLocalDataApi } from './test-support/local-data-api.js';

const database = useTestDatabase();
const CLIENTS = 50;
const REQUESTS_PER_CLIENT = 100;
const POOL_SIZE = 8;

async function serverConnections(): Promise<number> {
  await using admin = await connectWire(database.url);
  const rows = (await admin.query(
    'SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()',
  )) as unknown[][];
  return Number(rows[0]?.[0]);
}

describe('concurrent clients', () => {
  it(`serves ${CLIENTS} clients × ${REQUESTS_PER_CLIENT} requests without errors or leaked connections`, async () => {
    const before = await serverConnections();
    const server = await startLocalDataApi(database.url, POOL_SIZE);
    const url = dataApiUrl(server, database.url);
    const failures: unknown[] = [];
    let checked = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        await using connection = await connect(url);
        for (let request = 0; request < REQUESTS_PER_CLIENT; request++) {
          const big = 9007199254740993n + BigInt(client * REQUESTS_PER_CLIENT + request);
          try {
            const rows = await connection.query('SELECT ?, ?', [client, big]);
            expect(rows).toEqual([[client, big]]);
            checked++;
          } catch (error) {
            failures.push(error);
          }
        }
      }),
    );
    expect(failures).toEqual([]);
    expect(checked).toBe(CLIENTS * REQUESTS_PER_CLIENT);
    expect(server.openConnections()).toBeLessThanOrEqual(POOL_SIZE);
    await server.stop();
    expect(server.openConnections()).toBe(0);
    // Closed sessions may take a moment to leave the process list.
    let after = await serverConnections();
    for (let attempt = 0; attempt < 50 && after > before; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await serverConnections();
    }
    expect(after).toBe(before);
  }, 120_000);
});
