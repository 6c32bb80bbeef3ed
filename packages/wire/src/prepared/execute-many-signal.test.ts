import { OperationalError } from '@s2/core-cursor';
import { useTestDatabase } from '@s2/test-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type WireConnection } from '../index.js';

/*
 * executeMany's signal against the test server. The rows are made to wait on row locks held by
 * a second session's open transaction: without a working stop a row would wait until
 * innodb_lock_wait_timeout (3 s here) and fail with 1205, not 1317, or the rows after it would
 * run once the locks are gone, so a stop that kills only the running statement, or sends rows
 * after the abort, fails here.
 */

const database = useTestDatabase();
const ROWS = 200;
let connection: WireConnection;
let locker: WireConnection;
let connectionId: number;

beforeAll(async () => {
  connection = await connect({ url: database.url, resultsType: 'tuples' });
  locker = await connect({ url: database.url, resultsType: 'tuples' });
  await connection.exec('CREATE TABLE stopped (id INT PRIMARY KEY, name TEXT) ENGINE=InnoDB');
  await connection.exec('SET SESSION innodb_lock_wait_timeout = 3');
  const ids = (await connection.query('SELECT CONNECTION_ID()')) as number[][];
  connectionId = ids[0]?.[0] ?? -1;
});
beforeEach(async () => {
  await connection.exec('TRUNCATE TABLE stopped');
});
// A failed test may leave the locks held, and the next TRUNCATE would wait for them for good.
afterEach(async () => {
  await locker.exec('ROLLBACK');
});
afterAll(async () => {
  await connection.close();
  await locker.close();
});

// 4000-byte names: the rows' executes are far more than the 64 KiB the pipeline writes ahead,
// and a broken stop leaves only about 16 of them to wait out.
const rows = Array.from({ length: ROWS }, (_unused, id) => [id, `row ${id}`.padEnd(4000, '.')]);

async function executesSoFar(): Promise<number> {
  const status = (await connection.query("SHOW SESSION STATUS LIKE 'Com_stmt_execute'")) as [
    string,
    string,
  ][];
  return Number(status[0]?.[1]);
}

/** Holds the row locks of every id of `rows` in an open transaction of the second session. */
async function lockEveryRow(): Promise<void> {
  await locker.exec('BEGIN');
  const values = rows.map(([id]) => `(${id}, 'locked')`).join(', ');
  await locker.exec(`INSERT INTO stopped VALUES ${values}`);
}

/** Whether this connection's session is running a statement (waiting on a lock, sleeping). */
async function waitingOnLock(): Promise<boolean> {
  const states = (await locker.query(
    `SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ${connectionId}
       AND COMMAND IN ('Execute', 'Query')`,
  )) as number[][];
  return states[0]?.[0] === 1;
}

async function untilWaiting(): Promise<void> {
  while (!(await waitingOnLock())) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function rejection(running: Promise<unknown>): Promise<unknown> {
  return running.then(
    () => new Error('expected executeMany to be stopped'),
    (reason: unknown) => reason,
  );
}

async function storedAfterRollback(): Promise<number> {
  await locker.exec('ROLLBACK');
  // Anything still sent or running after the rejection would land once the locks are gone.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const count = (await connection.query('SELECT COUNT(*) FROM stopped')) as number[][];
  return count[0]?.[0] ?? -1;
}

describe('executeMany with a signal', () => {
  it('kills each pipelined prepared execute already sent, not only the running one', async () => {
    await lockEveryRow();
    const controller = new AbortController();
    await using cursor = connection.cursor();
    const running = rejection(
      cursor.executeMany('INSERT INTO stopped VALUES (?, ?)', rows, {
        prepare: true,
        signal: controller.signal,
      }),
    );
    await untilWaiting();
    controller.abort(new Error('user gave up'));
    const error = await running;
    expect(error).toBeInstanceOf(OperationalError);
    expect(error).toMatchObject({ errno: 1317, cause: new Error('user gave up') });
    expect(await storedAfterRollback()).toBe(0);
    expect(await connection.query('SELECT 1')).toEqual([[1]]);
  }, 20_000);

  it('sends no pipelined prepared execute after the abort, when the killed ones end well', async () => {
    // A killed SLEEP() returns 1 without an error, so no failed row stops the sending: only
    // the stop itself does.
    const executesBefore = await executesSoFar();
    const controller = new AbortController();
    await using cursor = connection.cursor();
    const sleeps = rows.map(([, name]) => [1, name]);
    const running = rejection(
      cursor.executeMany('SELECT SLEEP(?), ?', sleeps, {
        prepare: true,
        signal: controller.signal,
      }),
    );
    await untilWaiting();
    controller.abort();
    expect(await running).toMatchObject({ errno: 1317 });
    expect(await executesSoFar()).toBeLessThan(executesBefore + ROWS / 2);
    expect(await connection.query('SELECT 1')).toEqual([[1]]);
  }, 20_000);

  it('sends no row after the abort when rows run one by one', async () => {
    await lockEveryRow();
    const controller = new AbortController();
    await using cursor = connection.cursor();
    // INSERT … SELECT is not rewritten into multi-row INSERTs: one statement per row.
    const running = rejection(
      cursor.executeMany('INSERT INTO stopped SELECT ?, ?', rows, { signal: controller.signal }),
    );
    await untilWaiting();
    controller.abort();
    expect(await running).toMatchObject({ errno: 1317 });
    expect(await storedAfterRollback()).toBe(0);
    expect(await connection.query('SELECT 1')).toEqual([[1]]);
  }, 20_000);

  it('runs nothing when the signal is already aborted, on every path', async () => {
    await using cursor = connection.cursor();
    const aborted = AbortSignal.abort();
    for (const [sql, prepare] of [
      ['INSERT INTO stopped VALUES (?, ?)', false],
      ['INSERT INTO stopped VALUES (?, ?)', true],
      ['INSERT INTO stopped SELECT ?, ?', false],
    ] as const) {
      const error = await rejection(cursor.executeMany(sql, rows, { prepare, signal: aborted }));
      expect(error).toMatchObject({ errno: 1317 });
    }
    const count = (await connection.query('SELECT COUNT(*) FROM stopped')) as number[][];
    expect(count).toEqual([[0]]);
  });

  it('changes nothing when the signal is not aborted', async () => {
    await using cursor = connection.cursor();
    const { signal } = new AbortController();
    await cursor.executeMany('INSERT INTO stopped VALUES (?, ?)', rows, { prepare: true, signal });
    expect(cursor.rowCount).toBe(ROWS);
  });
});
