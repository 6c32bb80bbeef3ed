import path from 'node:path';
import type { ServerTarget } from './clients/client-adapter.js';
import { startDatabaseServer } from './database-server.js';
import { vectorColumnType } from './dataset/mixed-table.js';
import { prepareData } from './prepare-data.js';
import { elapsedSeconds, progress } from './progress.js';
import { recordQueries } from './record.js';
import { recordThroughDataApi } from './record-data-api.js';
import { startHttpReplayServer } from './replay/http-replay-server.js';
import { startReplayServer } from './replay/replay-server.js';
import { consoleTable } from './report/console-table.js';
import { describeMachine } from './report/machine.js';
import type { BenchReport } from './report/results.js';
import { checkTargets, targetLines } from './report/targets.js';
import { writeReport } from './report/write-report.js';
import { runPlans } from './run-plan.js';
import { benchSettings } from './settings.js';
import {
  isSelected,
  READ_WORKLOAD_NAMES,
  reportStem,
  selectPlans,
  workloadFilter,
} from './workload-filter.js';
import { bulkWorkload } from './workloads/bulk-workload.js';
import { dataApiWorkload } from './workloads/data-api-workload.js';
import { readQueries, readWorkloads } from './workloads/read-workloads.js';

const RESULTS_DIR = path.join(import.meta.dirname, '..', 'results');
const DATABASE = 's2_bench';

/**
 * The whole run: start the database, load the tables, record every response once, serve the
 * recordings from memory, measure each client in its own process, and write the reports.
 * BENCH_SERVER=real points the read workloads at the real server instead of the replay;
 * BENCH_ONLY=bulk,ints runs only the named workloads, and skips the recordings they do not need.
 */
async function main(): Promise<void> {
  const settings = benchSettings(process.env);
  // Parsed before the database starts, so a misspelt name fails at once.
  const selection = workloadFilter(process.env);
  const reads = READ_WORKLOAD_NAMES.some((name) => isSelected(selection, name));
  const machine = describeMachine();
  const againstReal = process.env.BENCH_SERVER === 'real';
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
    const mixedSql = queries[0] ?? '';
    if (reads || isSelected(selection, 'data-api')) {
      progress('recording the responses through the proxy and the Data API server');
    }
    const { recording, unavailable } = reads
      ? await recordQueries(real, queries)
      : { recording: undefined, unavailable: new Map<string, string>() };
    const dataApiRecording = isSelected(selection, 'data-api')
      ? await recordThroughDataApi(real, [mixedSql])
      : { failure: 'not selected by BENCH_ONLY' };
    const replay = recording && (await startReplayServer(recording));
    const httpReplay =
      'failure' in dataApiRecording ? undefined : await startHttpReplayServer(dataApiRecording);
    try {
      // Without a recording no read workload is selected, so their target is never used.
      const readTarget =
        againstReal || !replay ? real : { ...real, host: replay.host, port: replay.port };
      const httpTarget = httpReplay
        ? { ...real, host: httpReplay.host, port: httpReplay.port }
        : { failure: 'failure' in dataApiRecording ? dataApiRecording.failure : '' };
      const vectorColumn = vectorColumnType(flavour);
      const mixedTitle = `${settings.mixedRows / 1000}k rows x 8 mixed columns`;
      const plans = selectPlans(
        [
          ...readWorkloads(
            readTarget,
            againstReal ? 'real server' : 'replay server',
            data.tables,
            settings,
            vectorColumn,
          ),
          bulkWorkload(real, data.bulkTable, settings),
          dataApiWorkload(httpTarget, mixedTitle, mixedSql, settings.mixedRows, settings.runs),
        ],
        selection,
      );
      const workloads = await runPlans(plans, unavailable, settings.childTimeoutMs);
      if (replay && replay.unknownQueries.size > 0) {
        progress(`queries the replay had not recorded: ${[...replay.unknownQueries].join(' | ')}`);
      }
      const measured: BenchReport = {
        generatedAt: new Date().toISOString(),
        command: `${settings.quick ? 'BENCH_QUICK=1 ' : ''}${againstReal ? 'BENCH_SERVER=real ' : ''}${selection ? `BENCH_ONLY=${selection.join(',')} ` : ''}pnpm --filter @s2/bench bench`,
        quick: settings.quick,
        runsPerMeasurement: settings.runs,
        machine,
        server: {
          flavour,
          version: info.capabilities.version,
          source: info.capabilities.source,
          vectorColumn,
        },
        durationSeconds: elapsedSeconds(),
        workloads,
      };
      const report: BenchReport = { ...measured, targets: checkTargets(measured) };
      process.stdout.write(
        `\n${consoleTable(workloads)}\n${targetLines(report.targets ?? [])}\n\n`,
      );
      const written = await writeReport(report, RESULTS_DIR, reportStem(settings.quick, selection));
      process.stdout.write(`wrote ${written.join(' and ')} in ${report.durationSeconds} s\n`);
    } finally {
      await httpReplay?.close();
      await replay?.close();
    }
  } finally {
    await database.stop();
  }
}

await main();
