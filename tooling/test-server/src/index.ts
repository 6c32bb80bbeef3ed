export { adminConnection } from './admin-connection.js';
export { detectCapabilities } from './capabilities.js';
export { findFreePort } from './free-port.js';
export { instancesRoot, sweepStaleInstances } from './instance-registry.js';
export {
  canStartLocalMariadb,
  type LocalMariadb,
  type LocalMariadbOptions,
  startLocalMariadb,
} from './local-mariadb.js';
export { formatServerUrl, parseServerUrl, type ServerAddress } from './server-url.js';
export {
  type ContainerDefinition,
  dockerEngineAnswers,
  type SinglestoreContainer,
  type SinglestoreContainerOptions,
  singlestoreContainerDefinition,
  singlestoreContainerPorts,
  singlestoreDevImage,
  startSinglestoreContainer,
} from './singlestore-container.js';
export { type StartTestServerOptions, startTestServer } from './start-test-server.js';
export { type TestDatabase, testServer, useTestDatabase } from './test-database.js';
export { createTlsCertificates, type GeneratedCertificates } from './tls-certificates.js';
export type {
  ServerCapabilities,
  ServerFlavour,
  ServerSource,
  TestServer,
  TestServerInfo,
  TestTlsFiles,
} from './types.js';
export { waitUntilReady } from './wait-until-ready.js';
