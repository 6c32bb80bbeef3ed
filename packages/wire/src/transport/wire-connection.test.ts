import { testServer, useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type WireConnection } from '../index.js';

const database = useTestDatabase();
let connection: WireConnection;

beforeAll(async () => {
  connection = await connect({ url: database.url, multiStatements: true });
});
afterAll(async () => {
  await connection.close();
});

/** A generator of the same pseudo-random sequence every run (xorshift32). */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const SPECIAL = ["'", '"', '\\', '\0', '\n', '\r', '\x1a', '%', '_', '?', ':a', '`', '--', '/*'];

function randomString(random: () => number): string {
  const length = Math.floor(random() * 24);
  let text = '';
  for (let index = 0; index < length; index += 1) {
    const pick = random();
    if (pick < 0.3) text += SPECIAL[Math.floor(random() * SPECIAL.length)];
    else if (pick < 0.5) text += String.fromCodePoint(0x80 + Math.floor(random() * 0x780));
    else if (pick < 0.6) text += String.fromCodePoint(0x1f300 + Math.floor(random() * 0x300));
    else if (pick < 0.7) text += String.fromCodePoint(0x4e00 + Math.floor(random() * 0x5000));
    else text += String.fromCharCode(0x20 + Math.floor(random() * 0x5f));
  }
  return text;
}

function randomBytes(random: () => number): Uint8Array {
  return Uint8Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 256));
}

