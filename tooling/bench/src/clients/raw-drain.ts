import type { ClientAdapter, ClientSession, ServerTarget } from './client-adapter.js';
import { RawConnection } from './raw-connection.js';

/** Hands queries to idle connections in turn, so 32 connections keep 32 queries in flight. */
async function openRawPool(target: ServerTarget, connections: number): Promise<ClientSession> {
  const idle = await Promise.all(
    Array.from({ length: connections }, () => RawConnection.connect(target)),
  );
  const all = [...idle];
  const waiting: Array<(connection: RawConnection) => void> = [];
  const acquire = (): Promise<RawConnection> => {
    const connection = idle.pop();
    return connection
      ? Promise.resolve(connection)
      : new Promise((resolve) => waiting.push(resolve));
  };
  const release = (connection: RawConnection) => {
    const next = waiting.shift();
    if (next) next(connection);
    else idle.push(connection);
  };
  const run = async (sql: string) => {
    const connection = await acquire();
    try {
      return await connection.query(sql);
    } finally {
      release(connection);
    }
  };
  return {
    fetchAll: run,
    streamAll: run,
    close: async () => {
      await Promise.all(all.map((connection) => connection.close()));
    },
  };
}

/**
 * Reads the socket to the end of each result and decodes nothing: the physical limit of the
 * transport, against which "within 2× of the raw drain" is measured.
 */
export const rawDrain: ClientAdapter = {
  id: 'raw-drain',
  label: 'raw drain (floor)',
  open: openRawPool,
};
