import { describe, expect, it } from 'vitest';
import { MemoryConnection, MemoryTransport, ok, rowsResult } from '../../test/memory-transport.js';
import { InterfaceError, NotSupportedError, ProgrammingError } from '../errors/index.js';
import type { StatementParams } from './interpolate.js';
import type { StatementResult } from './transport.js';

const COLUMNS = [
  { name: 'id', kind: 'int32', typeCode: 3 },
  { name: 'name', kind: 'utf8', typeCode: 253 },
] as const;
const ROWS = Array.from({ length: 10 }, (_unused, index) => [index, `n${index}`]);

function script(sql: string): StatementResult[] {
  if (sql.startsWith('SELECT')) return [rowsResult(COLUMNS, ROWS, 4)];
  if (sql.startsWith('MULTI'))
    return [rowsResult(COLUMNS, ROWS.slice(0, 2)), ok(3, 7), rowsResult(COLUMNS, [])];
  if (sql.startsWith('INSERT')) return [ok(1, 42)];
  return [ok()];
}

function connect(buffered = true) {
  const transport = new MemoryTransport(script);
  return { transport, conn: new MemoryConnection(transport, { buffered }) };
}

describe('Cursor fetching', () => {
  it('fetches one, many and all, advancing rowNumber', async () => {
    const { conn } = connect();
    const cursor = conn.cursor();
    await cursor.execute('SELECT');
    expect(cursor.rowCount).toBe(10);
    expect(cursor.lastRowId).toBeNull();
    expect(cursor.description?.map((column) => column.name)).toEqual(['id', 'name']);
    expect(cursor.rowNumber).toBe(0);
    expect(await cursor.fetchOne()).toEqual([0, 'n0']);
    expect(await cursor.fetchMany()).toEqual([[1, 'n1']]);
    cursor.arraySize = 4;
    expect(await cursor.fetchMany()).toEqual(ROWS.slice(2, 6));
    expect(cursor.rowNumber).toBe(6);
    expect(await cursor.fetchAll()).toEqual(ROWS.slice(6));
    expect(await cursor.fetchOne()).toBeNull();
    expect(await cursor.fetchAll()).toEqual([]);
    expect(cursor.rowNumber).toBe(10);
  });

  it('gives dicts and frames per the results type', async () => {
    const { conn } = connect();
    const dicts = conn.cursor({ resultsType: 'namedtuples' });
    await dicts.execute('SELECT');
    expect(await dicts.fetchOne()).toEqual({ id: 0, name: 'n0' });
    const columns = conn.cursor({ resultsType: 'numpy' });
    await columns.execute('SELECT');
    await columns.scroll(8, 'absolute');
    expect(await columns.fetchAll()).toEqual({ id: new Int32Array([8, 9]), name: ['n8', 'n9'] });
    const arrow = conn.cursor({ resultsType: 'arrow' });
    await arrow.execute('SELECT');
    expect((await arrow.fetchOne())?.numRows).toBe(1);
    expect((await arrow.fetchAll()).numRows).toBe(9);
    const empty = await arrow.fetchAll();
    expect(empty.numRows).toBe(0);
    expect(empty.schema.fields.map((field) => String(field.type))).toEqual(['Int32', 'Utf8']);
    expect(await arrow.fetchOne()).toBeNull();
  });

  it('throws ProgrammingError before execute and after a statement without rows', async () => {
    const { conn } = connect();
    const cursor = conn.cursor();
    await expect(cursor.fetchOne()).rejects.toThrow(/execute\(\) first/);
    await cursor.execute('INSERT');
    expect(cursor.rowCount).toBe(1);
    expect(cursor.lastRowId).toBe(42);
    await expect(cursor.fetchAll()).rejects.toBeInstanceOf(ProgrammingError);
  });

  it('walks result sets with nextSet', async () => {
    const { conn } = connect();
    const cursor = conn.cursor();
    await cursor.execute('MULTI');
    expect(await cursor.fetchOne()).toEqual([0, 'n0']);
    expect(await cursor.nextSet()).toBe(true);
    expect(cursor.description).toBeNull();
    expect(cursor.rowCount).toBe(3);
    expect(cursor.lastRowId).toBe(7);
    expect(await cursor.nextSet()).toBe(true);
    expect(cursor.rowCount).toBe(0);
    expect(await cursor.fetchAll()).toEqual([]);
    expect(await cursor.nextSet()).toBe(false);
  });

  it('scrolls buffered results with bounds checks', async () => {
    const { conn } = connect();
    const cursor = conn.cursor();
    await cursor.execute('SELECT');
    await cursor.scroll(3);
    await cursor.scroll(-1);
    expect(await cursor.fetchOne()).toEqual([2, 'n2']);
    await cursor.scroll(9, 'absolute');
    expect(cursor.rowNumber).toBe(9);
    await expect(cursor.scroll(10, 'absolute')).rejects.toBeInstanceOf(RangeError);
    await expect(cursor.scroll(-10)).rejects.toBeInstanceOf(RangeError);
    await expect(cursor.scroll(0, 'sideways' as 'absolute')).rejects.toBeInstanceOf(
      ProgrammingError,
    );
  });

  it('iterates the remaining rows and advances rowNumber (quirk 75)', async () => {
    const { conn } = connect();
    const cursor = conn.cursor();
    await cursor.execute('SELECT');
    await cursor.fetchOne();
    const seen: unknown[] = [];
    for await (const row of cursor) {
      seen.push(row);
      if (seen.length === 5) break;
    }
    expect(seen).toEqual(ROWS.slice(1, 6));
    expect(cursor.rowNumber).toBe(6);
    expect(await cursor.fetchOne()).toEqual([6, 'n6']);
  });
});

