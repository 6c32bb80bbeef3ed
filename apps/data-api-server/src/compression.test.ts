import { request as httpRequest } from 'node:http';
import { deflateSync, gunzipSync, gzipSync } from 'node:zlib';
import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataApiServer, startDataApiServer } from './data-api-server.js';
import { acceptsGzip } from './response-body.js';

const database = useTestDatabase();
let server: DataApiServer;
let authorization: string;

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request through node:http, which (unlike fetch) leaves Content-Encoding undecoded. */
function raw(
  path: string,
  body: Buffer | undefined,
  headers: Record<string, string>,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${server.url}${path}`,
      {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization,
          'content-type': 'application/json',
          ...(body === undefined ? {} : { 'content-length': String(body.length) }),
          ...headers,
        },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const BIG_QUERY = { sql: "SELECT REPEAT('abc', 2000) AS a, 1 AS b" };

beforeAll(async () => {
  const target = new URL(database.url);
  authorization = `Basic ${Buffer.from(
    `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`,
  ).toString('base64')}`;
  server = await startDataApiServer({ target: `mysql://${target.host}`, log: false });
});
afterAll(async () => {
  await server?.stop();
});

describe('gzip answers', () => {
  it('compresses answers of 1 KiB or more when Accept-Encoding allows gzip', async () => {
    const answer = await raw('/api/v2/query/tuples', json(BIG_QUERY), {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toMatch(/Accept-Encoding/);
    expect(answer.body.length).toBeLessThan(1024);
    const text = gunzipSync(answer.body).toString('utf8');
    expect(JSON.parse(text)).toMatchObject({ results: [{ rows: [['abc'.repeat(2000), 1]] }] });
  });

  it('sends identity when gzip is not accepted or the answer is tiny', async () => {
    const refused = await raw('/api/v2/query/tuples', json(BIG_QUERY), {
      'accept-encoding': 'gzip;q=0, identity',
    });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.headers.vary).toMatch(/Accept-Encoding/);
    expect(refused.body.toString('utf8')).toContain('abcabc');
    const tiny = await raw('/api/v2/query/tuples', json({ sql: 'SELECT 1' }), {
      'accept-encoding': 'gzip',
    });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(tiny.body.toString('utf8'))).toMatchObject({ results: [{ rows: [[1]] }] });
  });

  it('reads Accept-Encoding quality values as RFC 9110 defines them', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('compress,identity')).toBe(false);
    expect(acceptsGzip('GZIP')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('*;q=0.1, gzip;q=0')).toBe(false);
    expect(acceptsGzip(['identity', 'x-gzip'])).toBe(true);
  });
});

describe('compressed request bodies', () => {
  it('decodes gzip and deflate bodies', async () => {
    const body = json({ sql: 'SELECT ? AS v', args: ['compressed'] });
    for (const [encoding, compressed] of [
      ['gzip', gzipSync(body)],
      ['deflate', deflateSync(body)],
    ] as const) {
      const answer = await raw('/api/v2/query/tuples', compressed, {
        'content-encoding': encoding,
      });
      expect({ encoding, status: answer.status }).toEqual({ encoding, status: 200 });
      expect(answer.body.toString('utf8')).toContain('"rows":[["compressed"]]');
    }
  });

  it('rejects unknown encodings with 415 and names the ones it accepts', async () => {
    const answer = await raw('/api/v2/exec', json({ sql: 'SELECT 1' }), {
      'content-encoding': 'br',
    });
    expect(answer.status).toBe(415);
    expect(answer.headers['accept-encoding']).toMatch(/gzip/);
  });

  it('rejects a body that is not the gzip it claims to be with 400', async () => {
    const answer = await raw('/api/v2/exec', json({ sql: 'SELECT 1' }), {
      'content-encoding': 'gzip',
    });
    expect([answer.status, answer.body.toString('utf8')]).toEqual([
      400,
      'Invalid request body: not valid gzip data',
    ]);
  });

  it('applies the 1 MB limit to the decompressed size, so a zip bomb gets 413', async () => {
    const under = json({ sql: `SELECT LENGTH('${'y'.repeat(1_048_576 - 64)}')` });
    const fits = await raw('/api/v2/query/tuples', gzipSync(under), { 'content-encoding': 'gzip' });
    expect(fits.body.toString('utf8')).toContain('"rows":[[1048512]]');
    const over = json({ sql: `SELECT LENGTH('${'y'.repeat(1_048_576)}')` });
    const gzipped = gzipSync(over);
    expect(gzipped.length).toBeLessThan(10_000);
    const tooLarge = await raw('/api/v2/query/tuples', gzipped, { 'content-encoding': 'gzip' });
    expect([tooLarge.status, tooLarge.body.toString('utf8')]).toEqual([
      413,
      'Request body is larger than the limit of 1048576 bytes once decompressed',
    ]);
    // 64 MB of zeros in about 64 KB: refused as soon as inflating passes 1 MB.
    const bomb = gzipSync(Buffer.alloc(64 * 1_048_576), { level: 9 });
    const exploded = await raw('/api/v2/exec', bomb, { 'content-encoding': 'gzip' });
    expect(exploded.status).toBe(413);
  });
});
