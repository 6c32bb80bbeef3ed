import { dockerServerDefinition, startDockerServer } from './docker-server.js';
import { startLocalServer } from './local-server.js';

export type { DockerContainerDefinition, DockerServerOptions } from './docker-options.js';
export type { DockerServer } from './docker-server.js';
export type { LocalServer, LocalServerOptions } from './local-server.js';

/**
 * Server tools (the Python SDK's `singlestoredb.server`): `server.docker.start()` runs the
 * SingleStore dev container; `server.local.start()` runs a throwaway local MariaDB.
 */
export const server = {
  docker: { start: startDockerServer, definition: dockerServerDefinition },
  local: { start: startLocalServer },
} as const;
