import { IntegrityError, ProgrammingError, S2Error } from '@s2/core-cursor';
import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type ProtocolConnection, WireConnection } from '../index.js';

const database = useTestDatabase();
let connection: ProtocolConnection;

beforeAll(async () => {
  connection = await openConnection(database.url);
});
afterAll(async () => {
  await connection.close();
});

/** A session counter of SHOW SESSION STATUS (Com_stmt_prepare, Com_stmt_close, …). */
async function sessionCounter(on: ProtocolConnection, name: string): Promise<number> {
  const [result] = await on.query(`SHOW SESSION STATUS LIKE '${name}'`);
  return Number(result?.rows()[0]?.[1]);
}

async function rowsOf(
  sql: string,
  params?: readonly unknown[] | Record<string, unknown>,
): Promise<unknown[][]> {
  const [result] = await connection.queryPrepared(sql, params);
  return result?.rows() ?? [];
}

describe('binding parameters', () => {
  it('stores every JS value type as client-side interpolation stores it', async () => {
    await connection.query(`CREATE TABLE bound (
      id INT, n INT, flag TINYINT, big BIGINT, ubig BIGINT UNSIGNED, wide DECIMAL(30,0),
      d DOUBLE, s VARCHAR(20), at DATETIME(3), day DATE, bytes VARBINARY(16), doc TEXT)`);
    const values = [
      7,
      true,
      -9223372036854775808n,
      18446744073709551615n,
      2n ** 80n,
      1.25e-7,
      "it's ✓ \\ ok",
      new Date('2024-02-29T23:59:58.123Z'),
      new Date('2024-03-01T00:00:00Z'),
      Float32Array.of(1.5, -2),
      { a: [1, 'z'] },
    ];
    const placeholders = values.map(() => '?').join(', ');
    await connection.queryPrepared(`INSERT INTO bound VALUES (1, ${placeholders})`, values);
    const interpolating = new WireConnection(await openConnection(database.url));
    await interpolating.exec(`INSERT INTO bound VALUES (2, ${placeholders})`, values);
    await interpolating.close();
    await connection.queryPrepared('INSERT INTO bound (id) VALUES (?)', [3]);
    const [result] = await connection.query('SELECT * FROM bound ORDER BY id');
    const [prepared, interpolated, nulls] = result?.rows() ?? [];
    expect(prepared?.slice(1)).toEqual(interpolated?.slice(1));
    expect(prepared?.slice(1, 6)).toEqual([
      7,
      1,
      -9223372036854775808n,
      18446744073709551615n,
      '1208925819614629174706176',
    ]);
    expect(nulls?.slice(1).every((value) => value === null)).toBe(true);
  });

  it('binds NULL, undefined and :name parameters (repeats included) in order', async () => {
    expect(await rowsOf('SELECT ? IS NULL, ? IS NULL', [null, undefined])).toEqual([[1, 1]]);
    expect(await rowsOf('SELECT :a + :b, :a', { a: 40, b: 2 })).toEqual([[42, 40]]);
  });

  it('refuses a parameter count mismatch before sending anything', async () => {
    const prepares = await sessionCounter(connection, 'Com_stmt_prepare');
    await expect(connection.queryPrepared('SELECT ?, ?', [1])).rejects.toBeInstanceOf(
      ProgrammingError,
    );
    await expect(connection.queryPrepared('SELECT :a', { b: 1 })).rejects.toBeInstanceOf(
      ProgrammingError,
    );
    expect(await sessionCounter(connection, 'Com_stmt_prepare')).toBe(prepares);
  });

  it('refuses values without a binary form, naming the parameter, before sending anything', async () => {
    const prepares = await sessionCounter(connection, 'Com_stmt_prepare');
    for (const value of [() => 1, Symbol('s'), [1, 2], Number.NaN, new Date(Number.NaN)]) {
      const outcome = await connection.queryPrepared('SELECT ?, ?', [1, value]).catch((e) => e);
      expect(outcome).toBeInstanceOf(ProgrammingError);
      expect((outcome as Error).message).toMatch(/^Parameter 2 cannot be bound/);
    }
    expect(await sessionCounter(connection, 'Com_stmt_prepare')).toBe(prepares);
  });

  it('binds NaN and ±Infinity as NULL only with nanAsNull and infAsNull', async () => {
    const sql = 'SELECT ? IS NULL, ? IS NULL, ? IS NULL';
    const values = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    const [both] = await connection.queryPrepared(sql, values, {
      nanAsNull: true,
      infAsNull: true,
    });
    expect(both?.rows()).toEqual([[1, 1, 1]]);
    const nanOnly = await connection
      .queryPrepared(sql, values, { nanAsNull: true })
      .catch((error: unknown) => error);
    expect(nanOnly).toBeInstanceOf(ProgrammingError);
    expect((nanOnly as Error).message).toMatch(/^Parameter 2 .*set infAsNull to send NULL/);
    const infOnly = await connection
      .queryPrepared(sql, values, { infAsNull: true })
      .catch((error: unknown) => error);
    expect((infOnly as Error).message).toMatch(/^Parameter 1 .*set nanAsNull to send NULL/);
  });

  it('refuses an execute when the server counts other placeholders than the client', async () => {
    // An executable comment is SQL to the server but a comment to the placeholder scanner.
    const outcome = await connection.queryPrepared('SELECT 1 /*! + ? */', []).catch((e) => e);
    expect(outcome).toBeInstanceOf(ProgrammingError);
    expect((outcome as Error).message).toMatch(/takes 1 parameter/);
    expect(await rowsOf('SELECT 2')).toEqual([[2]]);
  });
});

describe('server errors', () => {
  it('a failed prepare rejects with the server error, keeps the connection and is not cached', async () => {
    const sql = 'SELECT x FROM later_table WHERE x = ?';
    const outcome = await connection.queryPrepared(sql, [1]).catch((e) => e);
    expect(S2Error.isInstance(outcome)).toBe(true);
    expect(outcome).toMatchObject({ errno: 1146, sqlState: '42S02' });
    await connection.query('CREATE TABLE later_table (x INT)');
    await connection.query('INSERT INTO later_table VALUES (1)');
    expect(await rowsOf(sql, [1])).toEqual([[1]]);
  });

  it('a failed execute rejects with the mapped S2Error and keeps the connection', async () => {
    await connection.query('CREATE TABLE unique_ids (id INT PRIMARY KEY)');
    await connection.queryPrepared('INSERT INTO unique_ids VALUES (?)', [1]);
    const outcome = await connection
      .queryPrepared('INSERT INTO unique_ids VALUES (?)', [1])
      .catch((e) => e);
    expect(outcome).toBeInstanceOf(IntegrityError);
    expect(outcome).toMatchObject({ errno: 1062, sqlState: '23000' });
    expect(await rowsOf('SELECT COUNT(*) FROM unique_ids WHERE id = ?', [1])).toEqual([[1]]);
  });
});
