import type fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Property tests: random and damaged input through both implementations must give the same
 * batch (byte for byte) or the same error (code, row, column, message) — never another kind
 * of exception, a trap, or a hang. S2_FUZZ_RUNS scales the run: the CI default of 100,000
 * gives 100,000 text-protocol cases plus 40,000 ROWDAT_1 bodies and 20,000 encoder batches;
 * `pnpm bench` runs 1,000,000. S2_FUZZ_SEED replays a failure.
 */
export const RUNS = Number(process.env.S2_FUZZ_RUNS ?? 100_000);
const SEED = process.env.S2_FUZZ_SEED === undefined ? undefined : Number(process.env.S2_FUZZ_SEED);

export function fuzzParameters(runs: number): fc.Parameters<unknown> {
  return { numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED }) };
}

/** A timeout that grows with the run count. */
export function fuzzTimeout(runs: number): number {
  return Math.max(120_000, runs * 5);
}

/** Cheap equality first; vitest's deep equality (slow) only to show a difference. */
export function same(actual: unknown, expected: unknown) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    expect(actual).toEqual(expected);
  }
}

/** Anything other than a row error (a TypeError from a bug, a trap) fails the property. */
export function onlyRowErrors(result: unknown) {
  const error = (result as { error?: { name: string; message: string } }).error;
  if (error && error.name !== 'RowDecodeError' && error.name !== 'RowEncodeError') {
    throw new Error(`unexpected ${error.name}: ${error.message}`);
  }
}
