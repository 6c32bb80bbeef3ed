import { randomBytes } from 'node:crypto';
import { useTestDatabase } from '@s2/test-server';
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

/**
 * Runs `sql` over COM_QUERY and as a prepared statement, and checks that both give the same
 * decoded batches (kinds, typed values, validity, offsets) and so the same row values.
 */
async function expectSameResults(sql: string): Promise<unknown[][]> {
  const [text] = await connection.query(sql);
  const [prepared] = await connection.queryPrepared(sql);
  expect(prepared?.batches.length).toBeGreaterThan(0);
  expect(prepared?.batches).toEqual(text?.batches);
  expect(prepared?.rows()).toEqual(text?.rows());
  return prepared?.rows() ?? [];
}

describe('binary result rows decode as the text protocol does', () => {
  it('gives the same values for every column type of the text-protocol type test', async () => {
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
    await connection.query(`INSERT INTO every_type VALUES (
      127, 0, 32767, 0, 8388607, 2147483647, 0, 9223372036854775807, 0, -0.000123456789,
      1e300, '0.000001', '9999-12-31', '1970-01-01 00:00:00', '1970-01-01 00:00:01',
      '00:00:00', 1901, '', '', '', X'', X'', X'00', 'a', '', '[]', b'0')`);
    await connection.query('INSERT INTO every_type () VALUES ()');
    const rows = await expectSameResults('SELECT * FROM every_type');
    expect(rows).toHaveLength(3);
    expect(rows[0]?.[7]).toBe(-9223372036854775808n);
    expect(rows[2]?.every((value) => value === null)).toBe(true);
  });

  it('rounds FLOAT and fixed-decimal FLOAT/DOUBLE as the server writes them, ties to even', async () => {
    await connection.query(`CREATE TABLE floats (
      f FLOAT, d DOUBLE, f3 FLOAT(7,3), d2 DOUBLE(10,2), t TIME, t3 TIME(3), dt0 DATETIME,
      dt3 DATETIME(3))`);
    await connection.query(`INSERT INTO floats VALUES
      (3.14159265, 0.1, 1.0005, 2.675, '-01:02:03', '00:00:00', '2020-01-02 00:00:00',
       '2020-01-02 03:04:05.5'),
      (1234565, 123456789.123456789, -2.5, 1.005, '838:59:59', '-00:00:01.5',
       '0001-01-01 23:59:59', '2020-01-02 03:04:05'),
      (-1.23456e-10, -1.7976931348623157e308, 12.3455, 0.125, '-838:59:59', '100:00:00',
       '2020-01-02 03:04:05', '2020-01-02 00:00:00.001'),
      (12345.25, 5e-324, 0.0625, 0.375, '00:00:01', '00:00:00.001', '2020-01-02 03:04:05',
       '2020-01-02 03:04:05.999'),
      (123456789, -0.0, 1.0625, -0.375, '-00:00:00', '00:00:00', '2020-01-02 03:04:05',
       '2020-01-02 03:04:05'),
      (-3.4e38, 1e-300, 0, 0, '12:34:56', '12:34:56.789', '2020-01-02 03:04:05',
       '2020-01-02 03:04:05')`);
    await expectSameResults('SELECT *, f * 2, CAST(f AS DOUBLE) FROM floats');
  });

  it('treats zero dates as NULL', async () => {
    await connection.query("SET SESSION sql_mode = ''");
    const [row] = await expectSameResults(
      "SELECT CAST('0000-00-00' AS DATE), CAST('0000-00-00 00:00:00' AS DATETIME), CAST('00:00:00' AS TIME)",
    );
    expect(row?.slice(0, 2)).toEqual([null, null]);
  });

  it('round-trips values from 0 bytes to above 16 MiB, bound and read in the binary protocol', async () => {
    await connection.query('CREATE TABLE sizes (id INT PRIMARY KEY, b LONGBLOB)');
    const sizes = [0, 250, 251, 65_536, 16_777_215, 17_000_000];
    for (const [id, size] of sizes.entries()) {
      const value = randomBytes(size);
      await connection.queryPrepared('INSERT INTO sizes VALUES (?, ?)', [id, value]);
      const [result] = await connection.queryPrepared('SELECT b FROM sizes WHERE id = ?', [id]);
      const [[stored]] = (result?.rows() ?? []) as [[Uint8Array]];
      expect(stored.length).toBe(size);
      expect(Buffer.from(stored).equals(value)).toBe(true);
    }
    await expectSameResults('SELECT id, LENGTH(b), b FROM sizes WHERE id < 4 ORDER BY id');
  }, 120_000);
});
