import { HttpConnection } from '@s2/http';
import { useTestDatabase } from '@s2/test-server';
import { WireConnection } from '@s2/wire';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect } from './connect.js';

const database = useTestDatabase();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('connect', () => {
  it('goes over the MySQL protocol for mysql:// and singlestoredb:// URLs', async () => {
    await using conn = await connect(database.url);
    expect(conn).toBeInstanceOf(WireConnection);
    expect(await conn.query('SELECT DATABASE()')).toEqual([[database.name]]);
    await using again = await connect(database.url.replace(/^mysql:/, 'singlestoredb:'));
    expect(again).toBeInstanceOf(WireConnection);
  });

  it('reads SINGLESTOREDB_URL when called with nothing', async () => {
    vi.stubEnv('SINGLESTOREDB_URL', database.url);
    await using conn = await connect();
    expect(await conn.query('SELECT 1 + 1')).toEqual([[2]]);
  });

  it('lets explicit parameters override the URL', async () => {
    await using conn = await connect({ url: database.url, resultsType: 'dicts' });
    expect(await conn.query('SELECT 7 AS n')).toEqual([{ n: 7 }]);
  });

  it('goes over the Data API for http:// and https:// URLs, without a request until asked', async () => {
    await using conn = await connect('https://user:secret@data-api.invalid/app');
    expect(conn).toBeInstanceOf(HttpConnection);
    expect(String((conn as HttpConnection).baseUrl)).toContain('data-api.invalid');
  });

  it('never shows the password when connecting fails', async () => {
    await expect(
      connect({ url: 'mysql://nobody:hunter2-secret@127.0.0.1:1/db', connectTimeout: 2 }),
    ).rejects.toSatisfy((error: unknown) => !String((error as Error).message).includes('hunter2'));
  });
});
