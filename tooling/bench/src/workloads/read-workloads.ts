import type { ServerTarget } from '../clients/client-adapter.js';
import { WIRE_CLIENTS } from '../runner/client-registry.js';
import type { BenchSettings } from '../settings.js';
import type { WorkloadPlan } from './workload-plan.js';

/** The tables the read workloads query, by role. */
export interface ReadTables {
  readonly mixed: string;
  readonly ints: string;
  readonly wide: string;
}

const BASELINE = 'mysql2-rows-as-array';

/**
 * The wasm-vs-TS comparison is made on the buffered reads, where decoding dominates. A stream
 * measures memory and a SELECT 1 round trips, so their TS-fallback runs (and, for one row, the
 * columns and Arrow shapes) would only lengthen the run; Arrow streams like columns do.
 */
const STREAM_CLIENTS = WIRE_CLIENTS.filter(
  (adapter) => adapter.environment?.S2_ACCEL !== 'ts' && adapter.id !== 's2-wire-arrow',
);
const ROUND_TRIP_CLIENTS = STREAM_CLIENTS.filter((adapter) => adapter.id !== 's2-wire-columns');

export function streamSql(tables: ReadTables, copies: number): string {
  const selects = Array.from({ length: copies }, (_, i) => `SELECT ${i + 1} AS k`).join(
    ' UNION ALL ',
  );
  return `SELECT t.a, t.b FROM \`${tables.ints}\` t CROSS JOIN (${selects}) copies`;
}

/** The SQL of every read workload, so the recording can capture each response once. */
export function readQueries(tables: ReadTables, settings: BenchSettings): string[] {
  return [
    `SELECT * FROM \`${tables.mixed}\``,
    `SELECT a, b FROM \`${tables.ints}\``,
    `SELECT * FROM \`${tables.wide}\``,
    streamSql(tables, settings.streamCopies),
    'SELECT 1',
  ];
}

function count(rows: number): string {
  return rows >= 1_000_000 ? `${rows / 1_000_000}M` : `${rows / 1000}k`;
}

/** Fetch, stream and SELECT 1 workloads for every wire client against `target`. */
export function readWorkloads(
  target: ServerTarget,
  targetName: string,
  tables: ReadTables,
  settings: BenchSettings,
  vectorColumn: string,
): WorkloadPlan[] {
  const [mixedSql, intsSql, wideSql, streamedSql] = readQueries(tables, settings) as [
    string,
    string,
    string,
    string,
  ];
  const fetch = (id: string, title: string, description: string, sql: string, rows: number) => ({
    id,
    title,
    description: `${description}; ${targetName}; all rows materialised; ms per query`,
    unit: 'ms',
    direction: 'lower-is-better' as const,
    baseline: BASELINE,
    entries: WIRE_CLIENTS.map((adapter) => ({
      client: adapter.id,
      label: adapter.label,
      job: {
        kind: 'fetch' as const,
        adapter: adapter.id,
        target,
        sql,
        expectedRows: rows,
        runs: settings.runs,
      },
    })),
  });
  const selectOne = (connections: number): WorkloadPlan => ({
    id: `select-1-x${connections}`,
    title: `SELECT 1, ${connections} connection${connections > 1 ? 's (pool)' : ''}`,
    description: `round trips with ${connections} in flight for ${settings.selectOneRunMs} ms per run; ${targetName}; queries per second`,
    unit: 'queries/s',
    direction: 'higher-is-better',
    baseline: BASELINE,
    entries: ROUND_TRIP_CLIENTS.map((adapter) => ({
      client: adapter.id,
      label: adapter.label,
      job: {
        kind: 'select-one',
        adapter: adapter.id,
        target,
        connections,
        runMs: settings.selectOneRunMs,
        runs: settings.runs,
      },
    })),
  });
  const streamedRows = settings.intRows * settings.streamCopies;
  return [
    fetch(
      `mixed-${count(settings.mixedRows)}`,
      `${count(settings.mixedRows)} rows x 8 mixed columns`,
      `int, bigint (1 in 16 beyond 2^53), double, decimal(14,4), varchar, datetime, a 90%-NULL int, and a 16-float vector as ${vectorColumn}`,
      mixedSql,
      settings.mixedRows,
    ),
    fetch(
      `ints-${count(settings.intRows)}`,
      `${count(settings.intRows)} rows x 2 ints`,
      'two INT columns',
      intsSql,
      settings.intRows,
    ),
    fetch(
      `wide-${count(settings.wideRows)}`,
      `${count(settings.wideRows)} rows x 100 ints`,
      'one hundred INT columns',
      wideSql,
      settings.wideRows,
    ),
    {
      id: `stream-${count(streamedRows)}`,
      title: `stream ${count(streamedRows)} rows x 2 ints`,
      description: `unbuffered cursor/stream, each row dropped; ${targetName}; ms per query, peak RSS of the client process in extras`,
      unit: 'ms',
      direction: 'lower-is-better',
      baseline: BASELINE,
      entries: STREAM_CLIENTS.map((adapter) => ({
        client: adapter.id,
        label: adapter.label,
        job: {
          kind: 'stream',
          adapter: adapter.id,
          target,
          sql: streamedSql,
          expectedRows: streamedRows,
          runs: settings.runs,
        },
      })),
    },
    selectOne(1),
    selectOne(settings.pooledConnections),
  ];
}
