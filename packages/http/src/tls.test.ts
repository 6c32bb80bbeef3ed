import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DataApiServer, startDataApiServer } from '@s2/data-api-server';
import {
  createTlsCertificates,
  type GeneratedCertificates,
  useTestDatabase,
} from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './index.js';
import { fetchTrusting } from './test-support/https-fetch.js';
import { dataApiUrl } from './test-support/local-data-api.js';

const database = useTestDatabase();
const certificateDir = path.join(tmpdir(), `s2-http-tls-${process.pid}`);
let certificates: GeneratedCertificates;
let server: DataApiServer;

beforeAll(async () => {
  certificates = await createTlsCertificates(certificateDir);
  const target = new URL(database.url);
  server = await startDataApiServer({
    target: `mysql://${target.host}`,
    log: false,
    tls: {
      cert: await readFile(certificates.serverCertPath),
      key: await readFile(certificates.serverKeyPath),
    },
  });
});
afterAll(async () => {
  await server?.stop();
  await rm(certificateDir, { recursive: true, force: true });
});

describe('@s2/http over https', () => {
  it('queries the Data API over TLS, verifying the server against the test CA', async () => {
    const url = dataApiUrl(server, database.url);
    expect(url).toMatch(/^https:\/\//);
    const conn = await connect(url, { fetch: fetchTrusting(certificates.ca), retries: 0 });
    await conn.ping();
    expect(await conn.query('SELECT ?, 18446744073709551615', ['over tls'])).toEqual([
      ['over tls', 18446744073709551615n],
    ]);
    await conn.close();
  });

  it('refuses a server its fetch cannot verify', async () => {
    const untrusted = await connect(dataApiUrl(server, database.url), { retries: 0 });
    await expect(untrusted.query('SELECT 1')).rejects.toMatchObject({ errno: 2003 });
    const other = await createTlsCertificates(path.join(certificateDir, 'other'));
    const wrongCa = await connect(dataApiUrl(server, database.url), {
      fetch: fetchTrusting(other.ca),
      retries: 0,
    });
    await expect(wrongCa.query('SELECT 1')).rejects.toMatchObject({ errno: 2003 });
  });
});