describe('Cursor execute options', () => {
  it('passes the abort signal, the infile stream and the buffering mode to the transport', async () => {
    const { conn, transport } = connect(false);
    const signal = new AbortController().signal;
    async function* data() {
      yield 'a,b\n';
    }
    const infileStream = data();
    await conn.cursor().execute("LOAD DATA LOCAL INFILE ':stream:' INTO TABLE t", undefined, {
      signal,
      infileStream,
    });
    expect(transport.requests[0]).toEqual({
      sql: "LOAD DATA LOCAL INFILE ':stream:' INTO TABLE t",
      buffered: false,
      signal,
      infileStream,
    });
  });

  it('hands the transport the statement as written next to the inlined SQL', async () => {
    const { conn, transport } = connect(false);
    await conn.cursor().execute('SELECT ? AS a, ? AS b', [1, "it's"]);
    await conn.cursor().execute('SELECT 1');
    expect(transport.requests[0]).toMatchObject({
      sql: "SELECT 1 AS a, 'it\\'s' AS b",
      statement: { sql: 'SELECT ? AS a, ? AS b', params: [1, "it's"] },
    });
    expect(transport.requests[1]).not.toHaveProperty('statement');
  });

  it('asks for a prepared statement with the parameters left out of the SQL', async () => {
    const { conn, transport } = connect();
    await conn.cursor().execute('SELECT :a AS a', { a: "it's" }, { prepare: true });
    await conn.cursor().execute('SELECT 1', undefined, { prepare: true });
    await conn.cursor().execute('SELECT ?', [2], { prepare: false });
    expect(transport.requests[0]).toMatchObject({
      sql: 'SELECT :a AS a',
      prepare: true,
      statement: { sql: 'SELECT :a AS a', params: { a: "it's" } },
    });
    expect(transport.requests[1]).toMatchObject({
      sql: 'SELECT 1',
      prepare: true,
      statement: { sql: 'SELECT 1', params: [] },
    });
    expect(transport.requests[2]).toMatchObject({ sql: 'SELECT 2' });
    expect(transport.requests[2]).not.toHaveProperty('prepare');
  });

  it("takes the connection's prepare for statements with parameters, unless execute() says", async () => {
    const transport = new MemoryTransport(script);
    const conn = new MemoryConnection(transport, { prepare: true });
    await conn.cursor().execute('SELECT ?', [1]);
    await conn.cursor().execute('SELECT 1');
    await conn.cursor().execute('SELECT ?', [2], { prepare: false });
    await conn.cursor({ prepare: false }).execute('SELECT ?', [3]);
    expect(transport.requests.map((request) => [request.sql, request.prepare])).toEqual([
      ['SELECT ?', true],
      ['SELECT 1', undefined],
      ['SELECT 2', undefined],
      ['SELECT 3', undefined],
    ]);
  });
});

