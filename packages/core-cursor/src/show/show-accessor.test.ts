import { describe, expect, it } from 'vitest';
import { MemoryConnection, MemoryTransport, ok, rowsResult } from '../../test/memory-transport.js';
import { ProgrammingError } from '../errors/index.js';
import type { ShowAccessor } from './show-accessor.js';
import { showColumnName } from './show-columns.js';

function connect() {
  const transport = new MemoryTransport((sql) => {
    if (sql.startsWith('show create table')) {
      return [
        rowsResult(
          [
            { name: 'Table', kind: 'utf8', typeCode: 253 },
            { name: 'Create Table', kind: 'utf8', typeCode: 253 },
          ],
          [['t', 'CREATE TABLE t (a int)']],
        ),
      ];
    }
    if (sql.startsWith('show')) {
      return [
        rowsResult(
          [
            { name: 'Variable_name', kind: 'utf8', typeCode: 253 },
            { name: 'Value', kind: 'int32', typeCode: 3 },
          ],
          [['uptime', 5]],
        ),
      ];
    }
    return [ok()];
  });
  return new MemoryConnection(transport, { resultsType: 'arrow' });
}

describe('ShowAccessor', () => {
  const cases: [string, (show: ShowAccessor) => Promise<unknown>, string][] = [
    ['aggregates', (show) => show.aggregates(), 'show aggregates'],
    ['columns', (show) => show.columns('da`ta'), 'show columns in `da``ta`'],
    ['full columns', (show) => show.columns('t', { full: true }), 'show full columns in `t`'],
    ['createAggregate', (show) => show.createAggregate('a'), 'show create aggregate `a`'],
    ['createFunction', (show) => show.createFunction('f'), 'show create function `f`'],
    ['createPipeline', (show) => show.createPipeline('p'), 'show create pipeline `p`'],
    [
      'createPipeline extended',
      (show) => show.createPipeline('p', { extended: true }),
      'show create pipeline `p` extended',
    ],
    ['createTable', (show) => show.createTable('t'), 'show create table `t`'],
    ['createView', (show) => show.createView('v'), 'show create view `v`'],
    ['databases', (show) => show.databases(), 'show databases'],
    ['databases extended', (show) => show.databases({ extended: true }), 'show databases extended'],
    ['databaseStatus', (show) => show.databaseStatus(), 'show database status'],
    ['errors', (show) => show.errors(), 'show errors'],
    ['functions', (show) => show.functions(), 'show functions'],
    ['globalStatus', (show) => show.globalStatus(), 'show global status'],
    ['indexes', (show) => show.indexes('t'), 'show indexes in `t`'],
    ['partitions', (show) => show.partitions(), 'show partitions'],
    [
      'partitions extended',
      (show) => show.partitions({ extended: true }),
      'show partitions extended',
    ],
    ['pipelines', (show) => show.pipelines(), 'show pipelines'],
    ['plan', (show) => show.plan(12), 'show plan 12'],
    ['plan json', (show) => show.plan(12n, { json: true }), 'show plan json 12'],
    ['plancache', (show) => show.plancache(), 'show plancache'],
    ['procedures', (show) => show.procedures(), 'show procedures'],
    ['processlist', (show) => show.processlist(), 'show processlist'],
    ['reproduction', (show) => show.reproduction(), 'show reproduction'],
    [
      'reproduction into outfile',
      (show) => show.reproduction("/tmp/it's.zip"),
      "show reproduction into outfile '/tmp/it\\'s.zip'",
    ],
    ['schemas', (show) => show.schemas(), 'show schemas'],
    ['sessionStatus', (show) => show.sessionStatus(), 'show session status'],
    ['status', (show) => show.status(), 'show status'],
    ['status extended', (show) => show.status({ extended: true }), 'show status extended'],
    ['tableStatus', (show) => show.tableStatus(), 'show table status'],
    ['tables', (show) => show.tables(), 'show tables'],
    ['tables extended', (show) => show.tables({ extended: true }), 'show tables extended'],
    ['warnings', (show) => show.warnings(), 'show warnings'],
  ];

  it.each(cases)('%s sends its SQL', async (_name, call, sql) => {
    const conn = connect();
    await call(conn.show);
    expect(conn.memory.sent).toEqual([sql]);
  });

  it('rejects a plan id that is not an integer', () => {
    expect(() => connect().show.plan(1.5)).toThrow(ProgrammingError);
  });

  it('returns dict rows with CamelCase names and Name first, whatever the results type', async () => {
    const result = await connect().show.createTable('t');
    expect(result.columns).toEqual(['Name', 'CreateTable']);
    expect(result.at(0)).toEqual({ Name: 't', CreateTable: 'CREATE TABLE t (a int)' });
    expect(result.column('CreateTable')).toEqual(['CREATE TABLE t (a int)']);
    expect(() => result.column('Nope')).toThrow(ProgrammingError);
    const status = await connect().show.status();
    expect([...status]).toEqual([{ Name: 'uptime', Value: 5 }]);
  });

  it.each([
    ['Key_name', 'KeyName'],
    ['Create Table', 'CreateTable'],
    ['Sql_mode', 'SQLMode'],
    ['json_type', 'JSONType'],
    ['Non_unique', 'NonUnique'],
  ])('names %s %s', (name, expected) => {
    expect(showColumnName(name)).toBe(expected);
  });
});