describe('connect() returns the DB-API connection of @s2/core-cursor', () => {
  it('queries with parameters, execs and reads lastInsertId', async () => {
    expect(await connection.query('SELECT ? AS a, ? AS b', [1, 'x'])).toEqual([[1, 'x']]);
    expect(await connection.query('SELECT :b AS b', { b: null })).toEqual([[null]]);
    await connection.exec('CREATE TABLE people (id INT AUTO_INCREMENT PRIMARY KEY, name TEXT)');
    const inserted = await connection.exec('INSERT INTO people (name) VALUES (?), (?)', [
      'ann',
      'bob',
    ]);
    expect(inserted).toEqual({ rowsAffected: 2, lastInsertId: 1 });
    expect(await connection.query('SELECT name FROM people ORDER BY id')).toEqual([
      ['ann'],
      ['bob'],
    ]);
  });

  it('returns every batch of a large result, buffered and streamed, in every results type', async () => {
    const digits = `(${Array.from({ length: 10 }, (_unused, digit) => `SELECT ${digit} AS i`).join(' UNION ALL ')})`;
    // 100,000 rows: more than one batch buffered (65,536 rows at most) as well as streamed.
    const sql = `SELECT a.i * 10000 + b.i * 1000 + c.i * 100 + d.i * 10 + e.i AS n FROM ${digits} a, ${digits} b, ${digits} c, ${digits} d, ${digits} e`;
    await using small = await connect({ url: database.url, batchRows: 64 });
    const rows = (await small.query(sql)) as unknown[][];
    expect(rows).toHaveLength(100_000);
    expect(new Set(rows.map((row) => row[0])).size).toBe(100_000);
    for (const buffered of [true, false]) {
      await using cursor = small.cursor({ buffered, resultsType: 'columns' });
      await cursor.execute(sql);
      const columns = (await cursor.fetchAll()) as unknown as Record<string, ArrayLike<number>>;
      expect(columns.n?.length).toBe(100_000);
      expect(Array.from(columns.n ?? []).reduce((sum, n) => sum + n, 0)).toBe(4_999_950_000);
    }
  });

  it('streams through an unbuffered cursor and walks multiple results with nextSet', async () => {
    await using cursor = connection.cursor({ buffered: false, resultsType: 'dicts' });
    await cursor.execute('SELECT 1 AS one UNION ALL SELECT 2; SELECT 3 AS three');
    expect(cursor.description?.map((column) => column.name)).toEqual(['one']);
    expect(await cursor.fetchOne()).toEqual({ one: 1 });
    expect(await cursor.nextSet()).toBe(true);
    expect(await cursor.fetchAll()).toEqual([{ three: 3 }]);
    expect(await cursor.nextSet()).toBeFalsy();
  });

  it('reports a failed statement as itself and never runs it again on close', async () => {
    await connection.exec('CREATE TABLE run_once (id INT)');
    const failing = 'INSERT INTO run_once VALUES (1); SELECT * FROM no_such_table';
    await expect(connection.query(failing)).rejects.toMatchObject({
      name: 'ProgrammingError',
      errno: 1146,
    });
    const cursor = connection.cursor();
    await expect(cursor.execute(failing)).rejects.toMatchObject({ errno: 1146 });
    await cursor.close();
    expect(await connection.query('SELECT COUNT(*) FROM run_once')).toEqual([[2]]);
  });

  it('follows autocommit and transactions', async () => {
    expect(connection.autocommit).toBe(true);
    await connection.setAutocommit(false);
    expect(connection.autocommit).toBe(false);
    await connection.exec('INSERT INTO people (name) VALUES (?)', ['cy']);
    await connection.rollback();
    await connection.setAutocommit(true);
    expect(await connection.query('SELECT COUNT(*) FROM people')).toEqual([[2]]);
  });

  it('writes every JS parameter type and reads it back through the type policy', async () => {
    await connection.exec(`CREATE TABLE params (
      i INT, big BIGINT, u BIGINT UNSIGNED, d DOUBLE, dec_ DECIMAL(30,10), s VARCHAR(50), b VARBINARY(20),
      dt DATETIME(3), day DATE, flag TINYINT, doc TEXT, n INT)`);
    const values = [
      -7,
      -(2n ** 62n),
      2n ** 64n - 1n,
      Math.PI,
      '12345678901234567890.0123456789',
      'it\'s a \\ "test" ✓',
      Uint8Array.of(0, 39, 92, 255),
      new Date('2024-05-06T07:08:09.123Z'),
      new Date('1999-12-31T00:00:00Z'),
      true,
      { nested: [1, 'two', null] },
      null,
    ];
    await connection.exec(
      `INSERT INTO params VALUES (${values.map(() => '?').join(', ')})`,
      values,
    );
    const [row] = (await connection.query('SELECT * FROM params')) as unknown[][];
    expect(row).toEqual([
      -7,
      -(2n ** 62n),
      2n ** 64n - 1n,
      Math.PI,
      '12345678901234567890.0123456789',
      'it\'s a \\ "test" ✓',
      Uint8Array.of(0, 39, 92, 255),
      new Date('2024-05-06T07:08:09.123Z'),
      new Date('1999-12-31T00:00:00Z'),
      1,
      '{"nested":[1,"two",null]}',
      null,
    ]);
  });

  it('reads SingleStore VECTOR columns in both projections', async (context) => {
    if (testServer().capabilities.flavour !== 'singlestore') context.skip();
    const vector = Float32Array.of(0.5, -1.25, 3);
    for (const vectorDataFormat of ['binary', 'json'] as const) {
      await using session = await connect({ url: database.url, vectorDataFormat });
      await session.exec('CREATE TABLE IF NOT EXISTS vectors (v VECTOR(3, F32))');
      await session.exec('DELETE FROM vectors');
      await session.exec('INSERT INTO vectors VALUES (?)', [vector]);
      await using cursor = session.cursor();
      await cursor.execute('SELECT v FROM vectors');
      expect(cursor.description?.[0]?.typeCode).toBe(vectorDataFormat === 'binary' ? 3001 : 2001);
      const [[value]] = (await cursor.fetchAll()) as unknown[][] as [[Float32Array]];
      expect(Array.from(value)).toEqual(Array.from(vector));
    }
  });

  it('sends typed arrays (vectors) as little-endian bytes', async () => {
    const vector = Float32Array.of(1.5, -2, 3.25);
    const [[bytes]] = (await connection.query('SELECT ?', [vector])) as [[Uint8Array]];
    expect(new Float32Array(bytes.slice().buffer)).toEqual(vector);
    const big = BigInt64Array.of(-(2n ** 63n), 7n);
    const [[bigBytes]] = (await connection.query('SELECT ?', [big])) as [[Uint8Array]];
    expect(new BigInt64Array(bigBytes.slice().buffer)).toEqual(big);
  });

  for (const mode of ['backslash escapes', 'NO_BACKSLASH_ESCAPES'] as const) {
    it(`round-trips 10,000 random strings and byte strings with ${mode}`, async () => {
      await using session = await connect(database.url);
      if (mode === 'NO_BACKSLASH_ESCAPES')
        await session.exec("SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'");
      expect(session.protocol.noBackslashEscapes).toBe(mode === 'NO_BACKSLASH_ESCAPES');
      const random = randomSource(mode === 'NO_BACKSLASH_ESCAPES' ? 2024 : 7);
      for (let round = 0; round < 40; round += 1) {
        const values = Array.from({ length: 250 }, (_unused, index) =>
          index % 2 === 0 ? randomString(random) : randomBytes(random),
        );
        const placeholders = values.map(() => '?').join(', ');
        const [row] = (await session.query(`SELECT ${placeholders}`, values)) as unknown[][];
        expect(row).toEqual(values);
      }
    }, 60_000);
  }
});
