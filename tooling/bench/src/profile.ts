/*
 * A quick loop for working on one client: the read workloads' recorded answers are kept in a file
 * (made once, with the throwaway server, by the same recording as the full run), served by the
 * replay server in this process, and the chosen clients run interleaved in this process, so a
 * change can be timed in seconds and profiled with `--cpu-prof`. The full run stays the figure of
 * record: each of its clients runs in a fresh process.
 *
 *   BENCH_CLIENTS=mysql2-rows-as-array,s2-wire-tuples BENCH_WORKLOADS=mixed,ints \
 *     pnpm --filter @s2/bench bench:profile
 *
 * BENCH_RECORDING (default: the temp dir) is where the recording file lives; BENCH_QUICK=1 records
 * a tenth of the rows; BENCH_ROUNDS sets the rounds (default 7); BENCH_STREAM=1 times the
 * streaming path instead of the buffered one; BENCH_REPEAT runs the query that many times per
 * sample (for `select1`). Each client's calls run with its adapter's `environment` set, as the
 * full run starts its process with it (so the `-ts` clients decode with the TS fallback).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ClientAdapter, ClientSession, ServerTarget } from './clients/client-adapter.js';
import { startDatabaseServer } from './database-server.js';
import { prepareData } from './prepare-data.js';
import { recordQueries } from './record.js';
import type { Recording } from './replay/recording.js';
import { startReplayServer } from './replay/replay-server.js';
import { adapterById } from './runner/client-registry.js';
import { withEnvironment } from './scoped-environment.js';
import { benchSettings } from './settings.js';
import { readQueries } from './workloads/read-workloads.js';

const DATABASE = 's2_bench';

type ClientEnvironment = ClientAdapter['environment'];
const WORKLOAD_NAMES = ['mixed', 'ints', 'wide', 'stream', 'select1'] as const;

interface SavedRecording {
  readonly greeting: string;
  readonly authOk: string;
  readonly responses: [string, string][];
  readonly queries: string[];
}

async function recordToFile(file: string): Promise<void> {
  const settings = benchSettings(process.env);
  const database = await startDatabaseServer();
  try {
    const { info } = database;
    const server = { host: info.host, port: info.port, user: info.user, password: info.password };
    const data = await prepareData(server, DATABASE, info.capabilities.flavour, settings);
    const queries = readQueries(data.tables, settings);
    const { recording } = await recordQueries({ ...server, database: DATABASE }, queries);
    const saved: SavedRecording = {
      greeting: recording.greeting.toString('base64'),
      authOk: recording.authOk.toString('base64'),
      responses: [...recording.responses].map(([sql, frames]) => [sql, frames.toString('base64')]),
      queries,
    };
    writeFileSync(file, JSON.stringify(saved));
  } finally {
    await database.stop();
  }
}

function loadRecording(file: string): { recording: Recording; queries: string[] } {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedRecording;
  return {
    recording: {
      greeting: Buffer.from(saved.greeting, 'base64'),
      authOk: Buffer.from(saved.authOk, 'base64'),
      responses: new Map(
        saved.responses.map(([sql, frames]) => [sql, Buffer.from(frames, 'base64')]),
      ),
    },
    queries: saved.queries,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const file =
    process.env.BENCH_RECORDING ??
    path.join(tmpdir(), `s2-bench-recording${quick ? '-quick' : ''}.json`);
  if (!existsSync(file)) await recordToFile(file);
  const { recording, queries } = loadRecording(file);
  const replay = await startReplayServer(recording);
  const target: ServerTarget = {
    host: replay.host,
    port: replay.port,
    user: 'root',
    password: '',
    database: DATABASE,
  };
  const clientIds = (process.env.BENCH_CLIENTS ?? 'mysql2-rows-as-array,s2-wire-tuples').split(',');
  const workloads = (process.env.BENCH_WORKLOADS ?? 'mixed').split(',');
  const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
  const stream = process.env.BENCH_STREAM === '1';
  const repeat = Number(process.env.BENCH_REPEAT ?? 1);
  try {
    // One at a time: each open runs under its own client's environment.
    const sessions: { id: string; environment?: ClientEnvironment; session: ClientSession }[] = [];
    for (const id of clientIds) {
      const { environment, open } = adapterById(id);
      const session = await withEnvironment(environment, () => open(target, 1));
      sessions.push({ id, environment, session });
    }
    for (const workload of workloads) {
      const index = WORKLOAD_NAMES.indexOf(workload as (typeof WORKLOAD_NAMES)[number]);
      const sql = queries[index];
      if (index < 0 || sql === undefined) throw new Error(`no workload called ${workload}`);
      const samples = new Map(clientIds.map((id) => [id, [] as number[]]));
      for (let round = 0; round <= rounds; round += 1) {
        for (const { id, environment, session } of sessions) {
          const elapsed = await withEnvironment(environment, async () => {
            const started = performance.now();
            for (let time = 0; time < repeat; time += 1) {
              if (stream || workload === 'stream') await session.streamAll(sql);
              else await session.fetchAll(sql);
            }
            return performance.now() - started;
          });
          // Round 0 is the warm-up.
          if (round > 0) samples.get(id)?.push(elapsed);
        }
      }
      const baseline = median(samples.get(clientIds[0] ?? '') ?? []);
      for (const [id, values] of samples) {
        const value = median(values);
        const shown = values.map((sample) => sample.toFixed(0)).join(' ');
        console.log(
          `${workload.padEnd(7)} ${id.padEnd(24)} median ${value.toFixed(1).padStart(8)} ms  ${(baseline / value).toFixed(2)}×  (${shown})`,
        );
      }
    }
    for (const { session } of sessions) await session.close();
  } finally {
    await replay.close();
  }
}

await main();
