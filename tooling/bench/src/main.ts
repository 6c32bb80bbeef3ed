import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ServerTarget } from './clients/client-adapter.js';
import { startDatabaseServer } from './database-server.js';
import { vectorColumnType } from './dataset/mixed-table.js';
import { prepareData } from './prepare-data.js';
import { recordQueries } from './record.js';
import { startReplayServer } from './replay/replay-server.js';
import { consoleTable } from './report/console-table.js';
import { describeMachine } from './report/machine.js';
import type { BenchReport, WorkloadResult } from './report/results.js';
import { svgChart } from './report/svg-chart.js';
import { workloadResult } from './report/workload-result.js';
import type { JobOutcome } from './runner/job.js';
import { runChild } from './runner/run-child.js';
import { benchSettings } from './settings.js';
import { bulkWorkload } from './workloads/bulk-workload.js';
import { dataApiWorkload } from './workloads/data-api-workload.js';
import { readQueries, readWorkloads } from './workloads/read-workloads.js';
import type { WorkloadPlan } from './workloads/workload-plan.js';

const RESULTS_DIR = path.join(import.meta.dirname, '..', 'results');
const DATABASE = 's2_bench';

const startedAt = performance.now();

function progress(message: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${seconds} s] ${message}\n`);
}

async function runPlan(
  plan: WorkloadPlan,
  unavailable: ReadonlyMap<string, string>,
  timeoutMs: number,
): Promise<WorkloadResult> {
  const outcomes = new Map<string, JobOutcome>();
  for (const entry of plan.entries) {
    if (!('job' in entry)) continue;
    const reason = unavailable.get(entry.job.adapter);
    const outcome: JobOutcome = reason
      ? { status: 'not available', reason }
      : await runChild(entry.job, timeoutMs);
    const said = outcome.status === 'ok' ? 'done' : `${outcome.status}: ${outcome.reason}`;
    progress(`${plan.id}: ${entry.label}: ${said}`);
    outcomes.set(entry.client, outcome);
  }
  return workloadResult(plan, outcomes);
}

async function main(): Promise<void> {
  const settings = benchSettings(process.env);
  const machine = describeMachine();
  const target = process.env.BENCH_SERVER === 'real' ? 'real' : 'replay';
  progress(`starting the database server (${settings.quick ? 'quick' : 'full'} run)`);
  const database = await startDatabaseServer();
  try {
    const { info } = database;
    const flavour = info.capabilities.flavour;
    const server = { host: info.host, port: info.port, user: info.user, password: info.password };
    const real: ServerTarget = { ...server, database: DATABASE };
    progress('loading the tables');
    const data = await prepareData(server, DATABASE, flavour, settings);
    const queries = readQueries(data.tables, settings);
    progress('recording the responses through the proxy');
    const { recording, unavailable } = await recordQueries(real, queries);
    const replay = await startReplayServer(recording);
    try {
      const readTarget: ServerTarget =
        target === 'replay' ? { ...real, host: replay.host, port: replay.port } : real;
      const targetName = target === 'replay' ? 'replay server' : 'real server';
      const vectorColumn = vectorColumnType(flavour);
      const plans = [
        ...readWorkloads(readTarget, targetName, data.tables, settings, vectorColumn),
        bulkWorkload(real, data.bulkTable, settings),
        dataApiWorkload(`${settings.mixedRows / 1000}k rows x 8 mixed columns`),
      ];
      const workloads: WorkloadResult[] = [];
      for (const plan of plans) {
        workloads.push(await runPlan(plan, unavailable, settings.childTimeoutMs));
      }
      if (replay.unknownQueries.size > 0) {
        process.stderr.write(
          `queries the replay had not recorded: ${[...replay.unknownQueries].join(' | ')}\n`,
        );
      }
      const report: BenchReport = {
        generatedAt: new Date().toISOString(),
        command: `${settings.quick ? 'BENCH_QUICK=1 ' : ''}${target === 'real' ? 'BENCH_SERVER=real ' : ''}pnpm --filter @s2/bench bench`,
        quick: settings.quick,
        runsPerMeasurement: settings.runs,
        machine,
        server: {
          flavour,
          version: info.capabilities.version,
          source: info.capabilities.source,
          vectorColumn,
        },
        durationSeconds: Math.round((performance.now() - startedAt) / 1000),
        workloads,
      };
      process.stdout.write(`\n${consoleTable(workloads)}\n`);
      const stem = settings.quick ? 'quick' : 'latest';
      await mkdir(RESULTS_DIR, { recursive: true });
      await writeFile(
        path.join(RESULTS_DIR, `${stem}.json`),
        `${JSON.stringify(report, null, 2)}\n`,
      );
      await writeFile(path.join(RESULTS_DIR, `${stem}.svg`), svgChart(report));
      process.stdout.write(
        `wrote results/${stem}.json and results/${stem}.svg in ${report.durationSeconds} s\n`,
      );
    } finally {
      await replay.close();
    }
  } finally {
    await database.stop();
  }
}

await main();
