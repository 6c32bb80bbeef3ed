import { adminConnection } from './admin-connection.js';
import { detectCapabilities } from './capabilities.js';
import {
  canStartLocalMariadb,
  type LocalMariadbOptions,
  startLocalMariadb,
} from './local-mariadb.js';
import { formatServerUrl, parseServerUrl, type ServerAddress } from './server-url.js';
import { dockerEngineAnswers, startSinglestoreContainer } from './singlestore-container.js';
import type { ServerSource, TestServer, TestTlsFiles } from './types.js';

/** How to pick and start the server. */
export interface StartTestServerOptions extends LocalMariadbOptions {
  /** Defaults to `process.env.SINGLESTOREDB_URL`; an empty string skips it. */
  url?: string;
  /** Try a SingleStore container when a Docker engine answers. Default: true unless `S2_TEST_CONTAINER=0`. */
  container?: boolean;
}

async function describe(
  address: ServerAddress,
  source: ServerSource,
  stop: () => Promise<void>,
  extras: { socketPath?: string; tls?: TestTlsFiles } = {},
): Promise<TestServer> {
  const connection = await adminConnection(address);
  try {
    const capabilities = await detectCapabilities(connection, source);
    return { ...address, url: formatServerUrl(address), capabilities, ...extras, stop };
  } finally {
    await connection.end();
  }
}

/**
 * Gives the tests a real MySQL-compatible server, in this order: `SINGLESTOREDB_URL` when set;
 * a SingleStore dev container when a Docker engine answers; a throwaway local MariaDB; else an
 * error that says what to install.
 */
export async function startTestServer(options: StartTestServerOptions = {}): Promise<TestServer> {
  const url = options.url ?? process.env.SINGLESTOREDB_URL ?? '';
  if (url) {
    return describe(parseServerUrl(url), 'env', async () => {});
  }
  const tryContainer = options.container ?? process.env.S2_TEST_CONTAINER !== '0';
  if (tryContainer && (await dockerEngineAnswers())) {
    const container = await startSinglestoreContainer({}, async (address) => {
      const connection = await adminConnection(address);
      try {
        await connection.query('SELECT 1');
      } finally {
        await connection.end();
      }
    });
    const address = {
      host: container.host,
      port: container.ports.sql,
      user: 'root',
      password: container.password,
    };
    try {
      return await describe(address, 'container', container.stop);
    } catch (error) {
      await container.stop();
      throw error;
    }
  }
  if (canStartLocalMariadb(options.binDirs)) {
    const local = await startLocalMariadb(options);
    const address = { host: '127.0.0.1', port: local.port, user: 'root', password: '' };
    const tls = local.certificates
      ? {
          ca: local.certificates.ca,
          caPath: local.certificates.caPath,
          clientCertPath: local.certificates.clientCertPath,
          clientKeyPath: local.certificates.clientKeyPath,
          serverNames: local.certificates.serverNames,
        }
      : undefined;
    try {
      return await describe(address, 'local', local.stop, { socketPath: local.socketPath, tls });
    } catch (error) {
      await local.stop();
      throw error;
    }
  }
  throw new Error(
    'no test database is available: set SINGLESTOREDB_URL to a SingleStore server, start a Docker ' +
      'engine for the SingleStore dev container, or install MariaDB (Debian: apt-get install mariadb-server).',
  );
}
