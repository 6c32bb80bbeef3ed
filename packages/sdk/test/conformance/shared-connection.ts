import type { Connection, ResultsType } from '@s2/core-cursor';
import { afterAll, beforeAll } from 'vitest';
import type { ConformanceTarget } from './conformance-target.js';

/**
 * One connection for a `describe` block: opened in beforeAll (after `setup` has run on it,
 * typically to create the block's tables), closed in afterAll. Read it inside tests.
 */
export function useSharedConnection(
  target: ConformanceTarget,
  setup: (connection: Connection<ResultsType>) => Promise<void> = async () => {},
): () => Connection<ResultsType> {
  let connection: Connection<ResultsType> | undefined;
  beforeAll(async () => {
    connection = await target.open();
    await setup(connection);
  });
  afterAll(async () => {
    await connection?.close();
  });
  return () => {
    if (!connection) throw new Error('the shared connection exists only inside tests');
    return connection;
  };
}

/** The error a promise rejects with, so that tests can assert its class, errno and message. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** The error a function throws synchronously. */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, but it returned');
}
