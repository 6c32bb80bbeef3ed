import {
  DatabaseError,
  DataError,
  IntegrityError,
  InterfaceError,
  InternalError,
  NotSupportedError,
  OperationalError,
  ProgrammingError,
  S2Error,
} from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import type { ConformanceTarget } from './conformance-target.js';
import { rejectionOf, useSharedConnection } from './shared-connection.js';

/** PEP 249's exception hierarchy, and server errors mapped onto it over this transport. */
export function defineErrorsSuite(target: ConformanceTarget): void {
  describe(`${target.transport}: errors`, () => {
    const shared = useSharedConnection(target, async (connection) => {
      await connection.exec('CREATE TABLE guarded (id INT PRIMARY KEY, label VARCHAR(3) NOT NULL)');
      await connection.exec("INSERT INTO guarded VALUES (1, 'one')");
    });

    it('the classes form the DB-API hierarchy under S2Error and Error', () => {
      for (const ErrorClass of [
        OperationalError,
        ProgrammingError,
        IntegrityError,
        DataError,
        NotSupportedError,
        InternalError,
      ]) {
        const error = new ErrorClass('x');
        expect(error).toBeInstanceOf(DatabaseError);
        expect(error).toBeInstanceOf(S2Error);
        expect(error).toBeInstanceOf(Error);
        expect(DatabaseError.isInstance(error)).toBe(true);
      }
      const interfaceError = new InterfaceError('x');
      expect(interfaceError).toBeInstanceOf(S2Error);
      expect(interfaceError).not.toBeInstanceOf(DatabaseError);
      expect(DatabaseError.isInstance(interfaceError)).toBe(false);
    });

    /** The error a statement fails with, after checking the connection survives it. */
    async function failureOf(sql: string, params?: unknown[]): Promise<unknown> {
      const error = await rejectionOf(shared().query(sql, params as never));
      expect(await shared().query('SELECT 1')).toEqual([[1]]);
      return error;
    }

    it.each([
      ['a syntax error', 'SELEKT 1', ProgrammingError, 1064],
      ['an unknown table', 'SELECT * FROM no_such_table', ProgrammingError, 1146],
      ['a duplicate key', "INSERT INTO guarded VALUES (1, 'dup')", IntegrityError, 1062],
      ['a NULL in a NOT NULL column', 'INSERT INTO guarded VALUES (2, NULL)', IntegrityError, 1048],
      [
        'a value too long for its column',
        "INSERT INTO guarded VALUES (3, 'long')",
        DataError,
        1406,
      ],
      ['an unknown column', 'SELECT nope FROM guarded', OperationalError, 1054],
    ] as const)(
      '%s raises the mapped class with its errno',
      async (_case, sql, ErrorClass, errno) => {
        const error = await failureOf(sql);
        expect(error).toBeInstanceOf(ErrorClass);
        expect(error).toMatchObject({ errno });
      },
    );

    it('a failed execute() leaves the cursor usable for the next statement', async () => {
      const cursor = shared().cursor();
      await expect(cursor.execute('SELECT * FROM no_such_table')).rejects.toThrow(ProgrammingError);
      await cursor.execute('SELECT 2');
      expect(await cursor.fetchAll()).toEqual([[2]]);
      await cursor.close();
    });

    it('a statement error carries the SQLSTATE and message of the server', async () => {
      const error = await failureOf('SELECT * FROM no_such_table');
      expect(error).toMatchObject({ sqlState: target.transport === 'wire' ? '42S02' : undefined });
      expect((error as Error).message).toContain("no_such_table' doesn't exist");
    });
  });
}
