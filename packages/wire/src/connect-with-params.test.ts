import { buildConnectionParams } from '@s2/core-cursor';
import { useTestDatabase } from '@s2/test-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectWithParams } from './index.js';

const database = useTestDatabase();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('connectWithParams', () => {
  it('applies the resolved settings: results type and value options from the URL', async () => {
    const params = buildConnectionParams(`${database.url}?resultsType=dicts&bigint=string`);
    await using conn = await connectWithParams(params);
    expect(await conn.query('SELECT 9007199254740993 AS big, DATABASE() AS db')).toEqual([
      { big: '9007199254740993', db: database.name },
    ]);
  });

  it('connects from SINGLESTOREDB_URL when no URL is given', async () => {
    vi.stubEnv('SINGLESTOREDB_URL', database.url);
    await using conn = await connectWithParams(buildConnectionParams());
    expect(await conn.query('SELECT DATABASE()')).toEqual([[database.name]]);
  });
});
