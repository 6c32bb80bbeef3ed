import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { DataApiServer } from '@s2/data-api-server';
import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './index.js';
import { compressionThreshold } from './request-compression.js';
import { dataApiUrl, startLocalDataApi } from './test-support/local-data-api.js';

const database = useTestDatabase();
let server: DataApiServer;

interface Exchange {
  requestEncoding: string | null;
  requestBytes: Uint8Array;
  responseEncoding: string | null;
}

/** The real fetch, recording what went over the wire (fetch decodes gzip answers itself). */
function recordingFetch(exchanges: Exchange[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const requestBytes = new Uint8Array(await request.clone().arrayBuffer());
    const response = await fetch(request);
    exchanges.push({
      requestEncoding: request.headers.get('content-encoding'),
      requestBytes,
      responseEncoding: response.headers.get('content-encoding'),
    });
    return response;
  };
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

beforeAll(async () => {
  server = await startLocalDataApi(database.url);
});
afterAll(async () => {
  await server?.stop();
});

describe('gzip over the Data API', () => {
  it('decodes gzip answers: the server really compresses, fetch inflates', async () => {
    const exchanges: Exchange[] = [];
    const conn = await connect(dataApiUrl(server, database.url), {
      fetch: recordingFetch(exchanges),
    });
    const rows = await conn.query("SELECT REPEAT('xyz', 5000) AS long_text, 18446744073709551615");
    expect(rows).toEqual([['xyz'.repeat(5000), 18446744073709551615n]]);
    expect(exchanges.map((exchange) => exchange.responseEncoding)).toEqual(['gzip']);
    await conn.close();

    // node:http does not decode, so this sees the bytes the server put on the wire.
    const target = new URL(dataApiUrl(server, database.url));
    const body = JSON.stringify({ sql: "SELECT REPEAT('xyz', 5000)" });
    const raw = await new Promise<{ encoding: unknown; bytes: Buffer }>((resolve, reject) => {
      const outgoing = httpRequest(
        new URL('/api/v2/query/tuples', server.url),
        {
          method: 'POST',
          auth: `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`,
          headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve({
              encoding: incoming.headers['content-encoding'],
              bytes: Buffer.concat(chunks),
            }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
    expect(raw.encoding).toBe('gzip');
    expect(isGzip(raw.bytes)).toBe(true);
    expect(gunzipSync(raw.bytes).toString('utf8')).toContain('xyzxyz');
  });

  it('leaves request bodies uncompressed by default', async () => {
    const exchanges: Exchange[] = [];
    const conn = await connect(dataApiUrl(server, database.url), {
      fetch: recordingFetch(exchanges),
    });
    await conn.query('SELECT ?', ['p'.repeat(4000)]);
    expect(exchanges[0]?.requestEncoding).toBeNull();
    expect(isGzip(exchanges[0]?.requestBytes ?? new Uint8Array())).toBe(false);
    await conn.close();
  });

  it('gzips request bodies from the chosen size with compressRequests', async () => {
    const exchanges: Exchange[] = [];
    const conn = await connect(dataApiUrl(server, database.url), {
      fetch: recordingFetch(exchanges),
      compressRequests: true,
    });
    const long = 'q'.repeat(200_000);
    const [[length, echoed]] = (await conn.query('SELECT LENGTH(?), ?', [long, 'ünï'])) as [
      [number, string],
    ];
    expect([length, echoed]).toEqual([200_000, 'ünï']);
    await conn.exec('SELECT 1');
    const [big, small] = exchanges;
    expect(big?.requestEncoding).toBe('gzip');
    expect(isGzip(big?.requestBytes ?? new Uint8Array())).toBe(true);
    expect(big?.requestBytes.length).toBeLessThan(2000);
    expect(small?.requestEncoding).toBeNull();
    await conn.close();

    const always = await connect(dataApiUrl(server, database.url), {
      fetch: recordingFetch(exchanges),
      compressRequests: 0,
    });
    expect(await always.query('SELECT 7')).toEqual([[7]]);
    expect(exchanges.at(-1)?.requestEncoding).toBe('gzip');
    await always.close();
  });

  it('turns the option into a byte threshold', () => {
    expect(compressionThreshold(undefined)).toBeUndefined();
    expect(compressionThreshold(false)).toBeUndefined();
    expect(compressionThreshold(true)).toBe(1024);
    expect(compressionThreshold(64)).toBe(64);
  });
});
