import { describe, expect, it } from 'vitest';
import { withEnvironment } from './scoped-environment.js';

describe('withEnvironment', () => {
  it('keeps the variables set until the run has settled', async () => {
    const environment: NodeJS.ProcessEnv = { S2_ACCEL: 'wasm' };
    const seen = await withEnvironment(
      { S2_ACCEL: 'ts', EXTRA: '1' },
      async () => {
        // A query's decode happens after I/O, so the environment must outlast the first await.
        await new Promise((resolve) => setImmediate(resolve));
        return { ...environment };
      },
      environment,
    );
    expect(seen).toEqual({ S2_ACCEL: 'ts', EXTRA: '1' });
  });

  it('restores changed variables and removes added ones afterwards', async () => {
    const environment: NodeJS.ProcessEnv = { S2_ACCEL: 'wasm', OTHER: 'kept' };
    await withEnvironment({ S2_ACCEL: 'ts', EXTRA: '1' }, async () => undefined, environment);
    expect(environment).toEqual({ S2_ACCEL: 'wasm', OTHER: 'kept' });
    expect('EXTRA' in environment).toBe(false);
  });

  it('restores the variables when the run fails', async () => {
    const environment: NodeJS.ProcessEnv = {};
    await expect(
      withEnvironment(
        { S2_ACCEL: 'ts' },
        async () => {
          throw new Error('query failed');
        },
        environment,
      ),
    ).rejects.toThrow('query failed');
    expect(environment).toEqual({});
  });

  it('leaves the environment alone for an adapter without one', async () => {
    const environment: NodeJS.ProcessEnv = { S2_ACCEL: 'require-wasm' };
    const seen = await withEnvironment(undefined, async () => environment.S2_ACCEL, environment);
    expect(seen).toBe('require-wasm');
    expect(environment).toEqual({ S2_ACCEL: 'require-wasm' });
  });
});
