/*
 * A prepared executeMany of small rows (INT, VARCHAR(16)) into a MEMORY table through
 * `connect()`'s cursor, in rows per second. Run from packages/wire:
 * `npx tsx --conditions=source bench/prepared-execute-many.ts` (BENCH_ROWS, BENCH_ROUNDS;
 * BENCH_BASELINE_SRC=/old/src/index.ts adds a baseline build to the same interleaved run).
 */
import { startTestServer } from '../../../tooling/test-server/src/start-test-server.js';
import { interleavedMedians, type Variant, wireBuilds } from './interleaved-runs.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const rows = Array.from({ length: ROWS }, (_, index) => [index, `name ${index}`]);

const server = await startTestServer();
try {
  const variants: Variant[] = [];
  const connections: { close(): Promise<void> }[] = [];
  const builds = await wireBuilds();
  const [, first] = builds[0]!;
  const database = `bench_many_${process.pid}`;
  const admin = await first.connect({ url: server.url, sslMode: 'disabled' });
  connections.push(admin);
  await admin.exec(`CREATE DATABASE ${database}`);
  await admin.exec(
    `CREATE TABLE ${database}.many (id INT PRIMARY KEY, name VARCHAR(16)) ENGINE = MEMORY`,
  );
  for (const [name, wire] of builds) {
    const connection = await wire.connect({
      url: `${server.url}/${database}`,
      sslMode: 'disabled',
    });
    connections.push(connection);
    variants.push({
      label: `${name} executeMany prepare (rows/s)`,
      run: async () => {
        await connection.exec('TRUNCATE TABLE many');
        await using cursor = connection.cursor();
        const started = performance.now();
        await cursor.executeMany('INSERT INTO many VALUES (?, ?)', rows, { prepare: true });
        const elapsed = performance.now() - started;
        if (cursor.rowCount !== ROWS) throw new Error(`inserted ${cursor.rowCount} rows`);
        return (ROWS / elapsed) * 1000;
      },
    });
  }
  await interleavedMedians(variants, ROUNDS, 'rows/s');
  for (const connection of connections) await connection.close();
} finally {
  await server.stop();
}
