/** Settings of `server.docker.start()`: the dev image's password, license, ports and mounts. */
export interface DockerServerOptions {
  /** Root password; a random one when omitted. */
  password?: string;
  /** License key; defaults to `SINGLESTORE_LICENSE` from the environment. */
  license?: string;
  /** Start Kai (the MongoDB API) on port 27017. */
  enableKai?: boolean;
  /** Engine global variables, each set through `SINGLESTORE_SET_GLOBAL_<NAME>`. */
  globalVariables?: Readonly<Record<string, string | number | boolean>>;
  /** Host directory mounted read-write at /data. */
  dataDir?: string;
  /** Host directory mounted read-only at /logs. */
  logsDir?: string;
  /** Host directory mounted read-only at /server. */
  serverDir?: string;
  /** A SQL file run at first start (mounted read-only as /init.sql). */
  initSql?: string;
  /** Another image (a pinned version, a mirror); default the dev image's `latest`. */
  image?: string;
  /** Fixed host ports; free ones are picked when omitted. */
  serverPort?: number;
  studioPort?: number;
  dataApiPort?: number;
  kaiPort?: number;
  /** How long to wait for the engine to answer `SELECT 1`, in milliseconds. Default 300 s. */
  readyTimeoutMs?: number;
  /** Default database in the connection URLs. */
  database?: string;
}

/** The container `server.docker.start()` runs: image, environment, ports and mounts. */
export interface DockerContainerDefinition {
  readonly image: string;
  readonly environment: Readonly<Record<string, string>>;
  /** Container port → requested host port (undefined: any free port). */
  readonly ports: ReadonlyArray<{ readonly container: number; readonly host?: number }>;
  readonly mounts: ReadonlyArray<{
    readonly source: string;
    readonly target: string;
    readonly mode: 'rw' | 'ro';
  }>;
  readonly password: string;
}
