import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type ProtocolConnection } from '../index.js';

const database = useTestDatabase();
let admin: ProtocolConnection;

beforeAll(async () => {
  admin = await openConnection(database.url);
});
afterAll(async () => {
  await admin.close();
});

async function runningQuery(connectionId: number): Promise<unknown> {
  const [result] = await admin.query(
    `SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = ${connectionId}`,
  );
  return result?.rows()[0]?.[0];
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not reached within 5 s');
}

describe('cancellation against the test server', () => {
  it('an AbortSignal kills the running query on the server and the connection stays usable', async () => {
    await using connection = await openConnection(database.url);
    const controller = new AbortController();
    const running = connection.query('SELECT SLEEP(60)', { signal: controller.signal });
    await until(async () => String(await runningQuery(connection.connectionId)).includes('SLEEP'));
    controller.abort(new Error('user gave up'));
    const error = await running.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ errno: 1317 });
    expect((error as Error).cause).toMatchObject({ message: 'user gave up' });
    expect(await runningQuery(connection.connectionId)).toBeNull();
    expect((await connection.query('SELECT 5'))[0]?.rows()).toEqual([[5]]);
  });

  it('a query timeout kills a long query; queued commands behind it still run', async () => {
    await using connection = await openConnection(database.url);
    const slow = connection.query('SELECT SLEEP(60)', { timeout: 300 });
    const after = connection.query('SELECT 6');
    await expect(slow).rejects.toMatchObject({ errno: 1317 });
    expect((await after)[0]?.rows()).toEqual([[6]]);
  });

  it('aborting a query that has not started removes it from the queue', async () => {
    await using connection = await openConnection(database.url);
    const first = connection.query('SELECT SLEEP(0.2)');
    const controller = new AbortController();
    const queued = connection.query('SELECT 1', { signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toMatchObject({ errno: 1317 });
    expect((await first)[0]?.rows()).toEqual([[0]]);
    await expect(
      connection.query('SELECT 1', { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({
      errno: 1317,
    });
  });
});
