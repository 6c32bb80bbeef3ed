export type { ColumnBatch, ColumnVector } from '@s2/accel-wasm';
export type { AuthContext, AuthExchange, AuthPlugin } from './auth/auth-plugin.js';
export type { ResultSummary } from './commands/result-sink.js';
export type { SslMode, WireConnectionOptions } from './connection/connection-options.js';
export { type QueryOptions, WireConnection } from './connection/wire-connection.js';
export type { InfileChunk, InfileSource } from './infile/infile-source.js';
export type { ColumnDefinition } from './packets/column-definition.js';
export { ConnectionPool } from './pool/connection-pool.js';
export type { PoolOptions } from './pool/pool-options.js';
export type { QueryResult } from './results/query-result.js';
export type { QueryEvent, QueryStream } from './results/query-stream.js';

import type { WireConnectionOptions } from './connection/connection-options.js';
import { WireConnection } from './connection/wire-connection.js';
import { ConnectionPool } from './pool/connection-pool.js';
import type { PoolOptions } from './pool/pool-options.js';

/**
 * Opens a MySQL-protocol connection to SingleStoreDB (or any MySQL-compatible server).
 *
 * @param options - a URL (`mysql://user:password@host:3306/db?sslMode=verify_identity`) or
 *   an options object.
 * @example
 * ```ts
 * await using connection = await connect('mysql://root@127.0.0.1:3306/app');
 * const [result] = await connection.query('SELECT 1 AS one');
 * console.log(result?.rows()); // [[1]]
 * ```
 */
export function connect(options: WireConnectionOptions | string): Promise<WireConnection> {
  return WireConnection.open(options);
}

/**
 * Creates a pool of wire connections (min/max size, acquire and idle timeouts, validation
 * after idle, reset on release).
 *
 * @example
 * ```ts
 * await using pool = createPool({ url: 'mysql://root@127.0.0.1/app', maxSize: 4 });
 * const rows = await pool.withConnection(async (connection) => (await connection.query('SELECT 1'))[0]?.rows());
 * ```
 */
export function createPool(options: PoolOptions): ConnectionPool {
  return new ConnectionPool(options);
}
