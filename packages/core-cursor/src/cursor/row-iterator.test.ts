import { describe, expect, it } from 'vitest';
import { MemoryConnection, MemoryTransport, rowsResult } from '../../test/memory-transport.js';
import { InterfaceError } from '../errors/index.js';

const COLUMNS = [
  { name: 'id', kind: 'int32', typeCode: 3 },
  { name: 'name', kind: 'utf8', typeCode: 253 },
] as const;
const ROWS = Array.from({ length: 11 }, (_unused, index) => [index, `n${index}`]);

function open(buffered: boolean, resultsType: 'tuples' | 'columns' = 'tuples') {
  const transport = new MemoryTransport(() => [rowsResult(COLUMNS, ROWS, 4)]);
  return new MemoryConnection(transport, { buffered, resultsType });
}

describe('iterating a cursor', () => {
  for (const buffered of [true, false]) {
    it(`gives every row across batches, then ends (${buffered ? 'buffered' : 'streaming'})`, async () => {
      const cursor = open(buffered).cursor();
      await cursor.execute('SELECT');
      const iterator = cursor[Symbol.asyncIterator]();
      const seen: unknown[] = [];
      for await (const row of iterator) seen.push(row);
      expect(seen).toEqual(ROWS);
      expect(cursor.rowNumber).toBe(ROWS.length);
      expect(await iterator.next()).toEqual({ value: undefined, done: true });
    });
  }

  it('fails with InterfaceError once the cursor is closed mid-batch, and stays done', async () => {
    const cursor = open(true).cursor();
    await cursor.execute('SELECT');
    const iterator = cursor[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual([0, 'n0']);
    await cursor.close();
    await expect(iterator.next()).rejects.toBeInstanceOf(InterfaceError);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('stops when the loop breaks, and the rows left stay fetchable', async () => {
    const cursor = open(false).cursor();
    await cursor.execute('SELECT');
    for await (const row of cursor) if ((row as number[])[0] === 5) break;
    expect(cursor.rowNumber).toBe(6);
    expect(await cursor.fetchAll()).toEqual(ROWS.slice(6));
  });

  it('gives one frame per batch in a frame format', async () => {
    const cursor = open(false, 'columns').cursor();
    await cursor.execute('SELECT');
    const frames: unknown[] = [];
    for await (const frame of cursor) frames.push(frame);
    expect(frames.map((frame) => Array.from((frame as { id: Int32Array }).id))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10],
    ]);
    expect(cursor.rowNumber).toBe(ROWS.length);
  });
});
