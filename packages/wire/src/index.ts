import {
  buildConnectionParams,
  type ConnectionParams,
  type ConnectionSettings,
} from '@s2/core-cursor';
import type { WireConnectionOptions } from './connection/connection-options.js';
import { ProtocolConnection } from './connection/protocol-connection.js';
import { optionsFromParams } from './connection/resolve-options.js';
import { ConnectionPool } from './pool/connection-pool.js';
import type { PoolOptions } from './pool/pool-options.js';
import { type EscapeSettings, WireConnection } from './transport/wire-connection.js';

export type { ColumnBatch, ColumnVector } from '@s2/accel-wasm';
export type { AuthContext, AuthExchange, AuthPlugin } from './auth/auth-plugin.js';
export type { ResultSummary } from './commands/result-sink.js';
export type { SslMode, WireConnectionOptions } from './connection/connection-options.js';
export { ProtocolConnection, type QueryOptions } from './connection/protocol-connection.js';
export type { InfileChunk, InfileSource } from './infile/infile-source.js';
export type { ColumnDefinition } from './packets/column-definition.js';
export { ConnectionPool } from './pool/connection-pool.js';
export type { PoolOptions } from './pool/pool-options.js';
export type { BindOptions } from './prepared/binary-params.js';
export type { PreparedQueryOptions } from './prepared/prepared-execute.js';
export type { QueryResult } from './results/query-result.js';
export type { QueryEvent, QueryStream } from './results/query-stream.js';
export { WireTransport } from './transport/wire-transport.js';
export { WireConnection };

/** Options of `connect()`: the wire options plus the DB-API connection's settings. */
export type ConnectOptions = WireConnectionOptions &
  Omit<ConnectionSettings, 'interpolate'> &
  EscapeSettings;

function settingsFromParams(
  params: ConnectionParams,
): Omit<ConnectionSettings, 'interpolate'> & EscapeSettings {
  return {
    resultsType: params.resultsType,
    buffered: params.buffered,
    valueOptions: {
      bigint: params.bigint,
      decimal: params.decimal,
      dates: params.dates,
      parseJson: params.parseJson,
      vectorFormat: params.vectorDataFormat,
    },
    nanAsNull: params.nanAsNull,
    infAsNull: params.infAsNull,
    prepare: params.prepare,
  };
}

/**
 * Connects to SingleStoreDB (or any MySQL-compatible server) over the MySQL protocol and
 * returns a DB-API connection (`query`, `exec`, `cursor`, transactions, accessors).
 *
 * @param options - a URL (`mysql://user:password@host:3306/db?sslMode=verify_identity`) or
 *   an options object (which may carry a `url` that its other fields override).
 * @example
 * ```ts
 * await using connection = await connect('mysql://root@127.0.0.1:3306/app');
 * const rows = await connection.query('SELECT ? AS answer', [42]); // [[42]]
 * ```
 */
export async function connect(options: ConnectOptions | string): Promise<WireConnection> {
  const given: ConnectOptions = typeof options === 'string' ? { url: options } : options;
  const fromUrl =
    given.url === undefined ? {} : settingsFromParams(buildConnectionParams(given.url));
  const { resultsType, buffered, valueOptions, nanAsNull, infAsNull, prepare, ...wireOptions } =
    given;
  const protocol = await ProtocolConnection.open(wireOptions);
  const settings: Omit<ConnectionSettings, 'interpolate'> & EscapeSettings = { ...fromUrl };
  if (resultsType !== undefined) settings.resultsType = resultsType;
  if (buffered !== undefined) settings.buffered = buffered;
  if (valueOptions !== undefined)
    settings.valueOptions = { ...fromUrl.valueOptions, ...valueOptions };
  if (nanAsNull !== undefined) settings.nanAsNull = nanAsNull;
  if (infAsNull !== undefined) settings.infAsNull = infAsNull;
  if (prepare !== undefined) settings.prepare = prepare;
  return new WireConnection(protocol, settings);
}

/**
 * Connects with parameters already resolved by @s2/core-cursor's `buildConnectionParams`
 * (URL, explicit fields, `SINGLESTOREDB_*` environment and option defaults, in that order).
 * `@s2/sdk`'s `connect()` uses it so that a URL means the same over either transport.
 */
export async function connectWithParams(params: ConnectionParams): Promise<WireConnection> {
  const protocol = await ProtocolConnection.open(optionsFromParams(params));
  return new WireConnection(protocol, settingsFromParams(params));
}

/**
 * Opens a bare protocol connection: queries return decoded ColumnBatches per result, and
 * `stream()` yields them with backpressure. Most users want `connect()`.
 */
export function openConnection(
  options: WireConnectionOptions | string,
): Promise<ProtocolConnection> {
  return ProtocolConnection.open(options);
}

/**
 * Creates a pool of protocol connections (min/max size, acquire and idle timeouts,
 * validation after idle, reset on release).
 *
 * @example
 * ```ts
 * await using pool = createPool({ url: 'mysql://root@127.0.0.1/app', maxSize: 4 });
 * const [result] = await pool.withConnection((connection) => connection.query('SELECT 1'));
 * ```
 */
export function createPool(options: PoolOptions): ConnectionPool {
  return new ConnectionPool(options);
}
