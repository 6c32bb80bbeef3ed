/*
 * A quick comparison with mysql2 on the same server in the same run (the real benchmark
 * harness lives in tooling/bench). Run from packages/wire: `pnpm bench:compare`
 * (SINGLESTOREDB_URL, else a throwaway MariaDB). Prints ratios; nothing here is a test.
 */
// The package index pulls in vitest, so the starter is imported from its own file.

import mysql from 'mysql2/promise';
import { startTestServer } from '../../../tooling/test-server/src/start-test-server.js';
import { connect, openConnection } from '../src/index.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const PINGS = Number(process.env.BENCH_QPS_QUERIES ?? 5000);
const ROUNDS = 3;

async function best(label: string, run: () => Promise<unknown>): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = process.hrtime.bigint();
    await run();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1e6);
  }
  console.log(`${label.padEnd(44)} ${fastest.toFixed(1).padStart(9)} ms`);
  return fastest;
}

const server = await startTestServer();
try {
  const database = `bench_${process.pid}`;
  const setup = await openConnection(server.url);
  await setup.query(`CREATE DATABASE ${database}`);
  await setup.selectDatabase(database);
  await setup.query(
    'CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(32), amount DOUBLE, created DATETIME(6), note TEXT, big BIGINT)',
  );
  for (let start = 0; start < ROWS; start += 5000) {
    const values = Array.from({ length: Math.min(5000, ROWS - start) }, (_unused, offset) => {
      const id = start + offset;
      return `(${id}, 'name-${id}', ${id * 1.25}, '2024-01-02 03:04:05.${String(id % 1e6).padStart(6, '0')}', 'a note about row ${id}', ${id * 1_000_003})`;
    });
    await setup.query(`INSERT INTO t VALUES ${values.join(',')}`);
  }
  const url = `${server.url}/${database}`;
  const peer = await mysql.createConnection({
    uri: url,
    rowsAsArray: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
  });
  const wire = await connect({ url, sslMode: 'disabled' });
  const protocol = await openConnection({ url, sslMode: 'disabled' });
  const select = 'SELECT * FROM t';
  console.log(`${ROWS} rows × 6 columns, best of ${ROUNDS}`);
  const peerTuples = await best('mysql2 rowsAsArray', () => peer.query(select));
  const ourTuples = await best('@s2/wire connect().query (tuples)', () => wire.query(select));
  const ourColumns = await best('@s2/wire protocol query (column batches)', () =>
    protocol.query(select),
  );
  const ourStream = await best('@s2/wire protocol stream (column batches)', async () => {
    for await (const _event of protocol.stream(select)) {
      // draining
    }
  });
  console.log(`tuples ratio (mysql2 / ours):  ${(peerTuples / ourTuples).toFixed(2)}×`);
  console.log(`columns ratio (mysql2 / ours): ${(peerTuples / ourColumns).toFixed(2)}×`);
  console.log(`stream ratio (mysql2 / ours):  ${(peerTuples / ourStream).toFixed(2)}×`);
  const peerQps = await best(`mysql2 SELECT 1 × ${PINGS}`, async () => {
    for (let index = 0; index < PINGS; index += 1) await peer.query('SELECT 1');
  });
  const ourQps = await best(`@s2/wire protocol SELECT 1 × ${PINGS}`, async () => {
    for (let index = 0; index < PINGS; index += 1) await protocol.query('SELECT 1');
  });
  const ourConnectionQps = await best(`@s2/wire connect().query SELECT 1 × ${PINGS}`, async () => {
    for (let index = 0; index < PINGS; index += 1) await wire.query('SELECT 1');
  });
  console.log(
    `SELECT 1 QPS: mysql2 ${((PINGS / peerQps) * 1000).toFixed(0)}, protocol ${((PINGS / ourQps) * 1000).toFixed(0)}, connect() ${((PINGS / ourConnectionQps) * 1000).toFixed(0)}`,
  );
  await peer.end();
  await wire.close();
  await setup.query(`DROP DATABASE ${database}`);
  await protocol.close();
  await setup.close();
} finally {
  await server.stop();
}
