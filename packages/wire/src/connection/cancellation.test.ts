import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type ProtocolConnection } from '../index.js';
import { HoldingProxy } from '../test-support/holding-proxy.js';

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

/** Polls `check` up to `attempts` times, 50 ms apart; false when it never held. */
async function poll(check: () => Promise<boolean>, attempts: number): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  if (!(await poll(check, 100))) throw new Error('condition not reached within 5 s');
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

  it('a KILL that reaches the server after its query ended never interrupts the next statement', async () => {
    const { host, port } = database.server;
    await using proxy = await HoldingProxy.start(host, port);
    // Plaintext through the proxy, so it can hold the side connection's KILL QUERY back.
    await using connection = await openConnection({
      url: database.url,
      host: '127.0.0.1',
      port: proxy.port,
      sslMode: 'disabled',
    });
    const controller = new AbortController();
    const first = connection.query('SELECT SLEEP(1)', { signal: controller.signal });
    const next = connection.query('SELECT SLEEP(1.5) AS next_statement');
    await until(async () =>
      String(await runningQuery(connection.connectionId)).includes('SLEEP(1)'),
    );
    proxy.holdFrom('KILL QUERY');
    controller.abort(new Error('user gave up'));
    await proxy.whenHolding();
    // The first query ends on its own while its KILL is still on the way.
    await expect(first).rejects.toMatchObject({ errno: 1317 });
    // Before the fix the next statement started at once; give it the chance to be running on
    // the server when the KILL lands (bounded: with the fix it never starts before the release).
    const nextStarted = await poll(
      async () => String(await runningQuery(connection.connectionId)).includes('next_statement'),
      20,
    );
    proxy.release();
    // An interrupted SLEEP returns 1; the next statement must run in full.
    expect((await next)[0]?.rows()).toEqual([[0]]);
    expect(nextStarted).toBe(false);
    const { events } = proxy;
    const killSent = events.findIndex(
      (event) => event.direction === 'to-server' && event.text.includes('KILL QUERY'),
    );
    const killAnswered = events.findIndex(
      (event, index) =>
        index > killSent &&
        event.direction === 'to-client' &&
        event.connection === events[killSent]?.connection,
    );
    const nextSent = events.findIndex(
      (event) => event.direction === 'to-server' && event.text.includes('next_statement'),
    );
    expect(killSent).toBeGreaterThanOrEqual(0);
    expect(killAnswered).toBeGreaterThan(killSent);
    expect(nextSent).toBeGreaterThan(killAnswered);
  });
});
