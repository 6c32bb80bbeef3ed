/** Which kind of MySQL-compatible server the tests are talking to. */
export type ServerFlavour = 'singlestore' | 'mariadb' | 'mysql';

/** Where the server came from. */
export type ServerSource = 'env' | 'container' | 'local';

/** What a test may gate on. */
export interface ServerCapabilities {
  readonly flavour: ServerFlavour;
  /** The server's `@@version`, e.g. `10.11.19-MariaDB-0+deb12u1` or `8.9.3`. */
  readonly version: string;
  /** The SingleStore engine version (`@@memsql_version`) when flavour is singlestore. */
  readonly singlestoreVersion?: string;
  readonly source: ServerSource;
  /** True when the server accepts TLS connections. */
  readonly tls: boolean;
}

/** TLS material the harness generated for a local server. */
export interface TestTlsFiles {
  /** PEM of the CA that signed the server certificate. */
  readonly ca: string;
  readonly caPath: string;
  /** A client certificate and key signed by the same CA (for mutual-TLS tests). */
  readonly clientCertPath: string;
  readonly clientKeyPath: string;
  /** The names in the server certificate: `localhost` and `127.0.0.1`. */
  readonly serverNames: readonly string[];
}

/** Plain, serialisable description of a running server (safe to pass between processes). */
export interface TestServerInfo {
  /** `mysql://user:password@host:port` with no database. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Unix socket path for local servers. */
  readonly socketPath?: string;
  readonly capabilities: ServerCapabilities;
  readonly tls?: TestTlsFiles;
}

/** A running test server. */
export interface TestServer extends TestServerInfo {
  /** Stops the server and removes everything it wrote. Safe to call twice. */
  stop(): Promise<void>;
}
