import { describe, expect, it } from 'vitest';
import { ManagementError } from './management-error.js';
import { sleep, waitFor } from './wait-for.js';

describe('waitFor', () => {
  it('polls until done', async () => {
    let calls = 0;
    const value = await waitFor(
      { load: async () => ++calls, done: (count) => count === 3, description: 'three' },
      { waitInterval: 1, waitTimeout: 5_000 },
    );
    expect(value).toBe(3);
  });

  it('stops at once on a failure reason', async () => {
    const error = await waitFor(
      { load: async () => 'FAILED', done: () => false, failed: () => 'broken', description: 'x' },
      { waitInterval: 1 },
    ).catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(error) && error.code).toBe('WAIT_FAILED');
  });

  it('gives up after the timeout', async () => {
    const error = await waitFor(
      { load: async () => 0, done: () => false, description: 'never' },
      { waitInterval: 1, waitTimeout: 10 },
    ).catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(error) && error.code).toBe('WAIT_TIMEOUT');
  });

  it('sleep rejects with the abort reason', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});
