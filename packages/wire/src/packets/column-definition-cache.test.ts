import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type WireConnection } from '../index.js';
import { ColumnType } from '../protocol/protocol-constants.js';
import { columnPacket } from '../test-support/scripted-server.js';
import { ColumnDefinitionCache } from './column-definition-cache.js';

describe('ColumnDefinitionCache', () => {
  it('returns the same frozen definition for the same bytes at the same position', () => {
    const cache = new ColumnDefinitionCache();
    const first = cache.read(0, columnPacket('a', ColumnType.LONG));
    expect(Object.isFrozen(first)).toBe(true);
    expect(cache.read(0, columnPacket('a', ColumnType.LONG))).toBe(first);
    expect(cache.read(1, columnPacket('a', ColumnType.LONG))).not.toBe(first);
  });

  it('parses again when any byte differs, and keeps a copy rather than the given view', () => {
    const cache = new ColumnDefinitionCache();
    const payload = columnPacket('a', ColumnType.LONG);
    const first = cache.read(0, payload);
    const renamed = cache.read(0, columnPacket('b', ColumnType.LONG));
    expect(renamed.name).toBe('b');
    const retyped = cache.read(0, columnPacket('b', ColumnType.LONGLONG));
    expect(retyped.typeCode).toBe(ColumnType.LONGLONG);
    expect(cache.read(0, columnPacket('b', ColumnType.LONGLONG, { flags: 32 })).flags).toBe(32);
    // The socket chunk a payload was a view of is reused for other bytes later.
    payload.fill(0);
    expect(cache.read(0, columnPacket('a', ColumnType.LONG))).toEqual(first);
  });

  it('keeps the array of a repeated layout, and a new one for a changed layout', () => {
    const cache = new ColumnDefinitionCache();
    const read = (...names: string[]) =>
      cache.complete(names.map((name, index) => cache.read(index, columnPacket(name, 3))));
    const first = read('a', 'b');
    expect(Object.isFrozen(first)).toBe(true);
    expect(read('a', 'b')).toBe(first);
    const shorter = read('a');
    expect(shorter.map((column) => column.name)).toEqual(['a']);
    expect(read('a', 'b')).not.toBe(shorter);
    expect(read('a', 'c').map((column) => column.name)).toEqual(['a', 'c']);
  });
});

describe('repeated statements on a real connection', () => {
  const database = useTestDatabase();
  let connection: WireConnection;

  beforeAll(async () => {
    connection = await connect({ url: database.url });
    await connection.query('CREATE TABLE layout_change (a INT, b VARCHAR(8))');
    await connection.query("INSERT INTO layout_change VALUES (1, '7')");
  });
  afterAll(async () => {
    await connection?.close();
  });

  it('follows a table whose columns changed between two runs of the same statement', async () => {
    const describe = async () => {
      await using cursor = connection.cursor();
      await cursor.execute('SELECT * FROM layout_change');
      return { description: cursor.description, rows: await cursor.fetchAll() };
    };
    const before = await describe();
    expect((await describe()).description).toBe(before.description);
    await connection.query('ALTER TABLE layout_change MODIFY b BIGINT, ADD c DOUBLE');
    const after = await describe();
    expect(after.description?.map((column) => [column.name, column.typeCode])).toEqual([
      ['a', ColumnType.LONG],
      ['b', ColumnType.LONGLONG],
      ['c', ColumnType.DOUBLE],
    ]);
    expect(after.rows).toEqual([[1, 7, null]]);
    expect(before.rows).toEqual([[1, '7']]);
  });

  it('gives shared descriptions that cannot be changed by one caller for the next', async () => {
    await using cursor = connection.cursor();
    await cursor.execute('SELECT 1 AS one');
    const description = cursor.description;
    expect(Object.isFrozen(description)).toBe(true);
    expect(Object.isFrozen(description?.[0])).toBe(true);
  });
});
