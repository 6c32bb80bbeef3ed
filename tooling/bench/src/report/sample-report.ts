import type { BenchReport } from './results.js';

/** A small report for the writers' tests: one workload with an ok, a failed and an absent client. */
export function sampleReport(): BenchReport {
  const summary = (median: number) => ({ median, min: median * 0.9, max: median * 1.2, runs: 5 });
  return {
    generatedAt: '2026-11-21T00:00:00.000Z',
    command: 'pnpm --filter @s2/bench bench',
    quick: false,
    runsPerMeasurement: 5,
    machine: {
      cpuModel: 'Test <CPU> & co',
      cores: 2,
      memoryGb: 4,
      os: 'Linux',
      node: 'v20.0.0',
      loadAverageAtStart: [0.5, 0.4, 0.3],
    },
    server: {
      flavour: 'mariadb',
      version: '10.11',
      source: 'local',
      vectorColumn: 'VARBINARY(64)',
    },
    durationSeconds: 1,
    workloads: [
      {
        id: 'ints-1M',
        title: '1M rows x 2 ints',
        description: 'two INT columns',
        unit: 'ms',
        direction: 'lower-is-better',
        baseline: 'mysql2-rows-as-array',
        results: [
          {
            client: 'mysql2-rows-as-array',
            label: 'mysql2 rowsAsArray',
            status: 'ok',
            value: summary(400),
            ratio: 1,
            extras: { rowsPerSecond: summary(2_500_000) },
          },
          {
            client: 'raw-drain',
            label: 'raw drain (floor)',
            status: 'ok',
            value: summary(100),
            ratio: 4,
            extras: { rowsPerSecond: summary(10_000_000) },
          },
          { client: 'mariadb-objects', label: 'mariadb objects', status: 'failed', reason: 'boom' },
          {
            client: 's2-wire-tuples',
            label: '@s2/wire tuples (wasm)',
            status: 'not available',
            reason: '@s2/wire does not export connect() yet',
          },
        ],
      },
    ],
  };
}
