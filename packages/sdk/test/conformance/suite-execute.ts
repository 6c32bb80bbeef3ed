import { describe, expect, it } from 'vitest';
import type { ConformanceTarget } from './conformance-target.js';
import { useSharedConnection } from './shared-connection.js';

/** PEP 249 execute() with parameters and executemany(). */
export function defineExecuteSuite(target: ConformanceTarget): void {
  describe(`${target.transport}: execute and executeMany`, () => {
    const shared = useSharedConnection(target, async (connection) => {
      await connection.exec('CREATE TABLE executed (id INT PRIMARY KEY, label VARCHAR(40))');
    });

    /** Empties the table so that each test sees only its own rows. */
    async function freshCursor() {
      await shared().exec('DELETE FROM executed');
      return shared().cursor();
    }

    it('execute() resolves to the cursor itself', async () => {
      const cursor = await freshCursor();
      await expect(cursor.execute('SELECT 1')).resolves.toBe(cursor);
      await cursor.close();
    });

    it('`?` placeholders take an array, in order', async () => {
      const cursor = await freshCursor();
      await cursor.execute('INSERT INTO executed VALUES (?, ?)', [1, 'first']);
      expect(cursor.rowCount).toBe(1);
      await cursor.execute('SELECT label FROM executed WHERE id = ?', [1]);
      expect(await cursor.fetchAll()).toEqual([['first']]);
      await cursor.close();
    });

    it('`:name` placeholders take an object, in any order and repeated', async () => {
      const cursor = await freshCursor();
      await cursor.execute('INSERT INTO executed VALUES (:id, :label)', { label: 'named', id: 2 });
      await cursor.execute('SELECT label, :id + :id FROM executed WHERE id = :id', { id: 2 });
      expect(await cursor.fetchAll()).toEqual([['named', 4]]);
      await cursor.close();
    });

    it('string parameters round-trip quotes, backslashes and non-ASCII text unchanged', async () => {
      const tricky = 'O\'Reilly \\ "quoted" -- ; é 漢 😀';
      const cursor = await freshCursor();
      await cursor.execute('INSERT INTO executed VALUES (?, ?)', [3, tricky]);
      await cursor.execute('SELECT label FROM executed WHERE label = ?', [tricky]);
      expect(await cursor.fetchAll()).toEqual([[tricky]]);
      await cursor.close();
    });

    it('null parameters store NULL and NULL reads back as null', async () => {
      const cursor = await freshCursor();
      await cursor.execute('INSERT INTO executed VALUES (?, ?)', [4, null]);
      await cursor.execute('SELECT label, label IS NULL FROM executed WHERE id = 4');
      expect(await cursor.fetchAll()).toEqual([[null, 1]]);
      await cursor.execute('SELECT ? IS NULL, NULL', [null]);
      expect(await cursor.fetchAll()).toEqual([[1, null]]);
      await cursor.close();
    });

    it('a SQL text without parameters is sent verbatim, `?` in literals included', async () => {
      const cursor = await freshCursor();
      await cursor.execute("SELECT 'a?b', ':name'");
      expect(await cursor.fetchAll()).toEqual([['a?b', ':name']]);
      await cursor.close();
    });

    it('executeMany() inserts every parameter set and rowCount is their total', async () => {
      const cursor = await freshCursor();
      await cursor.executeMany('INSERT INTO executed VALUES (?, ?)', [
        [10, 'ten'],
        [11, 'eleven'],
        [12, null],
      ]);
      expect(cursor.rowCount).toBe(3);
      expect(cursor.description).toBeNull();
      expect(await shared().query('SELECT id, label FROM executed ORDER BY id')).toEqual([
        [10, 'ten'],
        [11, 'eleven'],
        [12, null],
      ]);
      await cursor.close();
    });

    it('executeMany() takes named parameter sets', async () => {
      const cursor = await freshCursor();
      await cursor.executeMany('INSERT INTO executed (label, id) VALUES (:label, :id)', [
        { id: 20, label: 'a' },
        { id: 21, label: 'b' },
      ]);
      expect(cursor.rowCount).toBe(2);
      expect(await shared().query('SELECT id, label FROM executed ORDER BY id')).toEqual([
        [20, 'a'],
        [21, 'b'],
      ]);
      await cursor.close();
    });

    it('executeMany() of a statement that is not an INSERT sums its affected rows', async () => {
      const cursor = await freshCursor();
      await cursor.execute("INSERT INTO executed VALUES (30, 'x'), (31, 'x'), (32, 'y')");
      await cursor.executeMany('UPDATE executed SET label = ? WHERE label = ?', [
        ['z', 'x'],
        ['w', 'y'],
        ['v', 'missing'],
      ]);
      expect(cursor.rowCount).toBe(3);
      expect(await shared().query('SELECT label FROM executed ORDER BY id')).toEqual([
        ['z'],
        ['z'],
        ['w'],
      ]);
      await cursor.close();
    });

    it('executeMany() with no parameter sets runs nothing and gives rowCount 0', async () => {
      const cursor = await freshCursor();
      await cursor.execute('SELECT 1');
      await cursor.executeMany('INSERT INTO executed VALUES (?, ?)', []);
      expect(cursor.rowCount).toBe(0);
      expect(cursor.description).toBeNull();
      expect(await shared().query('SELECT COUNT(*) FROM executed')).toEqual([[0]]);
      await cursor.close();
    });

    it('exec() reports affected rows and the generated id', async () => {
      await shared().exec('DELETE FROM executed');
      const result = await shared().exec('INSERT INTO executed VALUES (?, ?), (?, ?)', [
        40,
        'p',
        41,
        'q',
      ]);
      expect(result).toEqual({ rowsAffected: 2, lastInsertId: null });
    });
  });
}
