import {
  Binary,
  DataError,
  DateFromTicks,
  dbapi,
  Time,
  TimeFromTicks,
  Timestamp,
  TimestampFromTicks,
} from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import type { ConformanceTarget } from './conformance-target.js';
import { thrownBy, useSharedConnection } from './shared-connection.js';

const TYPED_COLUMNS = 'day, clock, moment, bytes, long_bytes, big, exact, real_number';

/** PEP 249 type constructors, module globals and value round trips through the server. */
export function defineTypesSuite(target: ConformanceTarget): void {
  describe(`${target.transport}: type constructors and values`, () => {
    const shared = useSharedConnection(target, async (connection) => {
      await connection.exec(
        `CREATE TABLE typed (
          id INT PRIMARY KEY, day DATE, clock TIME, moment DATETIME, bytes VARBINARY(16),
          long_bytes BLOB, big BIGINT UNSIGNED, exact DECIMAL(10,2), real_number DOUBLE)`,
      );
    });

    /** Inserts one row and reads its typed columns back. */
    async function roundTrip(id: number, values: readonly unknown[]): Promise<unknown[]> {
      await shared().exec(
        `INSERT INTO typed (id, ${TYPED_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, ...values],
      );
      const rows = await shared().query(`SELECT ${TYPED_COLUMNS} FROM typed WHERE id = ?`, [id]);
      return (rows as unknown[][])[0] ?? [];
    }

    it('module globals: apilevel 2.0 and qmark paramstyle', () => {
      expect(dbapi.apilevel).toBe('2.0');
      expect(dbapi.paramstyle).toBe('qmark');
    });

    it('Date, Time, Timestamp and Binary values round-trip through their columns', async () => {
      const row = await roundTrip(1, [
        dbapi.Date(2024, 2, 29),
        Time(7, 5, 3),
        Timestamp(1999, 12, 31, 23, 59, 58),
        Binary([0, 1, 255]),
        Binary('hé'),
        18446744073709551615n,
        '-12345678.90',
        0.5,
      ]);
      expect(row).toEqual([
        new Date('2024-02-29T00:00:00.000Z'),
        '07:05:03',
        new Date('1999-12-31T23:59:58.000Z'),
        new Uint8Array([0, 1, 255]),
        new Uint8Array([0x68, 0xc3, 0xa9]),
        18446744073709551615n,
        '-12345678.90',
        0.5,
      ]);
    });

    it('the *FromTicks constructors round-trip a Unix time', async () => {
      const ticks = 1_700_000_123;
      const row = await roundTrip(2, [
        DateFromTicks(ticks),
        TimeFromTicks(ticks),
        TimestampFromTicks(ticks),
        null,
        null,
        null,
        null,
        null,
      ]);
      expect(row.slice(0, 3)).toEqual([
        new Date('2023-11-14T00:00:00.000Z'),
        '22:15:23',
        new Date('2023-11-14T22:15:23.000Z'),
      ]);
    });

    it('NULL round-trips as null in every column type', async () => {
      const nulls = Array.from({ length: 8 }, () => null);
      expect(await roundTrip(3, nulls)).toEqual(nulls);
    });

    it('small BIGINT values arrive as numbers, large ones as exact bigints', async () => {
      expect(
        await shared().query('SELECT CAST(? AS SIGNED), CAST(? AS UNSIGNED)', [
          42,
          9007199254740993n,
        ]),
      ).toEqual([[42, 9007199254740993n]]);
    });

    it('a DATETIME(6) column round-trips milliseconds with scale 6', async () => {
      const connection = shared();
      await connection.exec('CREATE TABLE precise (moment DATETIME(6))');
      await connection.exec('INSERT INTO precise VALUES (?)', [
        new Date('2020-01-02T03:04:05.678Z'),
      ]);
      const cursor = connection.cursor();
      await cursor.execute('SELECT moment FROM precise');
      expect(await cursor.fetchAll()).toEqual([[new Date('2020-01-02T03:04:05.678Z')]]);
      expect(cursor.description?.[0]?.scale).toBe(6);
      await cursor.close();
    });

    it('constructors reject impossible dates and times with DataError', () => {
      expect(thrownBy(() => dbapi.Date(2023, 2, 29))).toBeInstanceOf(DataError);
      expect(thrownBy(() => Time(24, 0, 0))).toBeInstanceOf(DataError);
      expect(thrownBy(() => Timestamp(2023, 1, 1, 0, 60, 0))).toBeInstanceOf(DataError);
    });
  });
}
