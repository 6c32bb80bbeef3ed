import { ProgrammingError } from '@s2/core-cursor';
import type { DataApiServer } from '@s2/data-api-server';
import { useTestDatabase } from '@s2/test-server';
import { connect as connectWire } from '@s2/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './index.js';
import { dataApiUrl, startLocalDataApi } from './test-support/local-data-api.js';

const database = useTestDatabase();
let server: DataApiServer;

beforeAll(async () => {
  server = await startLocalDataApi(database.url);
  const wire = await connectWire(database.url);
  await wire.query(
    'CREATE PROCEDURE half_done() BEGIN SELECT 1 AS one; SELECT * FROM no_such_table; END',
  );
  await wire.close();
});
afterAll(async () => {
  await server?.stop();
});

describe('a statement failing after earlier results (HTTP 200 with "error")', () => {
  it('throws the error class and errno the wire client throws for the same call', async () => {
    const statuses: number[] = [];
    const conn = await connect(dataApiUrl(server, database.url), {
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        statuses.push(response.status);
        return response;
      },
    });
    const failure = await conn.query('CALL half_done()').catch((error: unknown) => error);
    // The answer really was the 200 form, not an error status.
    expect(statuses).toEqual([200]);
    expect(failure).toBeInstanceOf(ProgrammingError);
    expect(failure).toMatchObject({ errno: 1146, detail: expect.stringMatching(/no_such_table/) });
    await conn.close();

    const wire = await connectWire(database.url);
    const overWire = await wire.query('CALL half_done()').catch((error: unknown) => error);
    await wire.close();
    expect(overWire).toBeInstanceOf(ProgrammingError);
    expect((overWire as ProgrammingError).errno).toBe(1146);
  });
});
