/*
 * Shared by the micro-benchmarks: runs every variant once per round, in turn, so the noise of a
 * shared machine hits them alike, and reports the median of each. Nothing here is a test.
 */

/** One thing to measure: `run` returns the figure of one run (ms, or queries per second). */
export interface Variant {
  readonly label: string;
  run(): Promise<number>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `rounds` interleaved rounds and prints each variant's samples and median. */
export async function interleavedMedians(
  variants: readonly Variant[],
  rounds: number,
  unit: string,
): Promise<Map<string, number>> {
  const samples = new Map(variants.map((variant) => [variant.label, [] as number[]]));
  for (let round = 0; round < rounds; round += 1) {
    for (const variant of variants) samples.get(variant.label)!.push(await variant.run());
  }
  const medians = new Map<string, number>();
  for (const [label, values] of samples) {
    medians.set(label, median(values));
    const shown = values.map((value) => value.toFixed(0)).join(' ');
    console.log(
      `${label.padEnd(46)} median ${median(values).toFixed(0).padStart(7)} ${unit}  (${shown})`,
    );
  }
  return medians;
}

/**
 * The package's entry points to measure: this tree's `src`, plus, when `BENCH_BASELINE_SRC`
 * names another checkout's `src/index.ts` (e.g. an older commit extracted with `git archive`),
 * that one too, so a change is measured against its baseline in the same interleaved run.
 */
export async function wireBuilds(): Promise<[string, typeof import('../src/index.js')][]> {
  const builds: [string, typeof import('../src/index.js')][] = [
    ['@s2/wire', await import('../src/index.js')],
  ];
  const baseline = process.env.BENCH_BASELINE_SRC;
  if (baseline) builds.unshift(['@s2/wire baseline', await import(baseline)]);
  return builds;
}
