import type { Connection, ResultsType } from '@s2/core-cursor';
import { startLocalMariadb } from '@s2/test-server/local-mariadb';
import { connect } from '../connect.js';

/** Settings of {@link startLocalServer}. */
export interface LocalServerOptions {
  /** Offer TLS with a freshly generated CA (its path is in `caPath`). Default true. */
  tls?: boolean;
  /** How long to wait for the server to accept connections, in milliseconds. Default 30 s. */
  startTimeoutMs?: number;
}

/** A throwaway local MySQL-compatible server (MariaDB), removed on `stop()`. */
export interface LocalServer {
  /** `mysql://root:@127.0.0.1:<port>`: pass it to `connect()`, append `/<database>` for a default. */
  readonly connectionUrl: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The server's unix socket. */
  readonly socketPath: string;
  /** The CA that signed the server's certificate, when TLS is on. */
  readonly caPath?: string;
  /** Connects as root, optionally to a database. */
  connect(database?: string): Promise<Connection<ResultsType>>;
  /** Stops the server and deletes its data directory. Safe to call twice. */
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Starts a throwaway MariaDB in a temporary directory on a free port — the server the demo and
 * the tests use when no SingleStore is at hand. It is MariaDB, not SingleStore: no VECTOR,
 * BSON, pipelines or Data API of its own. Needs `mariadbd` and `mariadb-install-db` on the
 * machine (Debian: `apt-get install mariadb-server`). Its data is deleted on `stop()`, on
 * process exit, and by a watchdog if the process is killed.
 */
export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const local = await startLocalMariadb({
    tls: options.tls ?? true,
    ...(options.startTimeoutMs === undefined ? {} : { startTimeoutMs: options.startTimeoutMs }),
  });
  const connectionUrl = `mysql://root:@127.0.0.1:${local.port}`;
  return {
    connectionUrl,
    host: '127.0.0.1',
    port: local.port,
    user: 'root',
    password: '',
    socketPath: local.socketPath,
    ...(local.certificates ? { caPath: local.certificates.caPath } : {}),
    connect: (database) =>
      connect(database ? `${connectionUrl}/${encodeURIComponent(database)}` : connectionUrl),
    stop: local.stop,
    [Symbol.asyncDispose]: local.stop,
  };
}
