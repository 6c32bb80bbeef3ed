import type { Connection, ResultsType } from '@s2/core-cursor';
import {
  singlestoreContainerDefinition,
  startSinglestoreContainer,
} from '@s2/test-server/singlestore-container';
import { connect } from '../connect.js';
import type { DockerContainerDefinition, DockerServerOptions } from './docker-options.js';

/** A SingleStore dev container started by {@link startDockerServer}. */
export interface DockerServer {
  /** `singlestoredb://root:<password>@localhost:<port>[/database]` */
  readonly connectionUrl: string;
  /** `singlestoredb+http://root:<password>@localhost:<port>[/database]` (the Data API). */
  readonly httpConnectionUrl: string;
  /** `http://localhost:<port>` (SingleStore Studio). */
  readonly studioUrl: string;
  /** `mongodb://…` when Kai is enabled. */
  readonly kaiUrl?: string;
  readonly password: string;
  /** Connects over the wire protocol (or the Data API with `{ http: true }`). */
  connect(options?: { http?: boolean; database?: string }): Promise<Connection<ResultsType>>;
  /** The container's log so far. */
  logs(): Promise<string>;
  /** Stops (and removes) the container. */
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

function withDatabase(url: string, database: string | undefined): string {
  return database ? `${url}/${encodeURIComponent(database)}` : url;
}

/**
 * Starts `ghcr.io/singlestore-labs/singlestoredb-dev` through testcontainers (install the
 * optional `testcontainers` package) and waits until it answers `SELECT 1`. Needs a Docker
 * engine; without one it fails at once and says so. Unlike the Python launcher it never writes
 * `process.env`: use the returned URLs or `connect()`.
 */
export async function startDockerServer(options: DockerServerOptions = {}): Promise<DockerServer> {
  const container = await startSinglestoreContainer(options, async ({ host, port, password }) => {
    const probe = await connect(
      `mysql://root:${encodeURIComponent(password)}@${host}:${port}?connectTimeout=5`,
    );
    try {
      await probe.query('SELECT 1');
    } finally {
      await probe.close();
    }
  });
  const password = encodeURIComponent(container.password);
  const connectionUrl = withDatabase(
    `singlestoredb://root:${password}@localhost:${container.ports.sql}`,
    options.database,
  );
  const httpConnectionUrl = withDatabase(
    `singlestoredb+http://root:${password}@localhost:${container.ports.dataApi}`,
    options.database,
  );
  return {
    connectionUrl,
    httpConnectionUrl,
    studioUrl: `http://localhost:${container.ports.studio}`,
    ...(container.ports.kai
      ? {
          kaiUrl: `mongodb://root:${password}@localhost:${container.ports.kai}/?authMechanism=PLAIN&loadBalanced=true`,
        }
      : {}),
    password: container.password,
    connect: ({ http = false, database = options.database } = {}) =>
      connect(
        withDatabase(
          `${http ? 'http' : 'mysql'}://root:${password}@localhost:${http ? container.ports.dataApi : container.ports.sql}`,
          database,
        ),
      ),
    logs: container.logs,
    stop: container.stop,
    [Symbol.asyncDispose]: container.stop,
  };
}

/** The container the Docker launcher would start, without starting it. */
export function dockerServerDefinition(
  options: DockerServerOptions = {},
): DockerContainerDefinition {
  return singlestoreContainerDefinition(options);
}
