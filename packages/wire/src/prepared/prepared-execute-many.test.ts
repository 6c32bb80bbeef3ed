import { IntegrityError, ProgrammingError } from '@s2/core-cursor';
import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PIPELINED_EXECUTE_BYTES } from '../commands/stmt-execute-many-command.js';
import { connect, type WireConnection } from '../index.js';

const database = useTestDatabase();
let connection: WireConnection;

beforeAll(async () => {
  connection = await connect({ url: database.url, resultsType: 'tuples' });
  await connection.exec('CREATE TABLE many (id INT PRIMARY KEY, name TEXT)');
});
beforeEach(async () => {
  await connection.exec('TRUNCATE TABLE many');
});
afterAll(async () => {
  await connection.close();
});

async function sessionCounter(name: string): Promise<number> {
  const rows = (await connection.query(`SHOW SESSION STATUS LIKE '${name}'`)) as unknown[][];
  return Number(rows[0]?.[1]);
}

async function storedIds(): Promise<number[]> {
  const rows = (await connection.query('SELECT id FROM many ORDER BY id')) as number[][];
  return rows.map(([id]) => id!);
}

async function failure(running: Promise<unknown>): Promise<Error> {
  const error = await running.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error('expected executeMany to fail');
  return error;
}

const INSERT = 'INSERT INTO many VALUES (?, ?)';

describe('executeMany with prepare, pipelined', () => {
  it('inserts every row with one prepare and one execute per row, summing affected rows', async () => {
    const rows = Array.from({ length: 3000 }, (_unused, id) => [id, `name ${id}`]);
    const prepares = await sessionCounter('Com_stmt_prepare');
    const executes = await sessionCounter('Com_stmt_execute');
    await using cursor = connection.cursor();
    await cursor.executeMany(INSERT, rows, { prepare: true });
    expect(cursor.rowCount).toBe(3000);
    expect(await sessionCounter('Com_stmt_prepare')).toBe(prepares + 1);
    expect(await sessionCounter('Com_stmt_execute')).toBe(executes + 3000);
    expect(await connection.query('SELECT COUNT(*), SUM(id), MAX(name) FROM many')).toEqual([
      [3000, '4498500', 'name 999'],
    ]);
  });

  it('binds :name rows, and values sent as long data, in every pipelined execute', async () => {
    await using small = await connect({ url: database.url, maxAllowedPacket: 16_384 });
    // Two values of 10 000 bytes make an execute larger than 16 KiB: one of them goes as long data.
    const half = (id: number, fill: string): string => `${id}`.padEnd(10_000, fill);
    const rows = [1, 2, 3, 4].map((id) => ({ id, a: half(id, 'a'), b: half(id, 'b') }));
    await using cursor = small.cursor();
    const sql = 'INSERT INTO many VALUES (:id, CONCAT(:a, :b))';
    await cursor.executeMany(sql, rows, { prepare: true });
    expect(cursor.rowCount).toBe(4);
    const stored = (await connection.query('SELECT id, name FROM many ORDER BY id')) as unknown[][];
    expect(stored).toEqual(rows.map(({ id, a, b }) => [id, a + b]));
    const sent = (await small.query(
      "SHOW SESSION STATUS LIKE 'Com_stmt_send_long_data'",
    )) as unknown[][];
    expect(Number(sent[0]?.[1])).toBe(4);
  });

  it('names the failing row; rows already sent after it still ran; the connection goes on', async () => {
    await using cursor = connection.cursor();
    const rows = [1, 2, 2, 3, 4, 5].map((id) => [id, 'x']);
    const error = await failure(cursor.executeMany(INSERT, rows, { prepare: true }));
    expect(IntegrityError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ errno: 1062, sqlState: '23000' });
    expect(error.message).toMatch(/^1062 \(23000\): executeMany rows\[2\]: Duplicate entry '2'/);
    // Rows 3 and 4 were on their way before row 2's error came back; the last row goes on its
    // own once the others are answered, so it did not run.
    expect(await storedIds()).toEqual([1, 2, 3, 4]);
    await cursor.executeMany(
      INSERT,
      [
        [6, 'y'],
        [7, 'z'],
      ],
      { prepare: true },
    );
    expect(cursor.rowCount).toBe(2);
    expect(await storedIds()).toEqual([1, 2, 3, 4, 6, 7]);
  });

  it('names the last row when it is the one that fails', async () => {
    await using cursor = connection.cursor();
    const error = await failure(
      cursor.executeMany(
        INSERT,
        [
          [1, 'a'],
          [2, 'b'],
          [1, 'c'],
        ],
        { prepare: true },
      ),
    );
    expect(error.message).toMatch(/executeMany rows\[2\]: Duplicate entry '1'/);
    expect(await storedIds()).toEqual([1, 2]);
  });

  it('sends no more than the bound ahead of the replies, so a failure stops the rest', async () => {
    const rowBytes = 1000;
    const rows = Array.from({ length: 2000 }, (_unused, id) => [id, 'x'.repeat(rowBytes)]);
    rows.unshift([0, 'first, and a duplicate of the next']);
    await using cursor = connection.cursor();
    const error = await failure(cursor.executeMany(INSERT, rows, { prepare: true }));
    expect(error.message).toMatch(/executeMany rows\[1\]: Duplicate entry '0'/);
    const stored = await storedIds();
    expect(stored.length).toBeGreaterThan(1);
    expect(stored.length).toBeLessThanOrEqual(PIPELINED_EXECUTE_BYTES / rowBytes + 2);
  });

  it('stops at a row that cannot be bound, after the rows before it ran', async () => {
    await using cursor = connection.cursor();
    const rows = [
      [1, 'a'],
      [2, 'b'],
      [3, () => 'no binary form'],
      [4, 'd'],
      [5, 'e'],
    ];
    const error = await failure(cursor.executeMany(INSERT, rows, { prepare: true }));
    expect(error).toBeInstanceOf(ProgrammingError);
    expect(error.message).toMatch(/^executeMany rows\[2\]: Parameter 2 cannot be bound/);
    expect(await storedIds()).toEqual([1, 2]);
    expect(await connection.query('SELECT ? + 1', [1])).toEqual([[2]]);
  });

  it('counts the rows of a result set per row, and leaves the last one to fetch', async () => {
    await connection.exec("INSERT INTO many VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    await using cursor = connection.cursor({ resultsType: 'tuples' });
    const sql = 'SELECT id FROM many WHERE id >= ? ORDER BY id';
    await cursor.executeMany(sql, [[1], [2], [3]], { prepare: true });
    expect(cursor.rowCount).toBe(6);
    expect(await cursor.fetchAll()).toEqual([[3]]);
  });
});
