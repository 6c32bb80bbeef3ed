/** Sizes and repetitions of one run: the full run of the issue, or a quick smoke run. */
export interface BenchSettings {
  readonly quick: boolean;
  readonly runs: number;
  readonly mixedRows: number;
  readonly intRows: number;
  readonly wideRows: number;
  /** The streamed result is the int table repeated this many times. */
  readonly streamCopies: number;
  readonly bulkRows: number;
  readonly bulkBatchRows: number;
  /** Milliseconds of SELECT 1 round trips per run. */
  readonly selectOneRunMs: number;
  readonly pooledConnections: number;
  /** A child that takes longer is killed and its client reported as failed. */
  readonly childTimeoutMs: number;
}

export function benchSettings(environment: NodeJS.ProcessEnv): BenchSettings {
  const quick = environment.BENCH_QUICK === '1';
  const scale = quick ? 0.1 : 1;
  return {
    quick,
    runs: quick ? 3 : 5,
    mixedRows: 200_000 * scale,
    intRows: 1_000_000 * scale,
    wideRows: 10_000 * scale,
    streamCopies: 5,
    bulkRows: 1_000_000 * scale,
    bulkBatchRows: 10_000,
    selectOneRunMs: quick ? 300 : 1_000,
    pooledConnections: 32,
    childTimeoutMs: quick ? 120_000 : 240_000,
  };
}
