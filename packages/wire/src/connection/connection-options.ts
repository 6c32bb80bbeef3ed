import type { AuthPlugin } from '../auth/auth-plugin.js';

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
  /** Rows per decoded batch when streaming; default 4096. */
  batchRows?: number;
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
}
