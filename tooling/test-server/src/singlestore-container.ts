import fs from 'node:fs';
import http from 'node:http';

/** The image the SingleStore dev container comes from. */
export const singlestoreDevImage = 'ghcr.io/singlestore-labs/singlestoredb-dev:latest';

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
  readonly port: number;
  readonly dataApiPort: number;
  readonly password: string;
  stop(): Promise<void>;
}

/**
 * Starts the SingleStore dev image through testcontainers. It needs a Docker engine; the
 * license key comes from `SINGLESTORE_LICENSE` when set (the image runs without one for
 * development use).
 */
export async function startSinglestoreContainer(): Promise<SinglestoreContainer> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const password = `s2-${Math.random().toString(36).slice(2, 12)}`;
  const environment: Record<string, string> = { ROOT_PASSWORD: password };
  if (process.env.SINGLESTORE_LICENSE)
    environment.SINGLESTORE_LICENSE = process.env.SINGLESTORE_LICENSE;
  const container = await new GenericContainer(singlestoreDevImage)
    .withEnvironment(environment)
    .withExposedPorts(3306, 9000)
    .withWaitStrategy(Wait.forLogMessage(/INFO: /))
    .withStartupTimeout(300_000)
    .start();
  return {
    host: container.getHost(),
    port: container.getMappedPort(3306),
    dataApiPort: container.getMappedPort(9000),
    password,
    stop: async () => {
      await container.stop();
    },
  };
}
