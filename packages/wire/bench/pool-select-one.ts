/*
 * SELECT 1 through a pool of 32 connections with 32 queries in flight, like tooling/bench's
 * select-1-x32, against mysql2's pool on the same throwaway MariaDB. Run from packages/wire:
 * `npx tsx --conditions=source bench/pool-select-one.ts` (BENCH_BASELINE_SRC=/old/src/index.ts adds a baseline build).
 */
import mysql from 'mysql2/promise';
import { startTestServer } from '../../../tooling/test-server/src/start-test-server.js';
import { interleavedMedians, type Variant, wireBuilds } from './interleaved-runs.js';

const CONNECTIONS = 32;
const RUN_MS = Number(process.env.BENCH_RUN_MS ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** Queries per second with `CONNECTIONS` lanes each running `query` back to back. */
async function queriesPerSecond(query: () => Promise<unknown>): Promise<number> {
  let queries = 0;
  const started = performance.now();
  const deadline = started + RUN_MS;
  const lane = async (): Promise<void> => {
    while (performance.now() < deadline) {
      await query();
      queries += 1;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, lane));
  return queries / ((performance.now() - started) / 1000);
}

const server = await startTestServer();
try {
  const peer = mysql.createPool({ uri: server.url, connectionLimit: CONNECTIONS });
  const variants: Variant[] = [
    { label: 'mysql2 pool', run: () => queriesPerSecond(() => peer.query('SELECT 1')) },
  ];
  const pools: { end(): Promise<void> }[] = [];
  for (const [name, wire] of await wireBuilds()) {
    const pool = wire.createPool({
      url: server.url,
      sslMode: 'disabled',
      minSize: CONNECTIONS,
      maxSize: CONNECTIONS,
    });
    pools.push(pool);
    variants.push({
      label: `${name} pool (defaults)`,
      run: () =>
        queriesPerSecond(() => pool.withConnection((connection) => connection.query('SELECT 1'))),
    });
  }
  console.log(`SELECT 1, ${CONNECTIONS} connections, ${RUN_MS} ms per run, ${ROUNDS} rounds`);
  await interleavedMedians(variants, ROUNDS, 'q/s');
  await peer.end();
  await Promise.all(pools.map((pool) => pool.end()));
} finally {
  await server.stop();
}
