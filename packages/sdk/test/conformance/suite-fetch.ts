import { InterfaceError, NotSupportedError, ProgrammingError } from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import type { ConformanceTarget } from './conformance-target.js';
import { rejectionOf, useSharedConnection } from './shared-connection.js';

/** Six rows, so that fetchMany batches of 2, 4 and arraySize leave partial and empty tails. */
const SIX_ROWS = 'SELECT n FROM fetched ORDER BY n';
const ALL = [[1], [2], [3], [4], [5], [6]];

/** PEP 249 fetchone/fetchmany/fetchall semantics, scroll and iteration. */
export function defineFetchSuite(target: ConformanceTarget): void {
  describe(`${target.transport}: fetching`, () => {
    const shared = useSharedConnection(target, async (connection) => {
      await connection.exec('CREATE TABLE fetched (n INT PRIMARY KEY)');
      await connection.exec('INSERT INTO fetched VALUES (1), (2), (3), (4), (5), (6)');
    });

    it('every fetch before execute() raises ProgrammingError', async () => {
      const cursor = shared().cursor();
      for (const fetch of [
        () => cursor.fetchOne(),
        () => cursor.fetchMany(),
        () => cursor.fetchAll(),
      ]) {
        const error = await rejectionOf(fetch());
        expect(error).toBeInstanceOf(ProgrammingError);
        expect((error as Error).message).toBe('execute() first');
      }
    });

    it('every fetch after a statement without a result set raises ProgrammingError', async () => {
      const cursor = shared().cursor();
      await cursor.execute('UPDATE fetched SET n = n WHERE n = 0');
      for (const fetch of [
        () => cursor.fetchOne(),
        () => cursor.fetchMany(),
        () => cursor.fetchAll(),
      ]) {
        const error = await rejectionOf(fetch());
        expect(error).toBeInstanceOf(ProgrammingError);
        expect((error as Error).message).toBe('The last statement returned no result set');
      }
    });

    it('fetchOne() returns the rows in order, then null, and null again', async () => {
      const cursor = shared().cursor();
      await cursor.execute(SIX_ROWS);
      const seen = [];
      for (let row = await cursor.fetchOne(); row !== null; row = await cursor.fetchOne()) {
        seen.push(row);
      }
      expect(seen).toEqual(ALL);
      expect(await cursor.fetchOne()).toBeNull();
      await cursor.close();
    });

    it('fetchMany() without a size returns arraySize rows, 1 by default', async () => {
      const cursor = shared().cursor();
      await cursor.execute(SIX_ROWS);
      expect(await cursor.fetchMany()).toEqual([[1]]);
      cursor.arraySize = 4;
      expect(await cursor.fetchMany()).toEqual([[2], [3], [4], [5]]);
      expect(await cursor.fetchMany()).toEqual([[6]]);
      expect(await cursor.fetchMany()).toEqual([]);
      await cursor.close();
    });

    it('fetchMany(size) returns size rows, fewer at the end, then empty lists', async () => {
      const cursor = shared().cursor();
      await cursor.execute(SIX_ROWS);
      expect(await cursor.fetchMany(4)).toEqual([[1], [2], [3], [4]]);
      expect(await cursor.fetchMany(4)).toEqual([[5], [6]]);
      expect(await cursor.fetchMany(4)).toEqual([]);
      expect(await cursor.fetchMany(0)).toEqual([]);
      await cursor.close();
    });

    it('fetchAll() returns the remaining rows, then an empty list', async () => {
      const cursor = shared().cursor();
      await cursor.execute(SIX_ROWS);
      expect(await cursor.fetchAll()).toEqual(ALL);
      expect(await cursor.fetchAll()).toEqual([]);
      expect(cursor.rowCount).toBe(6);
      await cursor.close();
    });

    it('mixed fetches share one position in the result set', async () => {
      const cursor = shared().cursor();
      await cursor.execute(SIX_ROWS);
      expect(await cursor.fetchOne()).toEqual([1]);
      expect(await cursor.fetchMany(2)).toEqual([[2], [3]]);
      expect(await cursor.fetchOne()).toEqual([4]);
      expect(await cursor.fetchAll()).toEqual([[5], [6]]);
      expect(await cursor.fetchOne()).toBeNull();
      await cursor.close();
    });

    it('an empty result set fetches as null and empty lists but keeps its description', async () => {
      const cursor = shared().cursor();
      await cursor.execute('SELECT n FROM fetched WHERE n > 100');
      expect(cursor.description?.map((column) => column.name)).toEqual(['n']);
      expect(await cursor.fetchOne()).toBeNull();
      expect(await cursor.fetchMany(3)).toEqual([]);
      expect(await cursor.fetchAll()).toEqual([]);
      await cursor.close();
    });

    it('a new execute() replaces the unread rows of the previous one', async () => {
      const cursor = shared().cursor();
      await cursor.execute(SIX_ROWS);
      await cursor.fetchOne();
      await cursor.execute('SELECT 42');
      expect(await cursor.fetchAll()).toEqual([[42]]);
      await cursor.close();
    });

    it('async iteration yields the remaining rows', async () => {
      const cursor = shared().cursor();
      await cursor.execute(SIX_ROWS);
      await cursor.fetchMany(2);
      const rest = [];
      for await (const row of cursor) rest.push(row);
      expect(rest).toEqual([[3], [4], [5], [6]]);
      await cursor.close();
    });

    it('dicts cursors fetch objects keyed by column name', async () => {
      const cursor = shared().cursor({ resultsType: 'dicts' });
      await cursor.execute('SELECT n, n * 10 AS tens FROM fetched WHERE n <= 2 ORDER BY n');
      expect(await cursor.fetchOne()).toEqual({ n: 1, tens: 10 });
      expect(await cursor.fetchAll()).toEqual([{ n: 2, tens: 20 }]);
      await cursor.close();
    });

    it('fetchArrow() returns the remaining rows as one Arrow table', async () => {
      const cursor = shared().cursor();
      await cursor.execute(SIX_ROWS);
      await cursor.fetchOne();
      const table = await cursor.fetchArrow();
      expect(table.numRows).toBe(5);
      expect(table.getChild('n')?.toArray()).toEqual(Int32Array.from([2, 3, 4, 5, 6]));
      await cursor.close();
    });

    it('scroll() moves relative and absolute, and rejects targets outside the result', async () => {
      const cursor = shared().cursor();
      await cursor.execute(SIX_ROWS);
      await cursor.scroll(2);
      expect(await cursor.fetchOne()).toEqual([3]);
      await cursor.scroll(0, 'absolute');
      expect(await cursor.fetchOne()).toEqual([1]);
      await cursor.scroll(-1);
      expect(cursor.rowNumber).toBe(0);
      await expect(cursor.scroll(6, 'absolute')).rejects.toThrow(RangeError);
      await expect(cursor.scroll(-1, 'absolute')).rejects.toThrow(RangeError);
      const badMode = 'sideways' as 'relative';
      await expect(cursor.scroll(1, badMode)).rejects.toThrow(ProgrammingError);
      expect(cursor.rowNumber).toBe(0);
      await cursor.close();
    });

    if (target.transport === 'wire') {
      it('a streaming cursor has rowCount −1 and scrolls only forward', async () => {
        const cursor = shared().cursor({ buffered: false });
        await cursor.execute(SIX_ROWS);
        expect(cursor.rowCount).toBe(-1);
        await cursor.scroll(2);
        expect(await cursor.fetchOne()).toEqual([3]);
        await expect(cursor.scroll(-1)).rejects.toThrow(NotSupportedError);
        expect(await cursor.fetchAll()).toEqual([[4], [5], [6]]);
        await cursor.close();
      });
    } else {
      it('buffered: false still buffers: rowCount is the row count and scroll goes back', async () => {
        const cursor = shared().cursor({ buffered: false });
        await cursor.execute(SIX_ROWS);
        expect(cursor.rowCount).toBe(6);
        await cursor.scroll(2);
        await cursor.scroll(-1);
        expect(await cursor.fetchOne()).toEqual([2]);
        await cursor.close();
      });
    }

    it('a closed cursor raises ProgrammingError on fetch and InterfaceError on iteration', async () => {
      const cursor = shared().cursor();
      await cursor.execute(SIX_ROWS);
      await cursor.close();
      await expect(cursor.fetchOne()).rejects.toThrow(ProgrammingError);
      await expect(cursor.fetchAll()).rejects.toThrow(ProgrammingError);
      const iterator = cursor[Symbol.asyncIterator]();
      const error = await rejectionOf(iterator.next());
      expect(error).toBeInstanceOf(InterfaceError);
      expect(error).toMatchObject({ errno: 2048 });
    });
  });
}
