import { type DataApiServer, startDataApiServer } from '@s2/data-api-server';
import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll } from 'vitest';
import { connect } from '../../src/connect.js';
import { defineConformanceSuite } from './define-conformance-suite.js';

const database = useTestDatabase();
let server: DataApiServer | undefined;

beforeAll(async () => {
  const target = new URL(database.url);
  server = await startDataApiServer({ target: `mysql://${target.host}`, log: false });
});

afterAll(async () => {
  await server?.stop();
});

/** The test database's URL with the Data API server's address in place of the MySQL one. */
function dataApiUrl(): string {
  if (!server) throw new Error('the Data API server starts in beforeAll');
  // Rebuilt as text: WHATWG URLs refuse to switch a mysql: URL to the special http: scheme.
  const mysql = new URL(database.url);
  return `http://${mysql.username}:${mysql.password}@${new URL(server.url).host}${mysql.pathname}`;
}

defineConformanceSuite('http', (extra = {}) => connect({ ...extra, url: dataApiUrl() }));
