import { readFile, rm } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createTlsCertificates,
  type GeneratedCertificates,
  useTestDatabase,
} from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataApiServer, startDataApiServer } from './data-api-server.js';

const database = useTestDatabase();
const certificateDir = path.join(tmpdir(), `s2-data-api-tls-${process.pid}`);
let certificates: GeneratedCertificates;
let server: DataApiServer;

function get(url: string, ca: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(url, ca === undefined ? {} : { ca }, (incoming) => {
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => {
        body += chunk;
      });
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

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

describe('HTTPS listener', () => {
  it('serves https:// with the given certificate, which verifies against its CA', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await get(`${server.url}/ping`, certificates.ca)).toEqual({ status: 200, body: 'pong' });
    await expect(get(`${server.url}/ping`, undefined)).rejects.toThrow(/certificate/i);
  });
});
