import type fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Property tests: random and damaged input through both implementations must give the same
 * batch (byte for byte) or the same error (code, row, column, message) — never another kind
 * of exception, a trap, or a hang. S2_FUZZ_RUNS scales the run: the CI default of 100,000
 * gives 100,000 text-protocol cases plus 40,000 ROWDAT_1 bodies and 20,000 encoder batches;
 * `pnpm bench` runs 1,000,000. Runs are split into tests of 10,000 cases; to replay a failure,
 * set S2_FUZZ_SEED to the seed fast-check reports (S2_FUZZ_RUNS ≤ 10,000 keeps it to one test,
 * which then uses exactly that seed).
 */
export const RUNS = Number(process.env.S2_FUZZ_RUNS ?? 100_000);
const SEED = process.env.S2_FUZZ_SEED === undefined ? undefined : Number(process.env.S2_FUZZ_SEED);

/**
 * Cases per test. Each chunk ends by yielding to the event loop: vitest's worker only reads its
 * RPC replies from the macrotask queue, and tests that follow each other through microtasks
 * alone would let its 60-second RPC timeout expire first.
 */
const CHUNK = 10_000;

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface FuzzChunk {
  readonly from: number;
  readonly to: number;
  readonly parameters: fc.Parameters<unknown>;
}

/** Split `total` cases into tests of at most CHUNK; with S2_FUZZ_SEED, chunk i uses seed + i. */
export function fuzzChunks(total: number): FuzzChunk[] {
  const chunks: FuzzChunk[] = [];
  for (let from = 0, i = 0; from < total; from += CHUNK, i++) {
    const runs = Math.min(CHUNK, total - from);
    chunks.push({
      from: from + 1,
      to: from + runs,
      parameters: { numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED + i }) },
    });
  }
  return chunks;
}

/** Per-test timeout for one chunk. */
export const FUZZ_TIMEOUT = 300_000;

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
