import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpReplayServer, startHttpReplayServer } from './http-replay-server.js';

const ANSWER = Buffer.from('{"results":[{"columns":[],"rows":[[1],[9007199254740993]]}]}');

describe('the HTTP replay server', () => {
  let server: HttpReplayServer;
  const url = (path: string) => `http://${server.host}:${server.port}${path}`;

  beforeAll(async () => {
    server = await startHttpReplayServer(new Map([['SELECT a FROM t', ANSWER]]));
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers a recorded statement with the recorded bytes, whatever the other fields', async () => {
    const response = await fetch(url('/api/v2/query/tuples'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic eDp5' },
      body: JSON.stringify({ sql: 'SELECT a FROM t', database: 'any', args: [] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(ANSWER);
  });

  it('says which statement it has not recorded', async () => {
    const response = await fetch(url('/api/v2/query/tuples'), {
      method: 'POST',
      body: JSON.stringify({ sql: 'SELECT b FROM t' }),
    });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('not recorded');
  });

  it('answers /ping', async () => {
    const response = await fetch(url('/ping'));
    expect(await response.text()).toBe('pong');
  });
});