describe('Cursor streaming', () => {
  it('pulls batches only as rows are fetched and reports rowCount -1', async () => {
    const { conn, transport } = connect(false);
    const cursor = conn.cursor();
    await cursor.execute('SELECT');
    expect(cursor.rowCount).toBe(-1);
    expect(transport.batchesPulled).toBe(0);
    expect(await cursor.fetchMany(3)).toEqual(ROWS.slice(0, 3));
    expect(transport.batchesPulled).toBe(1);
    await cursor.scroll(3);
    expect(transport.batchesPulled).toBe(2);
    expect(await cursor.fetchOne()).toEqual([6, 'n6']);
    await expect(cursor.scroll(-1)).rejects.toBeInstanceOf(NotSupportedError);
    await expect(cursor.scroll(10)).rejects.toBeInstanceOf(RangeError);
  });

  it('reads out the rest of a stream before the next statement or set', async () => {
    const { conn, transport } = connect(false);
    const cursor = conn.cursor();
    await cursor.execute('SELECT');
    await cursor.fetchOne();
    await cursor.execute('MULTI');
    expect(transport.batchesPulled).toBe(3);
    expect(await cursor.nextSet()).toBe(true);
    expect(cursor.rowCount).toBe(3);
  });
});

describe('Cursor closing', () => {
  it('rejects use after close but keeps rowCount and lastRowId', async () => {
    const { conn, transport } = connect(false);
    const cursor = conn.cursor();
    await cursor.execute('MULTI');
    await cursor.close();
    expect(transport.batchesPulled).toBeGreaterThan(0);
    expect(cursor.closed).toBe(true);
    // The last set read out was a streamed (empty) result set.
    expect(cursor.rowCount).toBe(-1);
    expect(cursor.lastRowId).toBeNull();
    for (const action of [
      () => cursor.execute('SELECT'),
      () => cursor.fetchOne(),
      () => cursor.fetchAll(),
      () => cursor.nextSet(),
      () => cursor.scroll(1),
      () => cursor.callProc('p'),
    ]) {
      await expect(action()).rejects.toThrow(/Cursor closed/);
    }
    await expect(cursor[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(InterfaceError);
    await cursor.close();
  });
});

describe('executeMany and callProc', () => {
  it('rewrites INSERT … VALUES into one multi-row statement and sums rowCount', async () => {
    const transport = new MemoryTransport((sql) => [ok((sql.match(/\),\(/g) ?? []).length + 1)]);
    const conn = new MemoryConnection(transport);
    const cursor = conn.cursor();
    await cursor.executeMany('INSERT INTO t (a, b) VALUES (?, ?)', [
      [1, 'x'],
      [2, "it's"],
    ]);
    expect(transport.sent).toEqual(["INSERT INTO t (a, b) VALUES (1, 'x'),(2, 'it\\'s')"]);
    expect(cursor.rowCount).toBe(2);
  });

  it('splits below the maximum statement size', async () => {
    const transport = new MemoryTransport(() => [ok(1)]);
    transport.maxStatementBytes = 40;
    const conn = new MemoryConnection(transport);
    const cursor = conn.cursor();
    const rows = Array.from({ length: 6 }, (_unused, index) => [index * 1000]);
    await cursor.executeMany('INSERT INTO t VALUES (?)', rows);
    expect(transport.sent.length).toBeGreaterThan(1);
    for (const sql of transport.sent) expect(sql.length).toBeLessThanOrEqual(40);
    const values = transport.sent.flatMap((sql) =>
      [...sql.matchAll(/\((\d+)\)/g)].map((m) => m[1]),
    );
    expect(values).toEqual(rows.map((row) => String(row[0])));
    expect(cursor.rowCount).toBe(transport.sent.length);
  });

  it('runs other statements once per row, and nothing for no rows', async () => {
    const transport = new MemoryTransport(() => [ok(2)]);
    const conn = new MemoryConnection(transport);
    const cursor = conn.cursor();
    await cursor.executeMany('UPDATE t SET a = :a WHERE b = :b', [
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ]);
    expect(transport.sent).toEqual([
      'UPDATE t SET a = 1 WHERE b = 2',
      'UPDATE t SET a = 3 WHERE b = 4',
    ]);
    expect(cursor.rowCount).toBe(4);
    await cursor.executeMany('INSERT INTO t VALUES (?)', []);
    expect(transport.sent).toHaveLength(2);
    expect(cursor.rowCount).toBe(0);
  });

  it('with prepare, pipelines all rows but the last through the transport when it can', async () => {
    const pipelined: [string, readonly StatementParams[]][] = [];
    const transport = Object.assign(new MemoryTransport(() => [ok(1)]), {
      executePreparedMany: async (sql: string, rows: readonly StatementParams[]) => {
        pipelined.push([sql, rows]);
        return 10 * rows.length;
      },
    });
    const cursor = new MemoryConnection(transport).cursor();
    await cursor.executeMany('INSERT INTO t VALUES (?)', [[1], [2], [3]], { prepare: true });
    expect(pipelined).toEqual([['INSERT INTO t VALUES (?)', [[1], [2]]]]);
    expect(transport.requests.map((request) => request.statement?.params)).toEqual([[3]]);
    expect(cursor.rowCount).toBe(21);
    const failing = new MemoryConnection(
      Object.assign(
        new MemoryTransport(() => {
          throw new ProgrammingError('no such table');
        }),
        { executePreparedMany: async () => 0 },
      ),
    ).cursor();
    await expect(
      failing.executeMany('INSERT INTO t VALUES (?)', [[1], [2]], { prepare: true }),
    ).rejects.toThrow(/^executeMany rows\[1\]: no such table$/);
  });

  it('with prepare, runs every statement once per row as a prepared statement', async () => {
    const transport = new MemoryTransport(() => [ok(1)]);
    const rows = [[1], [2], [3]];
    await new MemoryConnection(transport).cursor().executeMany('INSERT INTO t VALUES (?)', rows, {
      prepare: true,
    });
    const byDefault = new MemoryConnection(transport, { prepare: true }).cursor();
    await byDefault.executeMany('UPDATE t SET a = ?', [[4]]);
    await byDefault.executeMany('INSERT INTO t VALUES (?)', [[5], [6]], { prepare: false });
    expect(transport.requests.map((request) => [request.sql, request.prepare])).toEqual([
      ['INSERT INTO t VALUES (?)', true],
      ['INSERT INTO t VALUES (?)', true],
      ['INSERT INTO t VALUES (?)', true],
      ['UPDATE t SET a = ?', true],
      ['INSERT INTO t VALUES (5),(6)', undefined],
    ]);
    expect(transport.requests.slice(0, 3).map((request) => request.statement?.params)).toEqual(
      rows,
    );
    expect(byDefault.rowCount).toBe(1);
  });

  it('calls a procedure with quoted name parts and returns the arguments', async () => {
    const transport = new MemoryTransport(() => [rowsResult(COLUMNS, ROWS.slice(0, 1)), ok()]);
    const conn = new MemoryConnection(transport);
    const cursor = conn.cursor();
    expect(await cursor.callProc('db.my`proc', [1, 'a'])).toEqual([1, 'a']);
    expect(transport.sent).toEqual(["CALL `db`.`my``proc`(1, 'a')"]);
    expect(await cursor.fetchAll()).toEqual([[0, 'n0']]);
    expect(await cursor.nextSet()).toBe(true);
    expect(await cursor.nextSet()).toBe(false);
  });
});
