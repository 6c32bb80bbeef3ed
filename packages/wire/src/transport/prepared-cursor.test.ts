import { ProgrammingError } from '@s2/core-cursor';
import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type WireConnection } from '../index.js';

const database = useTestDatabase();
let connection: WireConnection;

beforeAll(async () => {
  connection = await connect({ url: database.url, resultsType: 'dicts' });
  await connection.exec('CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(20), born DATE)');
  await connection.exec(
    "INSERT INTO people VALUES (1, 'ada', '1815-12-10'), (2, 'alan', '1912-06-23'), (3, 'grace', NULL)",
  );
});
afterAll(async () => {
  await connection.close();
});

/** A session counter of SHOW SESSION STATUS (Com_stmt_prepare, Com_stmt_execute, …). */
async function sessionCounter(name: string): Promise<number> {
  const [row] = (await connection.query(`SHOW SESSION STATUS LIKE '${name}'`)) as {
    Value: string;
  }[];
  return Number(row?.Value);
}

/** Executes the session has run through COM_STMT_EXECUTE so far. */
function executes(): Promise<number> {
  return sessionCounter('Com_stmt_execute');
}

describe('cursor.execute(…, { prepare: true })', () => {
  it('returns what client-side interpolation returns, through COM_STMT_EXECUTE', async () => {
    const sql = 'SELECT id, name, born FROM people WHERE id >= :low AND name <> :skip ORDER BY id';
    const params = { low: 1, skip: 'alan' };
    await using text = connection.cursor();
    await text.execute(sql, params);
    const before = await executes();
    await using prepared = connection.cursor();
    await prepared.execute(sql, params, { prepare: true });
    expect(await executes()).toBe(before + 1);
    expect(prepared.description).toEqual(text.description);
    expect(await prepared.fetchAll()).toEqual(await text.fetchAll());
  });

  it('streams rows from an unbuffered cursor', async () => {
    await using cursor = connection.cursor({ buffered: false, resultsType: 'tuples' });
    await cursor.execute('SELECT id FROM people WHERE id > ? ORDER BY id', [1], { prepare: true });
    const ids: unknown[] = [];
    for await (const row of cursor) ids.push(row[0]);
    expect(ids).toEqual([2, 3]);
  });

  it('runs a statement without parameters, and reports affected rows and insert ids', async () => {
    await connection.exec('CREATE TABLE counters (id INT AUTO_INCREMENT PRIMARY KEY, n INT)');
    await using cursor = connection.cursor();
    await cursor.execute('INSERT INTO counters (n) VALUES (?), (?)', [5, 6], { prepare: true });
    expect(cursor.rowCount).toBe(2);
    expect(cursor.lastRowId).toBe(1);
    await cursor.execute('SELECT COUNT(*) AS total FROM counters', undefined, { prepare: true });
    expect(await cursor.fetchAll()).toEqual([{ total: 2 }]);
  });

  it('stops a running prepared statement with its signal and keeps the connection', async () => {
    const controller = new AbortController();
    await using cursor = connection.cursor();
    const running = cursor.execute('SELECT SLEEP(?)', [30], {
      prepare: true,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 200);
    await expect(running).rejects.toMatchObject({ errno: 1317 });
    expect(await connection.query('SELECT ? AS ok', [1])).toEqual([{ ok: 1 }]);
  }, 20_000);

  it('binds NaN and ±Infinity as NULL with nanAsNull/infAsNull, as interpolation does', async () => {
    const sql = 'SELECT ? AS nan, ? AS inf, ? AS minus';
    const values = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    await using lenient = await connect({ url: database.url, nanAsNull: true, infAsNull: true });
    await using cursor = lenient.cursor();
    await cursor.execute(sql, values);
    const interpolated = await cursor.fetchAll();
    await cursor.execute(sql, values, { prepare: true });
    expect(await cursor.fetchAll()).toEqual(interpolated);
    expect(interpolated).toEqual([[null, null, null]]);
    await using strict = await connect({ url: database.url, nanAsNull: true });
    const refused = await strict
      .cursor()
      .execute(sql, values, { prepare: true })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProgrammingError);
    expect((refused as Error).message).toMatch(/^Parameter 2 .*Infinity.*infAsNull/);
  });

  it('executeMany with prepare prepares once and executes once per row', async () => {
    await connection.exec('CREATE TABLE many (id INT, name VARCHAR(20))');
    const prepares = await sessionCounter('Com_stmt_prepare');
    const before = await executes();
    await using cursor = connection.cursor();
    const rows = [
      [1, 'a'],
      [2, null],
      [3, "it's"],
    ];
    await cursor.executeMany('INSERT INTO many VALUES (?, ?)', rows, { prepare: true });
    expect(cursor.rowCount).toBe(3);
    expect(await sessionCounter('Com_stmt_prepare')).toBe(prepares + 1);
    expect(await executes()).toBe(before + 3);
    expect(await connection.query('SELECT id, name FROM many ORDER BY id')).toEqual(
      rows.map(([id, name]) => ({ id, name })),
    );
  });

  it("the connection's prepare option prepares statements with parameters only", async () => {
    const url = new URL(database.url);
    url.searchParams.set('prepare', 'true');
    for (const options of [{ url: database.url, prepare: true }, url.toString()]) {
      await using prepared = await connect(options);
      const count = async (): Promise<number> => {
        const rows = await prepared.query("SHOW SESSION STATUS LIKE 'Com_stmt_execute'");
        return Number((rows as unknown[][])[0]?.[1]);
      };
      const before = await count();
      expect(await prepared.query('SELECT ? + 1 AS n', [1])).toEqual([[2]]);
      expect(await count()).toBe(before + 1);
      await prepared.exec('SELECT 1');
      expect(await prepared.locals.get('autocommit')).toBeDefined();
      await using cursor = prepared.cursor();
      await cursor.execute('SELECT ?', [1], { prepare: false });
      expect(await count()).toBe(before + 1);
    }
  });
});
