import type { AuthPlugin } from '../auth/auth-plugin.js';
import type { DialogPrompt } from '../auth/dialog.js';

/** TLS modes (ARCHITECTURE.md §5). */
export type SslMode = 'disabled' | 'preferred' | 'required' | 'verify_ca' | 'verify_identity';

/** Options of one wire connection. */
export interface WireConnectionOptions {
  /** A connection URL; the other fields override what it says. */
  url?: string;
  host?: string;
  port?: number;
  /** Unix-domain socket path; when set, host and port are not used. */
  socketPath?: string;
  /** Defaults to the OS login name (python-sdk-quirks.md #16). */
  user?: string;
  password?: string;
  database?: string;
  /** Milliseconds to open the socket and finish the handshake; default 10 000. */
  connectTimeout?: number;
  /**
   * Milliseconds a running command may go without receiving a byte before the connection is
   * declared lost (OperationalError 2013); off by default, since a long query is silent too.
   * Not counted while a streaming consumer holds the socket paused.
   */
  readTimeout?: number;
  /**
   * Milliseconds a write may wait for the socket to drain (the server or the network not
   * taking bytes) before the connection fails with OperationalError 2013; off by default.
   */
  writeTimeout?: number;
  /** TCP settings of the socket; default `{ keepAlive: true, keepAliveInitialDelay: 60_000, noDelay: true }`. */
  socketOptions?: SocketOptions;
  /**
   * The server's `max_allowed_packet` in bytes, as far as the client knows it (1024 to 1 GiB):
   * a statement whose COM_QUERY payload is larger fails with OperationalError 2020 before it
   * is sent, and the connection stays usable. Unset (the default), the client sends any size
   * and a statement the server finds too large fails there (ERR 1153, and the server closes
   * the connection), as with mysql2 and the Python SDK.
   */
  maxAllowedPacket?: number;
  /** `sql_mode` set on the session after login and after every COM_RESET_CONNECTION. */
  sqlMode?: string;
  /** Default `'preferred'`; `sslCa` alone implies `'verify_ca'`. */
  sslMode?: SslMode;
  /** CA certificates (PEM text or a file path). */
  sslCa?: string;
  /** Client certificate (PEM text or a file path), with `sslKey`. */
  sslCert?: string;
  sslKey?: string;
  sslCipher?: string;
  /** Host name for SNI and for verify_identity; defaults to `host`. */
  tlsSniServername?: string;
  /** Send clear-text passwords (mysql_clear_password, JWT) without TLS. */
  allowCleartextPassword?: boolean;
  /** The server's RSA public key (PEM text or file path) for sha256 auth without TLS. */
  serverPublicKey?: string;
  /** Extra authentication plugins by name; they take precedence over the built-in ones. */
  authPlugins?: Readonly<Record<string, AuthPlugin>>;
  /**
   * Answers the `dialog` plugin's (PAM's) prompts other than `Password: `, which the password
   * answers; without it such a prompt fails the login with OperationalError 2059.
   */
  dialogPrompt?: DialogPrompt;
  /** Allow LOAD DATA LOCAL INFILE (off by default, ARCHITECTURE.md §5). */
  localInfile?: boolean;
  /** Allow several statements per query. */
  multiStatements?: boolean;
  /** Report matched rather than changed rows. */
  clientFoundRows?: boolean;
  /** Desired autocommit mode; set after login only when it differs from the server's. */
  autocommit?: boolean;
  /** Ask SingleStore for extended column metadata (VECTOR, BSON); default true. */
  enableExtendedDataTypes?: boolean;
  /** How SingleStore projects VECTOR values; default `'binary'`. */
  vectorDataFormat?: 'binary' | 'json';
  /** SQL run after login. */
  initSql?: string;
  /** `program_name` connection attribute. */
  programName?: string;
  /** Extra connection attributes; they cannot override the built-in ones. */
  connAttrs?: Readonly<Record<string, string>>;
  /**
   * Rows per decoded batch when streaming; default 4096. Buffered results decode in batches of
   * at least 65 536 rows (or 2 MiB of row data), since nothing reads them before they end.
   */
  batchRows?: number;
  /**
   * Server-side prepared statements (`queryPrepared`, `execute(…, { prepare: true })`) kept
   * open per connection, least recently used closed first; default 256, 1 to 16 382.
   */
  preparedStatementCacheSize?: number;
}

/** TCP settings of the socket (Node's `net.Socket` methods of the same names). */
export interface SocketOptions {
  /** SO_KEEPALIVE; default true. */
  keepAlive?: boolean;
  /** Milliseconds of silence before the first keep-alive probe; default 60 000. */
  keepAliveInitialDelay?: number;
  /** TCP_NODELAY (no Nagle delay for small packets); default true. */
  noDelay?: boolean;
}

/** Options after defaults are applied. */
export interface ResolvedWireOptions extends WireConnectionOptions {
  host: string;
  port: number;
  user: string;
  password: string;
  connectTimeout: number;
  sslMode: SslMode;
  localInfile: boolean;
  multiStatements: boolean;
  enableExtendedDataTypes: boolean;
  vectorDataFormat: 'binary' | 'json';
  batchRows: number;
  preparedStatementCacheSize: number;
  socketOptions: Required<SocketOptions>;
}
