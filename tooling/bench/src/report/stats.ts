/** Median, min and max of one measurement over the runs. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('cannot summarize zero samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Whether a larger number is the better one (throughput) or the worse one (time, memory). */
export type Direction = 'higher-is-better' | 'lower-is-better';

/**
 * How many times better `value` is than `baseline`: above 1 means better whatever the unit, so
 * "≥ 1.5× mysql2" reads the same for seconds and for rows per second.
 */
export function ratioAgainst(value: number, baseline: number, direction: Direction): number {
  if (value <= 0 || baseline <= 0) return Number.NaN;
  return direction === 'higher-is-better' ? value / baseline : baseline / value;
}
