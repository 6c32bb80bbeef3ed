import type { Connection, ConnectionInput, ResultsType } from '@s2/core-cursor';

/** The transport a suite runs over; the few documented differences branch on it. */
export type TransportName = 'wire' | 'http';

/**
 * Opens a fresh connection to the test database over one transport. `extra` adds connection
 * parameters (e.g. `multiStatements`) on top of the transport's URL.
 */
export type OpenConnection = (
  extra?: Omit<ConnectionInput, 'url'>,
) => Promise<Connection<ResultsType>>;

/** What every area suite receives. */
export interface ConformanceTarget {
  readonly transport: TransportName;
  readonly open: OpenConnection;
}
