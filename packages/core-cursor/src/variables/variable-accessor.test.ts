import { describe, expect, it } from 'vitest';
import { MemoryConnection, MemoryTransport, ok, rowsResult } from '../../test/memory-transport.js';
import type { StatementResult } from '../cursor/transport.js';
import { ProgrammingError } from '../errors/index.js';

const VARIABLES = [
  ['autocommit', 'ON'],
  ['auto_increment_increment', '1'],
  ['autoXincrement', 'OFF'],
  ['sql_mode', 'STRICT_ALL_TABLES'],
];

function script(sql: string): StatementResult[] {
  if (!sql.startsWith('show')) return [ok()];
  return [
    rowsResult(
      [
        { name: 'Variable_name', kind: 'utf8', typeCode: 253 },
        { name: 'Value', kind: 'utf8', typeCode: 253 },
      ],
      // The server's LIKE would also match autoXincrement for an unescaped `_`.
      sql.includes('like') ? VARIABLES.slice(1, 3) : VARIABLES,
    ),
  ];
}

function connect() {
  return new MemoryConnection(new MemoryTransport(script));
}

describe('VariableAccessor', () => {
  it('reads one variable with the LIKE wildcards escaped and the exact name kept', async () => {
    const conn = connect();
    expect(await conn.locals.get(' auto_increment_increment ')).toBe('1');
    expect(conn.memory.sent).toEqual([
      "show local variables like 'auto\\\\_increment\\\\_increment'",
    ]);
    expect(await conn.globals.get('autoXincrement')).toBe(false);
    await expect(conn.vars.get('missing')).rejects.toThrow(/No variable found/);
  });

  it('rejects names that are not identifiers before sending anything', async () => {
    const conn = connect();
    await expect(conn.locals.get("x'; drop")).rejects.toBeInstanceOf(ProgrammingError);
    await expect(conn.locals.set('a b', 1)).rejects.toBeInstanceOf(ProgrammingError);
    expect(conn.memory.sent).toEqual([]);
  });

  it('writes SET with the scope word, ON/OFF for booleans and literals otherwise', async () => {
    const conn = connect();
    await conn.locals.set('foo', true);
    await conn.globals.set('bar', 'x');
    await conn.clusterLocals.set('baz', 3);
    await conn.clusterGlobals.set('qux', false);
    await conn.vars.set('plain', null);
    await conn.clusterVars.set('c', 1n);
    expect(conn.memory.sent).toEqual([
      "set session foo = 'ON'",
      "set global bar = 'x'",
      'set cluster session baz = 3',
      "set cluster global qux = 'OFF'",
      'set plain = NULL',
      'set cluster c = 1',
    ]);
  });

  it('lists all variables with booleans converted', async () => {
    const conn = connect();
    expect(await conn.clusterGlobals.all()).toEqual({
      autocommit: true,
      auto_increment_increment: '1',
      autoXincrement: false,
      sql_mode: 'STRICT_ALL_TABLES',
    });
    expect(conn.memory.sent).toEqual(['show cluster global variables']);
  });
});
