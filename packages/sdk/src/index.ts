/**
 * The SingleStoreDB SDK for TypeScript. `connect()` chooses the transport from the URL; every
 * package of the SDK is re-exported here by name, and whole under a subpath
 * (`@s2/sdk/wire`, `@s2/sdk/http`, `@s2/sdk/core-cursor`, `@s2/sdk/management`,
 * `@s2/sdk/accel-wasm`).
 */

export {
  type AccelImplementation,
  type AccelMode,
  type AccelStatus,
  accelStatus,
  activeImplementation,
  getAccelMode,
  loadAccel,
  setAccelMode,
} from '@s2/accel-wasm';
export * from '@s2/core-cursor';
export { HttpConnection, type HttpOptions, routeStatement, type StatementRoute } from '@s2/http';
export {
  ManagementError,
  type ManagementOptions,
  manageFiles,
  manageRegions,
  manageWorkspaces,
  NamedList,
  WorkspaceManager,
} from '@s2/management';
export {
  ConnectionPool,
  connectWithParams,
  createPool,
  type PoolOptions,
  WireConnection,
  type WireConnectionOptions,
} from '@s2/wire';
export { connect } from './connect.js';
export {
  type DockerContainerDefinition,
  type DockerServer,
  type DockerServerOptions,
  type LocalServer,
  type LocalServerOptions,
  server,
} from './server/index.js';
