import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../clients/client-adapter.js';
import { MAX_RUNS, measureReads } from './measure-reads.js';

function countingSession(rows: number): { session: ClientSession; reads: () => number } {
  let reads = 0;
  const read = async () => {
    reads += 1;
    return rows;
  };
  const session: ClientSession = { fetchAll: read, streamAll: read, close: async () => {} };
  return { session, reads: () => reads };
}

describe('measureReads', () => {
  it('repeats a query far shorter than the minimum phase up to the bound, warm-up and runs', async () => {
    const { session, reads } = countingSession(3);
    const { samples, extras } = await measureReads(session, 'fetch', 'SELECT 3', 3, 5);
    expect(samples).toHaveLength(MAX_RUNS);
    expect(reads()).toBe(2 * MAX_RUNS);
    expect(extras.rowsPerSecond).toHaveLength(MAX_RUNS);
    expect(extras.peakRssMb).toBeUndefined();
  });

  it('reports memory for streams, one figure per run', async () => {
    const { session } = countingSession(2);
    const { samples, extras } = await measureReads(session, 'stream', 'SELECT 2', 2, 5);
    expect(extras.peakRssMb).toHaveLength(samples.length);
    expect(extras.startRssMb).toHaveLength(samples.length);
  });

  it('fails on a wrong row count instead of timing it', async () => {
    const { session } = countingSession(2);
    await expect(measureReads(session, 'fetch', 'SELECT 2', 3, 5)).rejects.toThrow(
      'got 2 rows from "SELECT 2", expected 3',
    );
  });
});
