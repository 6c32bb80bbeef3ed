import type { DataApiServer } from '@s2/data-api-server';
import { testServer, useTestDatabase } from '@s2/test-server';
import { connect as connectWire, type WireConnection } from '@s2/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type HttpConnection } from './index.js';
import { dataApiUrl, startLocalDataApi } from './test-support/local-data-api.js';

const database = useTestDatabase();
let server: DataApiServer;
let wire: WireConnection;
let http: HttpConnection;

const COLUMNS = `id INT PRIMARY KEY,
  ti TINYINT, tu TINYINT UNSIGNED, si SMALLINT, su SMALLINT UNSIGNED, mi MEDIUMINT,
  mu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT, bu BIGINT UNSIGNED, bo BOOL,
  f FLOAT, d DOUBLE, de DECIMAL(20,6), dw DECIMAL(65,30), dt DATE, dtm DATETIME, dt6 DATETIME(6),
  ts TIMESTAMP(6) NULL, tm TIME, tm6 TIME(6), y YEAR, c CHAR(10), vc VARCHAR(50), tt TINYTEXT,
  tx TEXT, mt MEDIUMTEXT, lt LONGTEXT, bn BINARY(4), vb VARBINARY(10), tb TINYBLOB, bl BLOB,
  mb MEDIUMBLOB, lb LONGBLOB, j JSON, e ENUM('red','green'), st SET('a','b','c'), b1 BIT(1),
  b64 BIT(64)`;

const ROWS = [
  // normal values
  `(0, 1, 2, 3, 4, 5, 6, 7, 8, 9007199254740993, 12345678901234567890, 1, 1.5, 3.141592653589793,
    '12345.678901', '1.000000000000000000000000000001', '2024-02-29', '2024-02-29 12:34:56',
    '2024-02-29 12:34:56.123456', '2024-02-29 12:34:56.654321', '12:34:56', '-01:02:03.000004',
    2024, 'char', 'varchär ✓', 'tiny', 'text', 'medium', 'long', X'01020304', X'0a0b', X'ff',
    X'00ff00', X'cafe', X'babe', '{"n":9223372036854775807,"f":2.50,"s":"x","a":[1,null,true]}',
    'green', 'a,c', b'1', b'1010101010101010101010101010101010101010101010101010101010101010')`,
  // NULLs
  `(1, ${Array(39).fill('NULL').join(', ')})`,
  // minimums
  `(2, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0, 0, -3.40282e38,
    -1.7976931348623157e308, '-99999999999999.999999', '-99999999999999999999999999999999999.999999999999999999999999999999',
    '1000-01-01', '1000-01-01 00:00:00', '1000-01-01 00:00:00.000000', '1970-01-01 00:00:01.000000',
    '-838:59:59', '-838:59:59.000000', 1901, '', '', '', '', '', '', X'00000000', X'', X'', X'', X'',
    X'', '[]', 'red', '', b'0', b'0')`,
  // maximums
  `(3, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, 9223372036854775807,
    18446744073709551615, 1, 3.40282e38, 1.7976931348623157e308, '99999999999999.999999',
    '99999999999999999999999999999999999.999999999999999999999999999999', '9999-12-31',
    '9999-12-31 23:59:59', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.999999',
    '838:59:59', '838:59:59.000000', 2155, 'zzzzzzzzzz', REPEAT('é', 50), REPEAT('t', 255),
    REPEAT('x', 1000), REPEAT('m', 70000), REPEAT('l', 100000), X'ffffffff', X'ffffffffffffffffffff',
    REPEAT(X'ff', 255), REPEAT(X'ee', 1000), REPEAT(X'dd', 70000), REPEAT(X'cc', 100000),
    '{"deep":{"deeper":[18446744073709551615,-9223372036854775808]}}', 'green', 'a,b,c', b'1',
    b'1111111111111111111111111111111111111111111111111111111111111111')`,
  // zeros
  `(4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '0', '0', '2000-01-01', '2000-01-01 00:00:00',
    '2000-01-01 00:00:00.000000', '2000-01-01 00:00:00.000000', '00:00:00', '00:00:00.000000', 2000,
    '0', '0', '0', '0', '0', '0', X'00', X'00', X'00', X'00', X'00', X'00', '0', 'red', 'a', b'0', b'0')`,
];

beforeAll(async () => {
  server = await startLocalDataApi(database.url);
  wire = await connectWire(database.url);
  http = await connect(dataApiUrl(server, database.url));
  await wire.query(`CREATE TABLE all_types (${COLUMNS})`);
  await wire.query(`INSERT INTO all_types VALUES ${ROWS.join(',\n')}`);
});
afterAll(async () => {
  await http?.close();
  await wire?.close();
  await server?.stop();
});

describe('@s2/http against @s2/wire on the same rows', () => {
  it('reads every column type of every row as exactly the value the wire client reads', async () => {
    const wireCursor = wire.cursor();
    await wireCursor.execute('SELECT * FROM all_types ORDER BY id');
    const wireRows = (await wireCursor.fetchAll()) as unknown[][];
    const names = (wireCursor.description ?? []).map((column) => column.name);
    const httpRows = (await http.query('SELECT * FROM all_types ORDER BY id')) as unknown[][];
    expect(httpRows).toHaveLength(ROWS.length);
    expect(wireRows).toHaveLength(ROWS.length);
    expect(names).toHaveLength(40);
    wireRows.forEach((wireRow, rowIndex) => {
      const httpRow = httpRows[rowIndex] ?? [];
      names.forEach((name, columnIndex) => {
        expect({ row: rowIndex, column: name, value: httpRow[columnIndex] }).toEqual({
          row: rowIndex,
          column: name,
          value: wireRow[columnIndex],
        });
      });
    });
    // The comparison is not vacuous: spot-check values the type policy must produce.
    expect(httpRows[3]?.[names.indexOf('bu')]).toBe(18446744073709551615n);
    expect(httpRows[0]?.[names.indexOf('bn')]).toEqual(Uint8Array.of(1, 2, 3, 4));
    const json = httpRows[0]?.[names.indexOf('j')];
    if (testServer().capabilities.flavour !== 'mariadb') {
      expect(json).toEqual({ n: 9223372036854775807n, f: 2.5, s: 'x', a: [1, null, true] });
    }
  });

  it('keeps BIGINT extremes exact in results, args and lastInsertId', async () => {
    const [row] = (await http.query(
      'SELECT -9223372036854775808, 9223372036854775807, 18446744073709551615, CAST(? AS UNSIGNED), ?',
      [9223372036854775808n, -9223372036854775808n],
    )) as unknown[][];
    expect(row).toEqual([
      -9223372036854775808n,
      9223372036854775807n,
      18446744073709551615n,
      9223372036854775808n,
      -9223372036854775808n,
    ]);
    await http.exec(
      'CREATE TABLE big_ids (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, v INT) AUTO_INCREMENT = 18446744073709551610',
    );
    const inserted = await http.exec('INSERT INTO big_ids (v) VALUES (?)', [1]);
    expect(inserted).toEqual({ rowsAffected: 1, lastInsertId: 18446744073709551610n });
  });
});
