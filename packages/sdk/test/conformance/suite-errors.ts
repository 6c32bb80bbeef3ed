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
  type StatementParams,
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
    async function failureOf(sql: string, params?: StatementParams): Promise<unknown> {
      const error = await rejectionOf(shared().query(sql, params));
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

    it.each([
      ['too few', 'SELECT ?, ?', [1]],
      ['too many', 'SELECT ?', [1, 2]],
      ['parameters for a statement without placeholders:', 'SELECT 1', [5]],
    ] as const)(
      '%s parameters raise ProgrammingError before anything is sent',
      async (_case, sql, params) => {
        const error = await failureOf(sql, params);
        expect(error).toBeInstanceOf(ProgrammingError);
        expect((error as Error).message).toMatch(
          /^The statement has \d \? placeholder\(s\) but \d parameter/,
        );
      },
    );

    it('a missing named parameter raises ProgrammingError', async () => {
      const error = await rejectionOf(shared().query('SELECT :a, :b', { a: 1 }));
      expect(error).toBeInstanceOf(ProgrammingError);
      expect((error as Error).message).toBe('No value was given for the placeholder :b');
    });

    it('a NaN parameter raises ProgrammingError (SingleStore has no NaN)', async () => {
      const error = await failureOf('SELECT ?', [Number.NaN]);
      expect(error).toBeInstanceOf(ProgrammingError);
    });

    it('an unknown database raises OperationalError 1049', async () => {
      const connecting = target.open({ database: 'conformance_no_such_database' });
      if (target.transport === 'wire') {
        // The handshake names the database, so connect() itself fails.
        const error = await rejectionOf(connecting);
        expect(error).toBeInstanceOf(OperationalError);
        expect(error).toMatchObject({ errno: 1049 });
        return;
      }
      // A Data API connection sends nothing until the first statement.
      const connection = await connecting;
      const error = await rejectionOf(connection.query('SELECT 1'));
      expect(error).toBeInstanceOf(OperationalError);
      expect(error).toMatchObject({ errno: 1049 });
      await connection.close();
    });

    it('wrong credentials raise OperationalError 1045', async () => {
      const connecting = target.open({ password: 'conformance-wrong-password' });
      if (target.transport === 'wire') {
        const error = await rejectionOf(connecting);
        expect(error).toBeInstanceOf(OperationalError);
        expect(error).toMatchObject({ errno: 1045 });
        return;
      }
      // ping() goes to /ping, which takes no credentials, so only a statement finds out.
      const connection = await connecting;
      await expect(connection.ping()).resolves.toBeUndefined();
      const error = await rejectionOf(connection.query('SELECT 1'));
      expect(error).toBeInstanceOf(OperationalError);
      expect(error).toMatchObject({ errno: 1045 });
      await connection.close();
    });

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
