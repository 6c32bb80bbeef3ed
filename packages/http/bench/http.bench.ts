/**
 * The whole Data API read as tooling/bench's `data-api-mixed` workload times it — POST, body,
 * parse, rows — for `fetch` + `JSON.parse` and for `@s2/http`'s `query()` (tuples), interleaved,
 * against a server in another process. Run:
 * `npx tsx --conditions=source bench/http.bench.ts [wide|narrow] [varbinary|vector]`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from '../src/index.js';
import { ROWS } from './mixed-answer.js';

const RUNS = 7;
const SQL = 'SELECT * FROM mixed';

const server = spawn(
  process.execPath,
  [
    ...process.execArgv,
    new URL('./answer-server.ts', import.meta.url).pathname,
    ...process.argv.slice(2),
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const [portLine] = (await once(server.stdout, 'data')) as [Buffer];
const port = Number(portLine.toString().trim());
const url = `http://127.0.0.1:${port}/api/v2/query/tuples`;

async function plain(): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sql: SQL, database: 'bench' }),
  });
  const parsed = JSON.parse(await response.text()) as { results: { rows: unknown[] }[] };
  return parsed.results[0]?.rows.length ?? 0;
}

const connection = await connect({ driver: 'http', host: '127.0.0.1', port, database: 'bench' });
async function lossless(): Promise<number> {
  const rows: unknown = await connection.query(SQL);
  return Array.isArray(rows) ? rows.length : 0;
}

async function milliseconds(run: () => Promise<number>): Promise<number> {
  const start = performance.now();
  const rows = await run();
  if (rows !== ROWS) throw new Error(`got ${rows} rows, expected ${ROWS}`);
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

try {
  await milliseconds(plain);
  await milliseconds(lossless);
  const plainTimes: number[] = [];
  const losslessTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    plainTimes.push(await milliseconds(plain));
    losslessTimes.push(await milliseconds(lossless));
  }
  const ratio = median(losslessTimes) / median(plainTimes);
  console.log(
    `${process.argv[3] ?? 'varbinary'}, ${process.argv[2] === 'wide' ? 'every 16th BIGINT > 2^53' : 'no BIGINT > 2^53'}: fetch + JSON.parse ` +
      `${median(plainTimes).toFixed(0)} ms (min ${Math.min(...plainTimes).toFixed(0)}), @s2/http ` +
      `${median(losslessTimes).toFixed(0)} ms (min ${Math.min(...losslessTimes).toFixed(0)}), ` +
      `ratio ${ratio.toFixed(2)}× (medians of ${RUNS}, after one warm-up each)`,
  );
} finally {
  await connection.close();
  server.kill();
}
