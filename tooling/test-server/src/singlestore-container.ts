import fs from 'node:fs';
import http from 'node:http';
import { waitUntilReady } from './wait-until-ready.js';

/** The image the SingleStore dev container comes from. */
export const singlestoreDevImage = 'ghcr.io/singlestore-labs/singlestoredb-dev:latest';

/** Ports inside the dev image. */
export const singlestoreContainerPorts = {
  sql: 3306,
  studio: 8080,
  dataApi: 9000,
  kai: 27017,
} as const;

/** What the dev container is started with. */
export interface SinglestoreContainerOptions {
  /** Root password; a random one when omitted. */
  password?: string;
  /** License key; defaults to `SINGLESTORE_LICENSE` from the environment. */
  license?: string;
  /** Start Kai (the MongoDB API) on port 27017. */
  enableKai?: boolean;
  /** Engine global variables, each set through `SINGLESTORE_SET_GLOBAL_<NAME>`. */
  globalVariables?: Readonly<Record<string, string | number | boolean>>;
  /** Host directories mounted into the container. */
  dataDir?: string;
  logsDir?: string;
  serverDir?: string;
  /** A SQL file run at first start (mounted as /init.sql). */
  initSql?: string;
  /** Another image (a pinned version, a mirror). */
  image?: string;
  /** Fixed host ports; free ones are picked when omitted. */
  serverPort?: number;
  studioPort?: number;
  dataApiPort?: number;
  kaiPort?: number;
  /** How long to wait for the engine to answer `SELECT 1`. Default 300 s. */
  readyTimeoutMs?: number;
}

/** The container's image, environment, ports and mounts, independent of any Docker client. */
export interface ContainerDefinition {
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

function randomPassword(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}

/** Builds the dev container's definition from the options, as spec'd for the Python launcher. */
export function singlestoreContainerDefinition(
  options: SinglestoreContainerOptions = {},
): ContainerDefinition {
  const password = options.password ?? randomPassword();
  const environment: Record<string, string> = { ROOT_PASSWORD: password };
  const license = options.license ?? process.env.SINGLESTORE_LICENSE;
  if (license) environment.SINGLESTORE_LICENSE = license;
  if (options.enableKai) environment.ENABLE_KAI = '1';
  for (const [name, value] of Object.entries(options.globalVariables ?? {})) {
    if (!/^[a-z_][a-z0-9_]*$/i.test(name))
      throw new Error(`not a global variable name: ${JSON.stringify(name)}`);
    environment[`SINGLESTORE_SET_GLOBAL_${name.toUpperCase()}`] = String(value);
  }
  const ports: Array<{ container: number; host?: number }> = [
    { container: singlestoreContainerPorts.sql, host: options.serverPort },
    { container: singlestoreContainerPorts.studio, host: options.studioPort },
    { container: singlestoreContainerPorts.dataApi, host: options.dataApiPort },
  ];
  if (options.enableKai)
    ports.push({ container: singlestoreContainerPorts.kai, host: options.kaiPort });
  const mounts: Array<{ source: string; target: string; mode: 'rw' | 'ro' }> = [];
  if (options.dataDir) mounts.push({ source: options.dataDir, target: '/data', mode: 'rw' });
  if (options.logsDir) mounts.push({ source: options.logsDir, target: '/logs', mode: 'ro' });
  if (options.serverDir) mounts.push({ source: options.serverDir, target: '/server', mode: 'ro' });
  if (options.initSql) mounts.push({ source: options.initSql, target: '/init.sql', mode: 'ro' });
  return { image: options.image ?? singlestoreDevImage, environment, ports, mounts, password };
}

function dockerSocketPath(): string | undefined {
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith('unix://')) return host.slice('unix://'.length);
  if (host) return undefined;
  return fs.existsSync('/var/run/docker.sock') ? '/var/run/docker.sock' : undefined;
}

/** True when a Docker engine answers `/_ping` within a second. */
export function dockerEngineAnswers(): Promise<boolean> {
  const socketPath = dockerSocketPath();
  if (!socketPath) return Promise.resolve(false);
  return new Promise((resolve) => {
    const request = http.get({ socketPath, path: '/_ping', timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/** A running SingleStore dev container. */
export interface SinglestoreContainer {
  readonly host: string;
  readonly password: string;
  /** Host ports by use. */
  readonly ports: {
    readonly sql: number;
    readonly studio: number;
    readonly dataApi: number;
    readonly kai?: number;
  };
  logs(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the SingleStore dev image through testcontainers, then waits until `probe` (a connect
 * and `SELECT 1` as root) succeeds. Fails at once with a clear message when no Docker engine
 * answers.
 */
export async function startSinglestoreContainer(
  options: SinglestoreContainerOptions,
  probe: (address: { host: string; port: number; user: string; password: string }) => Promise<void>,
): Promise<SinglestoreContainer> {
  if (!(await dockerEngineAnswers())) {
    throw new Error(
      'no Docker engine answers (checked DOCKER_HOST and /var/run/docker.sock): start Docker to run the SingleStore dev container',
    );
  }
  const definition = singlestoreContainerDefinition(options);
  const { GenericContainer } = await import('testcontainers');
  let builder = new GenericContainer(definition.image).withEnvironment({
    ...definition.environment,
  });
  for (const port of definition.ports) {
    builder = builder.withExposedPorts(
      port.host ? { container: port.container, host: port.host } : port.container,
    );
  }
  if (definition.mounts.length > 0) {
    builder = builder.withBindMounts(
      definition.mounts.map((mount) => ({
        source: mount.source,
        target: mount.target,
        mode: mount.mode,
      })),
    );
  }
  const container = await builder.withStartupTimeout(options.readyTimeoutMs ?? 300_000).start();
  const host = container.getHost();
  const ports = {
    sql: container.getMappedPort(singlestoreContainerPorts.sql),
    studio: container.getMappedPort(singlestoreContainerPorts.studio),
    dataApi: container.getMappedPort(singlestoreContainerPorts.dataApi),
    ...(options.enableKai ? { kai: container.getMappedPort(singlestoreContainerPorts.kai) } : {}),
  };
  try {
    await waitUntilReady(
      () => probe({ host, port: ports.sql, user: 'root', password: definition.password }),
      {
        timeoutMs: options.readyTimeoutMs ?? 300_000,
        what: `the SingleStore container on ${host}:${ports.sql}`,
      },
    );
  } catch (error) {
    await container.stop();
    throw error;
  }
  return {
    host,
    password: definition.password,
    ports,
    logs: async () => {
      const stream = await container.logs();
      const chunks: string[] = [];
      await new Promise<void>((resolve) => {
        stream.on('data', (chunk: Buffer | string) => chunks.push(chunk.toString()));
        stream.on('end', () => resolve());
        setTimeout(resolve, 500);
      });
      stream.destroy();
      return chunks.join('');
    },
    stop: async () => {
      await container.stop();
    },
  };
}
