import { describe, expect, it } from 'vitest';
import { MemoryConnection, MemoryTransport, ok, rowsResult } from '../../test/memory-transport.js';
import { InterfaceError, ProgrammingError } from '../errors/index.js';
import { registerStatementInterceptor } from '../interceptor/statement-interceptor.js';
import type { StatementResult } from './transport.js';

const COLUMNS = [
  { name: 'id', kind: 'int64', typeCode: 8 },
  { name: 'id', kind: 'utf8', typeCode: 253, table: 'other' },
] as const;

function script(sql: string): StatementResult[] {
  if (sql.startsWith('SELECT'))
    return [
      rowsResult(COLUMNS, [
        [1n, 'a'],
        [2n, 'b'],
      ]),
      ok(),
    ];
  if (sql.startsWith('INSERT')) return [ok(2, 9007199254740993n)];
  if (sql.startsWith('show global variables')) {
    return [
      rowsResult(
        [
          { name: 'Variable_name', kind: 'utf8', typeCode: 253 },
          { name: 'Value', kind: 'utf8', typeCode: 253 },
        ],
        [['http_proxy_port', '9000']],
      ),
    ];
  }
  return [ok()];
}

describe('Connection', () => {
  it('query returns all rows of the first result in the results type', async () => {
    const conn = new MemoryConnection(new MemoryTransport(script), { resultsType: 'dicts' });
    expect(await conn.query('SELECT ?', [1])).toEqual([
      { id: 1, 'other.id': 'a' },
      { id: 2, 'other.id': 'b' },
    ]);
    expect(conn.memory.sent).toEqual(['SELECT 1']);
    expect(await conn.query('UPDATE t SET a = 1')).toEqual([]);
  });

  it('applies the value options of the connection and of a cursor', async () => {
    const conn = new MemoryConnection(new MemoryTransport(script), {
      valueOptions: { bigint: 'string' },
    });
    expect(await conn.query('SELECT')).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    const cursor = conn.cursor({ valueOptions: { bigint: 'bigint' } });
    await cursor.execute('SELECT');
    expect(await cursor.fetchOne()).toEqual([1n, 'a']);
  });

  it('exec returns affected rows and the generated id', async () => {
    const conn = new MemoryConnection(new MemoryTransport(script));
    expect(await conn.exec('INSERT INTO t VALUES (1), (2)')).toEqual({
      rowsAffected: 2,
      lastInsertId: 9007199254740993n,
    });
  });

  it('runs transactions through SQL unless the transport has its own', async () => {
    const conn = new MemoryConnection(new MemoryTransport(script));
    await conn.begin();
    await conn.commit();
    await conn.rollback();
    await conn.setAutocommit(false);
    expect(conn.autocommit).toBe(false);
    expect(conn.memory.sent).toEqual(['BEGIN', 'COMMIT', 'ROLLBACK', 'SET AUTOCOMMIT = 0']);
  });

  it('closes once, abandons its cursors and refuses further work', async () => {
    const conn = new MemoryConnection(new MemoryTransport(script));
    const cursor = conn.cursor();
    await cursor.execute('SELECT');
    expect(conn.isConnected()).toBe(true);
    await conn.close();
    await conn.close();
    expect(conn.isConnected()).toBe(false);
    expect(cursor.closed).toBe(true);
    expect(() => conn.cursor()).toThrow(InterfaceError);
    await expect(conn.ping()).rejects.toBeInstanceOf(InterfaceError);
    await expect(conn.query('SELECT')).rejects.toThrow(/connection has been closed/);
  });

  it('closes with await using', async () => {
    const transport = new MemoryTransport(script);
    {
      await using conn = new MemoryConnection(transport);
      await conn.ping();
    }
    expect(transport.isConnected()).toBe(false);
  });

  it('uses the package interpolator when the transport gives none', async () => {
    const conn = new MemoryConnection(new MemoryTransport(script), { interpolate: undefined });
    await conn.query("SELECT ? /* ? */, ':x'", [[1, 2]]);
    expect(conn.memory.sent).toEqual(["SELECT (1,2) /* ? */, ':x'"]);
    await expect(conn.query('SELECT ?', [Number.NaN])).rejects.toBeInstanceOf(ProgrammingError);
  });

  it('enables the Data API and reads back its port', async () => {
    const conn = new MemoryConnection(new MemoryTransport(script));
    expect(await conn.enableDataApi(9000)).toBe(9000);
    expect(conn.memory.sent).toEqual([
      'SET GLOBAL http_proxy_port = 9000',
      "SET GLOBAL http_api = 'ON'",
      'RESTART PROXY',
      "show global variables like 'http\\\\_proxy\\\\_port'",
    ]);
  });
});

describe('statement interceptors', () => {
  it('answer statements locally from the raw SQL, before interpolation', async () => {
    const conn = new MemoryConnection(new MemoryTransport(script));
    const seen: string[] = [];
    const remove = conn.addStatementInterceptor((statement) => {
      seen.push(statement.sql, statement.interpolatedSql());
      if (!statement.sql.startsWith('SHOW FUSION')) return undefined;
      return [rowsResult([{ name: 'Command', kind: 'utf8', typeCode: 253 }], [['x']])];
    });
    expect(await conn.query('SHOW FUSION COMMANDS LIKE ?', ['%'])).toEqual([['x']]);
    expect(seen).toEqual(['SHOW FUSION COMMANDS LIKE ?', "SHOW FUSION COMMANDS LIKE '%'"]);
    expect(conn.memory.sent).toEqual([]);
    await conn.query('SELECT');
    expect(conn.memory.sent).toEqual(['SELECT']);
    remove();
    await conn.exec('SHOW FUSION COMMANDS');
    expect(conn.memory.sent).toEqual(['SELECT', 'SHOW FUSION COMMANDS']);
  });

  it('can be installed for the whole process', async () => {
    const remove = registerStatementInterceptor((statement) =>
      statement.sql === 'LOCAL' ? [{ kind: 'ok', rowsAffected: 5, lastInsertId: null }] : undefined,
    );
    try {
      const conn = new MemoryConnection(new MemoryTransport(script));
      expect(await conn.exec('LOCAL')).toEqual({ rowsAffected: 5, lastInsertId: null });
      expect(conn.memory.sent).toEqual([]);
    } finally {
      remove();
    }
  });
});
