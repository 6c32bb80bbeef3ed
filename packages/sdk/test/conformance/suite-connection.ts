import { InterfaceError, NotSupportedError, ProgrammingError } from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import type { ConformanceTarget } from './conformance-target.js';
import { rejectionOf, thrownBy, useSharedConnection } from './shared-connection.js';

/** PEP 249 connection objects: connect, close, commit/rollback, cursor isolation. */
export function defineConnectionSuite(target: ConformanceTarget): void {
  describe(`${target.transport}: connection`, () => {
    const shared = useSharedConnection(target, async (connection) => {
      await connection.exec('CREATE TABLE conn_items (id INT PRIMARY KEY, label VARCHAR(20))');
    });

    it('connect() gives an open connection that answers a ping', async () => {
      const connection = await target.open();
      expect(connection.isConnected()).toBe(true);
      await expect(connection.ping()).resolves.toBeUndefined();
      await connection.close();
    });

    it('close() ends the connection, and closing again does nothing', async () => {
      const connection = await target.open();
      await connection.close();
      expect(connection.isConnected()).toBe(false);
      await expect(connection.close()).resolves.toBeUndefined();
    });

    it('every operation on a closed connection raises InterfaceError 2048', async () => {
      const connection = await target.open();
      await connection.close();
      const cursorError = thrownBy(() => connection.cursor());
      expect(cursorError).toBeInstanceOf(InterfaceError);
      expect(cursorError).toMatchObject({ errno: 2048 });
      for (const operation of [
        () => connection.query('SELECT 1'),
        () => connection.commit(),
        () => connection.rollback(),
        () => connection.ping(),
      ]) {
        const error = await rejectionOf(operation());
        expect(error).toBeInstanceOf(InterfaceError);
        expect(error).toMatchObject({ errno: 2048 });
      }
    });

    it('closing the connection closes its cursors', async () => {
      const connection = await target.open();
      const cursor = connection.cursor();
      await cursor.execute('SELECT 1');
      await connection.close();
      expect(cursor.closed).toBe(true);
      await expect(cursor.execute('SELECT 1')).rejects.toThrow(ProgrammingError);
    });

    it('`await using` closes the connection at the end of the block', async () => {
      let escaped: Awaited<ReturnType<typeof target.open>> | undefined;
      {
        await using connection = await target.open();
        escaped = connection;
        expect(connection.isConnected()).toBe(true);
      }
      expect(escaped.isConnected()).toBe(false);
    });

    it('commit() and rollback() resolve outside a transaction', async () => {
      await expect(shared().commit()).resolves.toBeUndefined();
      await expect(shared().rollback()).resolves.toBeUndefined();
    });

    it('autocommit is on by default', () => {
      expect(shared().autocommit).toBe(true);
    });

    it('a change made through one cursor is visible to another cursor of the connection', async () => {
      const writer = shared().cursor();
      const reader = shared().cursor();
      await writer.execute('INSERT INTO conn_items VALUES (?, ?)', [1, 'one']);
      await reader.execute('SELECT label FROM conn_items WHERE id = ?', [1]);
      expect(await reader.fetchAll()).toEqual([['one']]);
      await writer.close();
      await reader.close();
    });

    it('two cursors keep their own result sets', async () => {
      const first = shared().cursor();
      const second = shared().cursor();
      await first.execute('SELECT 1 UNION ALL SELECT 2');
      await second.execute("SELECT 'x'");
      expect(await first.fetchAll()).toEqual([[1], [2]]);
      expect(await second.fetchAll()).toEqual([['x']]);
      await first.close();
      await second.close();
    });

    if (target.transport === 'wire') {
      it('rollback() undoes the statements of a transaction started by begin()', async () => {
        const connection = shared();
        await connection.begin();
        await connection.exec('INSERT INTO conn_items VALUES (?, ?)', [10, 'undone']);
        await connection.rollback();
        expect(await connection.query('SELECT COUNT(*) FROM conn_items WHERE id = 10')).toEqual([
          [0],
        ]);
      });

      it('commit() makes a transaction visible to other connections', async () => {
        const connection = shared();
        await connection.begin();
        await connection.exec('INSERT INTO conn_items VALUES (?, ?)', [11, 'kept']);
        const other = await target.open();
        expect(await other.query('SELECT COUNT(*) FROM conn_items WHERE id = 11')).toEqual([[0]]);
        await connection.commit();
        expect(await other.query('SELECT label FROM conn_items WHERE id = 11')).toEqual([['kept']]);
        await other.close();
      });

      it('setAutocommit(false) opens an implicit transaction that rollback() undoes', async () => {
        const connection = await target.open();
        await connection.setAutocommit(false);
        expect(connection.autocommit).toBe(false);
        await connection.exec('INSERT INTO conn_items VALUES (?, ?)', [12, 'implicit']);
        await connection.rollback();
        expect(await connection.query('SELECT COUNT(*) FROM conn_items WHERE id = 12')).toEqual([
          [0],
        ]);
        await connection.close();
      });
    } else {
      it('begin() rejects with NotSupportedError: the Data API keeps no session', async () => {
        await expect(shared().begin()).rejects.toThrow(NotSupportedError);
      });

      it('setAutocommit(false) rejects with NotSupportedError and autocommit stays on', async () => {
        await expect(shared().setAutocommit(false)).rejects.toThrow(NotSupportedError);
        expect(shared().autocommit).toBe(true);
      });

      it('rollback() is a no-op: every statement has already committed', async () => {
        const connection = shared();
        await connection.exec('INSERT INTO conn_items VALUES (?, ?)', [13, 'committed']);
        await connection.rollback();
        expect(await connection.query('SELECT label FROM conn_items WHERE id = 13')).toEqual([
          ['committed'],
        ]);
      });

      it('BEGIN sent as SQL rejects with NotSupportedError', async () => {
        await expect(shared().exec('START TRANSACTION')).rejects.toThrow(NotSupportedError);
      });
    }
  });
}
