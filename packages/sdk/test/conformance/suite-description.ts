import { BINARY, DATETIME, NUMBER, ROWID, STRING } from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import type { ConformanceTarget } from './conformance-target.js';
import { useSharedConnection } from './shared-connection.js';

const COLUMNS = ['id', 'name', 'amount', 'ratio', 'born', 'seen', 'payload'];

/** PEP 249 cursor attributes: description, rowcount, lastrowid, arraysize, rownumber. */
export function defineDescriptionSuite(target: ConformanceTarget): void {
  describe(`${target.transport}: cursor attributes and description`, () => {
    const shared = useSharedConnection(target, async (connection) => {
      await connection.exec(
        `CREATE TABLE described (
          id INT NOT NULL PRIMARY KEY, name VARCHAR(30), amount DECIMAL(10,2), ratio DOUBLE,
          born DATE, seen DATETIME, payload BLOB)`,
      );
      await connection.exec(
        'CREATE TABLE counted (id INT AUTO_INCREMENT PRIMARY KEY, tag CHAR(1))',
      );
    });

    it('a new cursor has no description, rowCount −1, no lastRowId, arraySize 1', () => {
      const cursor = shared().cursor();
      expect(cursor.description).toBeNull();
      expect(cursor.rowCount).toBe(-1);
      expect(cursor.lastRowId).toBeNull();
      expect(cursor.rowNumber).toBeNull();
      expect(cursor.arraySize).toBe(1);
      expect(cursor.closed).toBe(false);
    });

    it('description has one 9-field entry per column, named as selected', async () => {
      const cursor = shared().cursor();
      await cursor.execute(`SELECT ${COLUMNS.join(', ')} FROM described`);
      const description = cursor.description ?? [];
      expect(description.map((column) => column.name)).toEqual(COLUMNS);
      for (const column of description) {
        expect(Object.keys(column)).toEqual(
          expect.arrayContaining([
            'name',
            'typeCode',
            'displaySize',
            'internalSize',
            'precision',
            'scale',
            'nullOk',
            'flags',
            'charset',
          ]),
        );
        expect(column.displaySize).toBeNull();
      }
      expect(description[0]?.nullOk).toBe(false);
      expect(description[1]?.nullOk).toBe(true);
      expect(description[2]).toMatchObject({ precision: 10, scale: 2 });
      await cursor.close();
    });

    it('description type codes compare equal to the DB-API type objects', async () => {
      const cursor = shared().cursor();
      await cursor.execute(`SELECT ${COLUMNS.join(', ')} FROM described`);
      const codes = (cursor.description ?? []).map((column) => column.typeCode);
      const families = codes.map((code) =>
        [STRING, BINARY, NUMBER, DATETIME, ROWID]
          .filter((family) => family.equals(code))
          .map(String),
      );
      expect(families).toEqual([
        ['NUMBER'],
        ['STRING'],
        ['NUMBER'],
        ['NUMBER'],
        ['DATETIME'],
        ['DATETIME'],
        ['BINARY'],
      ]);
      await cursor.close();
    });

    it('description type codes are the MySQL codes of the column types', async () => {
      const cursor = shared().cursor();
      await cursor.execute(`SELECT ${COLUMNS.join(', ')} FROM described`);
      // INT, VARCHAR, NEWDECIMAL, DOUBLE, DATE, DATETIME, BLOB.
      expect(cursor.description?.map((column) => column.typeCode)).toEqual([
        3, 253, 246, 5, 10, 12, 252,
      ]);
      await cursor.close();
    });

    it('sizes, flags and charset come from the column definition over the wire only', async () => {
      const cursor = shared().cursor();
      await cursor.execute('SELECT id, name, payload FROM described');
      const metadata = cursor.description?.map((column) => [
        column.internalSize,
        column.flags,
        column.charset,
      ]);
      // The Data API reports only a type name per column: no length, flags or collation.
      expect(metadata).toEqual(
        target.transport === 'wire'
          ? [
              [11, 20483, 63],
              [30, 0, 45],
              [65535, 144, 63],
            ]
          : [
              [null, 0, 0],
              [null, 0, 0],
              [null, 0, 63],
            ],
      );
      await cursor.close();
    });

    it('description is null and rowCount -1 after execute() fails', async () => {
      const cursor = shared().cursor();
      await cursor.execute('SELECT 1 AS previous');
      await cursor.execute('SELECT * FROM no_such_table').catch(() => undefined);
      expect(cursor.description).toBeNull();
      expect(cursor.rowCount).toBe(-1);
      await cursor.close();
    });

    it('description is null after a statement without a result set', async () => {
      const cursor = shared().cursor();
      await cursor.execute('SELECT 1 AS one');
      expect(cursor.description?.map((column) => column.name)).toEqual(['one']);
      await cursor.execute('DELETE FROM counted WHERE id < 0');
      expect(cursor.description).toBeNull();
      await cursor.close();
    });

    it('rowCount is the number of rows of a SELECT, including zero', async () => {
      const cursor = shared().cursor();
      await cursor.execute('SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3');
      expect(cursor.rowCount).toBe(3);
      await cursor.execute('SELECT id FROM described');
      expect(cursor.rowCount).toBe(0);
      await cursor.close();
    });

    it('rowCount is the number of affected rows of INSERT, UPDATE and DELETE', async () => {
      const cursor = shared().cursor();
      await cursor.execute("INSERT INTO counted (tag) VALUES ('a'), ('b'), ('c')");
      expect(cursor.rowCount).toBe(3);
      await cursor.execute("UPDATE counted SET tag = 'z' WHERE tag IN ('a', 'b')");
      expect(cursor.rowCount).toBe(2);
      await cursor.execute("DELETE FROM counted WHERE tag = 'c'");
      expect(cursor.rowCount).toBe(1);
      await cursor.execute('DELETE FROM counted');
      expect(cursor.rowCount).toBe(2);
      await cursor.close();
    });

    it('lastRowId is the generated AUTO_INCREMENT id, and null after a SELECT', async () => {
      const cursor = shared().cursor();
      await cursor.execute('INSERT INTO counted (id, tag) VALUES (?, ?)', [500, 'x']);
      await cursor.execute('INSERT INTO counted (tag) VALUES (?)', ['y']);
      expect(cursor.lastRowId).toBe(501);
      await cursor.execute('SELECT 1');
      expect(cursor.lastRowId).toBeNull();
      await cursor.close();
    });

    it('rowNumber counts the rows already fetched', async () => {
      const cursor = shared().cursor();
      await cursor.execute('SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3');
      expect(cursor.rowNumber).toBe(0);
      await cursor.fetchOne();
      expect(cursor.rowNumber).toBe(1);
      await cursor.fetchAll();
      expect(cursor.rowNumber).toBe(3);
      await cursor.close();
    });

    it('a closed cursor keeps rowCount and lastRowId readable', async () => {
      const cursor = shared().cursor();
      await cursor.execute('SELECT 1 UNION ALL SELECT 2');
      await cursor.close();
      expect(cursor.closed).toBe(true);
      expect(cursor.rowCount).toBe(2);
      expect(cursor.lastRowId).toBeNull();
      await expect(cursor.close()).resolves.toBeUndefined();
    });
  });
}
