import { InterfaceError } from '@s2/core-cursor';
import { testServer, useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type ProtocolConnection, type QueryEvent } from '../index.js';

const database = useTestDatabase();
let connection: ProtocolConnection;

// MariaDB stops recursive CTEs after 1000 iterations unless told otherwise.
const recursion = () =>
  testServer().capabilities.flavour === 'mariadb'
    ? { initSql: 'SET SESSION max_recursive_iterations = 10000000' }
    : {};
const SEQUENCE =
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT i, REPEAT('x', 100) AS pad FROM n";

beforeAll(async () => {
  connection = await openConnection({
    url: database.url,
    preparedStatementCacheSize: 2,
    ...recursion(),
  });
});
afterAll(async () => {
  await connection.close();
});

async function counters(): Promise<{ prepared: number; closed: number }> {
  const [result] = await connection.query(
    "SHOW SESSION STATUS WHERE Variable_name IN ('Com_stmt_prepare', 'Com_stmt_close')",
  );
  const values = new Map(result?.rows().map(([name, value]) => [name, Number(value)]));
  return {
    prepared: values.get('Com_stmt_prepare') ?? -1,
    closed: values.get('Com_stmt_close') ?? -1,
  };
}

describe('the prepared statement cache', () => {
  it('prepares once per SQL text and closes the least recently used past its size', async () => {
    const before = await counters();
    const run = (sql: string) => connection.queryPrepared(sql, [1]);
    await run('SELECT ? AS a');
    await run('SELECT ? AS b');
    await run('SELECT ? AS a');
    await run('SELECT ? AS a');
    expect(await counters()).toEqual({ prepared: before.prepared + 2, closed: before.closed });
    await run('SELECT ? AS c'); // evicts b, the least recently used
    expect(await counters()).toEqual({ prepared: before.prepared + 3, closed: before.closed + 1 });
    await run('SELECT ? AS a');
    await run('SELECT ? AS b'); // prepared again; evicts c
    expect(await counters()).toEqual({ prepared: before.prepared + 4, closed: before.closed + 2 });
  });

  it('keeps queued executes of an evicted statement working (FIFO order)', async () => {
    const results = await Promise.all(
      ['p', 'q', 'r', 'p', 's', 'q', 'p'].map((name, index) =>
        connection.queryPrepared(`SELECT ? AS ${name}`, [index]),
      ),
    );
    expect(results.map(([result]) => result?.rows())).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map((index) => [[index]]),
    );
  });

  it('forgets every statement on COM_RESET_CONNECTION, which dropped them on the server', async () => {
    await connection.queryPrepared('SELECT ? AS kept', [1]);
    await connection.resetSession();
    // A cached id would now be unknown to the server (ERR 1243).
    const [result] = await connection.queryPrepared('SELECT ? AS kept', [2]);
    expect(result?.rows()).toEqual([[2]]);
  });

  it('refuses a size outside 1 to 16 382', async () => {
    for (const size of [0, 16_383, 1.5]) {
      await expect(
        openConnection({ url: database.url, preparedStatementCacheSize: size }),
      ).rejects.toBeInstanceOf(InterfaceError);
    }
  });
});

describe('streaming a prepared statement', () => {
  it('streams in batches and pauses the socket while the consumer is slow', async () => {
    await using streaming = await openConnection({
      url: database.url,
      batchRows: 1000,
      ...recursion(),
    });
    let rowsSeen = 0;
    let batches = 0;
    for await (const event of streaming.streamPrepared(SEQUENCE, [200_000])) {
      if (event.type !== 'batch') continue;
      batches += 1;
      expect(Number(event.batch.columns[0]?.values?.[0])).toBe(rowsSeen + 1);
      rowsSeen += event.batch.numRows;
      if (batches % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(rowsSeen).toBe(200_000);
    expect(batches).toBe(200);
  }, 60_000);

  it('keeps memory flat while a consumer reads a large stream slowly', async () => {
    const stream = connection.streamPrepared(SEQUENCE, [1_000_000]);
    const iterator = stream[Symbol.asyncIterator]();
    const first = (await iterator.next()).value as QueryEvent;
    await new Promise((resolve) => setTimeout(resolve, 500));
    global.gc?.();
    const heldWhilePaused = process.memoryUsage().arrayBuffers;
    let rowsSeen = 0;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (next.value.type === 'batch') rowsSeen += next.value.batch.numRows;
    }
    expect(first.type).toBe('columns');
    expect(rowsSeen).toBe(1_000_000);
    // ~110 MB of rows went through; what stays buffered is a few batches and socket chunks.
    expect(heldWhilePaused).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);

  it('delivers a bad parameter as the stream error, and the connection stays usable', async () => {
    const events = connection.streamPrepared('SELECT ?', [() => 1]);
    await expect(events[Symbol.asyncIterator]().next()).rejects.toThrow(/Parameter 1/);
    const [result] = await connection.queryPrepared('SELECT ?', [5]);
    expect(result?.rows()).toEqual([[5]]);
  });
});
