/*
 * Bulk load of tooling/bench's 1M (INT, DOUBLE, VARCHAR(32)) rows into a MEMORY table:
 * @s2/wire's `LOAD DATA LOCAL INFILE ':stream:'` through `connect()`'s cursor, as the harness
 * drives it, against mysql2's LOAD DATA LOCAL stream and mysql2's multi-row INSERT batches.
 * Run from packages/wire: `npx tsx --conditions=source bench/bulk-load.ts` (BENCH_ROWS, BENCH_ROUNDS;
 * BENCH_BASELINE_SRC=/old/src/index.ts adds a baseline build).
 */
import { Readable } from 'node:stream';
import mysql from 'mysql2/promise';
import {
  BULK_COLUMNS,
  bulkBatches,
  bulkTableSql,
  bulkTextChunks,
} from '../../../tooling/bench/src/dataset/bulk-rows.js';
import { startTestServer } from '../../../tooling/test-server/src/start-test-server.js';
import { interleavedMedians, type Variant, wireBuilds } from './interleaved-runs.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CHUNK_ROWS = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TABLE = 'bulk';
const LOAD = `LOAD DATA LOCAL INFILE ':stream:' INTO TABLE ${TABLE} (${BULK_COLUMNS.join(', ')})`;

const server = await startTestServer();
try {
  const database = `bench_bulk_${process.pid}`;
  const admin = await mysql.createConnection({ uri: server.url });
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.query(`USE ${database}`);
  await admin.query('SET SESSION max_heap_table_size = 1073741824');
  await admin.query(bulkTableSql(TABLE, server.capabilities.flavour));
  const url = `${server.url}/${database}`;

  /** Milliseconds of one load into the emptied table; the row count is checked after. */
  const timed = async (load: () => Promise<unknown>): Promise<number> => {
    await admin.query(`TRUNCATE TABLE ${TABLE}`);
    const started = performance.now();
    await load();
    const elapsed = performance.now() - started;
    const [rows] = await admin.query(`SELECT COUNT(*) AS n FROM ${TABLE}`);
    const written = Number((rows as { n: number }[])[0]?.n);
    if (written !== ROWS) throw new Error(`loaded ${written} rows, expected ${ROWS}`);
    return elapsed;
  };

  const peer = await mysql.createConnection({ uri: url, flags: ['+LOCAL_FILES'] });
  const variants: Variant[] = [
    {
      label: 'mysql2 multi-row INSERT batches',
      run: () =>
        timed(async () => {
          const sql = `INSERT INTO ${TABLE} (${BULK_COLUMNS.join(', ')}) VALUES ?`;
          for (const batch of bulkBatches(ROWS, CHUNK_ROWS)) await peer.query(sql, [batch]);
        }),
    },
    {
      label: 'mysql2 LOAD DATA LOCAL stream',
      run: () =>
        timed(() =>
          peer.query({
            sql: LOAD,
            infileStreamFactory: () => Readable.from(bulkTextChunks(ROWS, CHUNK_ROWS)),
          }),
        ),
    },
  ];
  const connections: { close(): Promise<void> }[] = [];
  for (const [name, wire] of await wireBuilds()) {
    const connection = await wire.connect({ url, sslMode: 'disabled', localInfile: true });
    connections.push(connection);
    variants.push({
      label: `${name} LOAD DATA LOCAL stream`,
      run: () =>
        timed(async () => {
          await using cursor = connection.cursor();
          await cursor.execute(LOAD, undefined, {
            infileStream: Readable.from(bulkTextChunks(ROWS, CHUNK_ROWS)),
          });
        }),
    });
  }
  console.log(`${ROWS} rows in ${CHUNK_ROWS}-row chunks, ${ROUNDS} rounds, ms per load`);
  await interleavedMedians(variants, ROUNDS, 'ms');
  await peer.end();
  await Promise.all(connections.map((connection) => connection.close()));
  await admin.end();
} finally {
  await server.stop();
}
