import { testServer, useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type ProtocolConnection, type QueryEvent } from '../index.js';

const database = useTestDatabase();
let connection: ProtocolConnection;

beforeAll(async () => {
  connection = await openConnection({ url: database.url, multiStatements: true, ...recursion() });
});
afterAll(async () => {
  await connection.close();
});

// MariaDB stops recursive CTEs after 1000 iterations unless told otherwise.
const RECURSION = 'SET SESSION max_recursive_iterations = 10000000';
const recursion = () =>
  testServer().capabilities.flavour === 'mariadb' ? { initSql: RECURSION } : {};
const SEQUENCE = (count: number): string =>
  `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count}) SELECT i, REPEAT('x', 100) AS pad FROM n`;

describe('results', () => {
  it('returns every result of a multi-statement query, OK results included', async () => {
    await connection.query('CREATE TABLE multi (id INT)');
    const results = await connection.query(
      'SELECT 1; INSERT INTO multi VALUES (1), (2); SELECT 2, 3',
    );
    expect(results.map((result) => result.rows())).toEqual([[[1]], [], [[2, 3]]]);
    expect(results[1]?.affectedRows).toBe(2);
  });

  it('returns the result sets of a stored procedure and its trailing OK', async () => {
    await connection.query(
      'CREATE PROCEDURE two_sets() BEGIN SELECT 1 AS a; SELECT 2 AS b, 3 AS c; END',
    );
    const results = await connection.query('CALL two_sets()');
    expect(results.map((result) => result.columns.length)).toEqual([1, 2, 0]);
    expect(results.map((result) => result.rows())).toEqual([[[1]], [[2, 3]], []]);
  });

  it('streams in batches and pauses the socket while the consumer is slow', async () => {
    await using streaming = await openConnection({
      url: database.url,
      batchRows: 1000,
      ...recursion(),
    });
    let rowsSeen = 0;
    let batches = 0;
    for await (const event of streaming.stream(SEQUENCE(200_000))) {
      if (event.type !== 'batch') continue;
      batches += 1;
      const first = (event.batch.columns[0]?.values as Int32Array | undefined)?.[0];
      expect(first).toBe(rowsSeen + 1);
      rowsSeen += event.batch.numRows;
      if (batches % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(rowsSeen).toBe(200_000);
    expect(batches).toBe(200);
  }, 60_000);

  it('keeps memory flat while a consumer reads a large stream slowly', async () => {
    const events: QueryEvent[] = [];
    const stream = connection.stream(SEQUENCE(1_000_000));
    const iterator = stream[Symbol.asyncIterator]();
    events.push((await iterator.next()).value as QueryEvent);
    await new Promise((resolve) => setTimeout(resolve, 500));
    global.gc?.();
    const heldWhilePaused = process.memoryUsage().arrayBuffers;
    let rowsSeen = 0;
    let peak = 0;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (next.value.type === 'batch') rowsSeen += next.value.batch.numRows;
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }
    expect(events[0]?.type).toBe('columns');
    expect(rowsSeen).toBe(1_000_000);
    // ~110 MB of rows went through; what stays buffered is a few batches and socket chunks.
    expect(heldWhilePaused).toBeLessThan(64 * 1024 * 1024);
    expect(peak).toBeLessThan(96 * 1024 * 1024);
  }, 60_000);

  it('leaves the connection usable after a consumer stops reading early', async () => {
    for await (const event of connection.stream(SEQUENCE(100_000))) {
      if (event.type === 'batch') break;
    }
    expect((await connection.query('SELECT 42'))[0]?.rows()).toEqual([[42]]);
  });

  it('closes promptly while a consumer holds a paused stream', async () => {
    const streaming = await openConnection({ url: database.url, ...recursion() });
    const iterator = streaming.stream(SEQUENCE(1_000_000))[Symbol.asyncIterator]();
    await iterator.next();
    const closed = await Promise.race([
      streaming.close().then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still open after 10 s'), 10_000)),
    ]);
    expect(closed).toBe('closed');
    expect(streaming.isConnected()).toBe(false);
  }, 20_000);

  it('delivers a server error in the middle of a stream to the consumer', async () => {
    const consume = async (): Promise<void> => {
      for await (const _event of connection.stream('SELECT 1; SELECT * FROM no_such_table')) {
        // reading until the error
      }
    };
    await expect(consume()).rejects.toMatchObject({ errno: 1146 });
    expect((await connection.query('SELECT 7'))[0]?.rows()).toEqual([[7]]);
  });
});
