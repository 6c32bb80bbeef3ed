import { InterfaceError, ProgrammingError } from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import type { ConformanceTarget } from './conformance-target.js';
import { rejectionOf, useSharedConnection } from './shared-connection.js';

/** PEP 249 nextset() and callproc(), with a procedure and (over the wire) multi-statements. */
export function defineNextSetSuite(target: ConformanceTarget): void {
  describe(`${target.transport}: nextSet and callProc`, () => {
    const shared = useSharedConnection(target, async (connection) => {
      await connection.exec(
        `CREATE PROCEDURE two_sets(IN start INT)
         BEGIN SELECT start AS first; SELECT start + 1 AS second, 'b' AS tag; END`,
      );
      await connection.exec('CREATE PROCEDURE no_sets() BEGIN DO 1; END');
    });

    it('nextSet() before execute() raises ProgrammingError', async () => {
      const cursor = shared().cursor();
      const error = await rejectionOf(cursor.nextSet());
      expect(error).toBeInstanceOf(ProgrammingError);
      expect((error as Error).message).toBe('execute() first');
    });

    it('nextSet() after a single SELECT returns false and leaves no result set', async () => {
      const cursor = shared().cursor();
      await cursor.execute('SELECT 1');
      expect(await cursor.nextSet()).toBe(false);
      await expect(cursor.fetchAll()).rejects.toThrow(ProgrammingError);
      expect(await cursor.nextSet()).toBe(false);
      await cursor.close();
    });

    it('callProc() returns its arguments unchanged', async () => {
      const cursor = shared().cursor();
      const args = [7] as const;
      expect(await cursor.callProc('two_sets', args)).toBe(args);
      await cursor.close();
    });

    it('callProc() exposes each result set of the procedure in turn through nextSet()', async () => {
      const cursor = shared().cursor();
      await cursor.callProc('two_sets', [7]);
      expect(cursor.description?.map((column) => column.name)).toEqual(['first']);
      expect(await cursor.fetchAll()).toEqual([[7]]);
      expect(await cursor.nextSet()).toBe(true);
      expect(cursor.description?.map((column) => column.name)).toEqual(['second', 'tag']);
      expect(await cursor.fetchAll()).toEqual([[8, 'b']]);
      const sets = [];
      while (await cursor.nextSet()) sets.push(cursor.description);
      // Over the wire the procedure ends with its status result (no description); the Data
      // API answers with result sets only.
      expect(sets).toEqual(target.transport === 'wire' ? [null] : []);
      await cursor.close();
    });

    it('nextSet() skips the unread rows of the current set', async () => {
      const cursor = shared().cursor();
      await cursor.callProc('two_sets', [1]);
      expect(await cursor.nextSet()).toBe(true);
      expect(await cursor.fetchOne()).toEqual([2, 'b']);
      await cursor.close();
    });

    it('execute() after callProc() discards the pending result sets', async () => {
      const cursor = shared().cursor();
      await cursor.callProc('two_sets', [1]);
      await cursor.execute('SELECT 99');
      expect(await cursor.fetchAll()).toEqual([[99]]);
      expect(await cursor.nextSet()).toBe(false);
      await cursor.close();
    });

    it('callProc() of a procedure without result sets leaves no rows to fetch', async () => {
      const cursor = shared().cursor();
      expect(await cursor.callProc('no_sets')).toEqual([]);
      expect(cursor.description).toBeNull();
      await expect(cursor.fetchOne()).rejects.toThrow(ProgrammingError);
      expect(await cursor.nextSet()).toBe(false);
      await cursor.close();
    });

    if (target.transport === 'wire') {
      it('multiStatements gives one result set per statement, OK results included', async () => {
        const connection = await target.open({ multiStatements: true });
        const cursor = connection.cursor();
        await cursor.execute("SELECT 1 AS a; DO 0; SELECT 'two' AS b, 3 AS c");
        expect(await cursor.fetchAll()).toEqual([[1]]);
        expect(await cursor.nextSet()).toBe(true);
        expect(cursor.description).toBeNull();
        expect(await cursor.nextSet()).toBe(true);
        expect(cursor.description?.map((column) => column.name)).toEqual(['b', 'c']);
        expect(await cursor.fetchAll()).toEqual([['two', 3]]);
        expect(await cursor.nextSet()).toBe(false);
        await connection.close();
      });

      it('without multiStatements, two statements are a syntax error (1064)', async () => {
        const error = await rejectionOf(shared().query('SELECT 1; SELECT 2'));
        expect(error).toBeInstanceOf(ProgrammingError);
        expect(error).toMatchObject({ errno: 1064 });
      });
    } else {
      it('multiStatements is refused at connect with InterfaceError', async () => {
        const error = await rejectionOf(target.open({ multiStatements: true }));
        expect(error).toBeInstanceOf(InterfaceError);
        expect((error as Error).message).toContain(
          'The Data API does not allow multiple statements within a query',
        );
      });
    }
  });
}
