import type { ClientSession } from '../clients/client-adapter.js';

/** Peak RSS of this process while `work` runs, sampled, because `maxRSS` never goes down. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakRssMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

function checkRows(actual: number, expected: number, sql: string): void {
  if (actual !== expected) {
    throw new Error(`got ${actual} rows from "${sql.slice(0, 80)}", expected ${expected}`);
  }
}

/**
 * Short queries repeat until this much time has passed, in the warm-up and in the measured runs:
 * after one warm-up, a 10 ms query was still timed with its first compiled code (wasm tiers up
 * from its baseline compiler, JS from the interpreter after enough calls), in every client, so
 * its median said more about when each JIT tiered up than about the client.
 */
export const MIN_PHASE_MS = 300;
/** Bounds the repeats of a very short query. */
export const MAX_RUNS = 40;

/**
 * Runs the query, buffered (`fetchAll`) or streamed, at least once and until `MIN_PHASE_MS` have
 * passed as a warm-up, then at least `runs` times and until `MIN_PHASE_MS` have passed, and
 * returns the milliseconds of each measured run with the rows per second and the peak RSS of each.
 */
export async function measureReads(
  session: ClientSession,
  mode: 'fetch' | 'stream',
  sql: string,
  expectedRows: number,
  runs: number,
): Promise<{ samples: number[]; extras: Record<string, number[]> }> {
  // The child's footprint before any rows (runtime, the harness, the client library).
  const startRssMb = process.memoryUsage.rss() / 2 ** 20;
  const read = (query: string) =>
    mode === 'fetch' ? session.fetchAll(query) : session.streamAll(query);
  const warmUpStarted = performance.now();
  for (let warmUps = 0; warmUps < MAX_RUNS; warmUps += 1) {
    checkRows(await read(sql), expectedRows, sql);
    if (performance.now() - warmUpStarted >= MIN_PHASE_MS) break;
  }
  const samples: number[] = [];
  const rowsPerSecond: number[] = [];
  const peakRssMb: number[] = [];
  let measuredMs = 0;
  while (samples.length < runs || (measuredMs < MIN_PHASE_MS && samples.length < MAX_RUNS)) {
    const started = performance.now();
    const { result, peakRssMb: peak } = await withPeakRss(() => read(sql));
    const elapsed = performance.now() - started;
    checkRows(result, expectedRows, sql);
    samples.push(elapsed);
    measuredMs += elapsed;
    rowsPerSecond.push(expectedRows / (elapsed / 1000));
    peakRssMb.push(peak);
  }
  // Only a stream's memory means something: buffered reads hold the whole result by design.
  return {
    samples,
    extras:
      mode === 'stream'
        ? { rowsPerSecond, peakRssMb, startRssMb: samples.map(() => startRssMb) }
        : { rowsPerSecond },
  };
}

/**
 * `SELECT 1` round trips with as many queries in flight as there are connections, for a fixed
 * time per run (so a slow client costs the run no more than a fast one); each sample is one
 * run's queries per second, and the mean latency per query is derived from it.
 */
export async function measureSelectOne(
  session: ClientSession,
  connections: number,
  runMs: number,
  runs: number,
): Promise<{ samples: number[]; extras: Record<string, number[]> }> {
  const burst = async (durationMs: number) => {
    const deadline = performance.now() + durationMs;
    let done = 0;
    const lane = async () => {
      while (performance.now() < deadline) {
        checkRows(await session.fetchAll('SELECT 1'), 1, 'SELECT 1');
        done += 1;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: connections }, lane));
    return { queries: done, seconds: (performance.now() - started) / 1000 };
  };
  await burst(runMs / 4);
  const samples: number[] = [];
  const meanLatencyUs: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { queries, seconds } = await burst(runMs);
    samples.push(queries / seconds);
    meanLatencyUs.push(((seconds * 1e6) / queries) * connections);
  }
  return { samples, extras: { meanLatencyUs } };
}
