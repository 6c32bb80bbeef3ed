import { randomBytes } from 'node:crypto';
import { testServer, useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type ProtocolConnection } from '../index.js';

const database = useTestDatabase();
let connection: ProtocolConnection;

beforeAll(async () => {
  connection = await openConnection(database.url);
});
afterAll(async () => {
  await connection.close();
});

async function rows(sql: string): Promise<unknown[][]> {
  const results = await connection.query(sql);
  return results[0]?.rows() ?? [];
}

describe('column types against the test server', () => {
  it('decodes every MySQL column type into the type policy values', async () => {
    await connection.query(`CREATE TABLE every_type (
      ti TINYINT, tu TINYINT UNSIGNED, si SMALLINT, su SMALLINT UNSIGNED, mi MEDIUMINT, i INT,
      iu INT UNSIGNED, bi BIGINT, bu BIGINT UNSIGNED, f FLOAT, d DOUBLE, de DECIMAL(20,6),
      dt DATE, dtm DATETIME(6), ts TIMESTAMP(3) NULL, tm TIME(6), y YEAR, c CHAR(3), vc VARCHAR(20),
      tx TEXT, bn BINARY(3), vb VARBINARY(10), bl BLOB, e ENUM('a','b'), st SET('x','y'),
      j JSON, bt BIT(9))`);
    await connection.query(`INSERT INTO every_type VALUES (
      -128, 255, -32768, 65535, -8388608, -2147483648, 4294967295, -9223372036854775808,
      18446744073709551615, 1.5, -2.25e-300, '-12345678901234.123456', '0001-01-01',
      '2024-02-29 23:59:58.123456', '2038-01-19 03:14:07.999', '-838:59:59.000001', 2155,
      'abc', 'héllo ✓', 'long text', X'000102', X'ff00', X'', 'b', 'x,y',
      '{"a":[1,2.5,"z"]}', b'100000001')`);
    await connection.query('INSERT INTO every_type () VALUES ()');
    const [values, nulls] = await rows('SELECT * FROM every_type');
    expect(values).toEqual([
      -128,
      255,
      -32768,
      65535,
      -8388608,
      -2147483648,
      4294967295,
      -9223372036854775808n,
      18446744073709551615n,
      1.5,
      -2.25e-300,
      '-12345678901234.123456',
      new Date('0001-01-01T00:00:00.000Z'),
      new Date('2024-02-29T23:59:58.123Z'),
      new Date('2038-01-19T03:14:07.999Z'),
      '-838:59:59.000001',
      2155,
      'abc',
      'héllo ✓',
      'long text',
      Uint8Array.of(0, 1, 2),
      Uint8Array.of(0xff, 0),
      new Uint8Array(0),
      'b',
      'x,y',
      // MariaDB's JSON is a LONGTEXT alias (type 252), so only MySQL-family servers send 245.
      testServer().capabilities.flavour === 'mariadb' ? '{"a":[1,2.5,"z"]}' : { a: [1, 2.5, 'z'] },
      Uint8Array.of(1, 1),
    ]);
    expect(nulls!.every((value) => value === null)).toBe(true);
  });

  it('treats zero dates as NULL', async () => {
    await connection.query("SET SESSION sql_mode = ''");
    const [row] = await rows(
      "SELECT CAST('0000-00-00' AS DATE), CAST('0000-00-00 00:00:00' AS DATETIME)",
    );
    expect(row).toEqual([null, null]);
  });

  it('round-trips values from 0 bytes to above 16 MiB, split and joined in both directions', async () => {
    await connection.query('CREATE TABLE sizes (id INT PRIMARY KEY, b LONGBLOB)');
    const sizes = [0, 1, 250, 251, 65_535, 65_536, 16_777_210, 16_777_215, 17_000_000];
    for (const [id, size] of sizes.entries()) {
      const value = randomBytes(size);
      await connection.query(`INSERT INTO sizes VALUES (${id}, X'${value.toString('hex')}')`);
      const [[stored]] = (await rows(`SELECT b FROM sizes WHERE id = ${id}`)) as [[Uint8Array]];
      expect(stored.length).toBe(size);
      expect(Buffer.from(stored).equals(value)).toBe(true);
    }
  }, 120_000);
});
