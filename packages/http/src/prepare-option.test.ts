import type { DataApiServer } from '@s2/data-api-server';
import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type HttpConnection } from './index.js';
import { dataApiUrl, startLocalDataApi } from './test-support/local-data-api.js';

const database = useTestDatabase();
let server: DataApiServer;
let url: string;
let http: HttpConnection;

/** A fetch that records the bodies it posts, to see how parameters travel. */
function recordingFetch(bodies: Record<string, unknown>[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.method === 'POST') bodies.push(JSON.parse(await request.clone().text()));
    return fetch(request);
  };
}

beforeAll(async () => {
  server = await startLocalDataApi(database.url);
  url = dataApiUrl(server, database.url);
  http = await connect(url);
  await http.exec('CREATE TABLE prepared_rows (id INT PRIMARY KEY, name VARCHAR(20))');
});
afterAll(async () => {
  await http?.close();
  await server?.stop();
});

const INSERT = 'INSERT INTO prepared_rows VALUES (?, ?)';

describe('the prepare connection option over HTTP', () => {
  it('sends executeMany row by row with args, never inlining the values, as @s2/wire does', async () => {
    const withOption = new URL(url);
    withOption.searchParams.set('prepare', 'true');
    for (const [index, target] of [withOption.toString(), { url, prepare: true }].entries()) {
      const bodies: Record<string, unknown>[] = [];
      await using connection = await connect(target, { fetch: recordingFetch(bodies) });
      await using cursor = connection.cursor();
      const id = 10 * index;
      await cursor.executeMany(INSERT, [
        [id + 1, "it's"],
        [id + 2, 'b'],
      ]);
      expect(cursor.rowCount).toBe(2);
      expect(bodies.map(({ sql, args }) => [sql, args])).toEqual([
        [INSERT, [id + 1, "it's"]],
        [INSERT, [id + 2, 'b']],
      ]);
    }
    expect(await http.query('SELECT id, name FROM prepared_rows ORDER BY id')).toEqual([
      [1, "it's"],
      [2, 'b'],
      [11, "it's"],
      [12, 'b'],
    ]);
  });

  it('leaves the multi-row INSERT rewrite to connections without it, or calls that say prepare: false', async () => {
    const bodies: Record<string, unknown>[] = [];
    await using connection = await connect(
      { url, prepare: true },
      { fetch: recordingFetch(bodies) },
    );
    await using cursor = connection.cursor();
    await cursor.executeMany(
      INSERT,
      [
        [21, 'c'],
        [22, 'd'],
      ],
      { prepare: false },
    );
    await using plain = await connect(url, { fetch: recordingFetch(bodies) });
    await plain.cursor().executeMany(INSERT, [
      [23, 'e'],
      [24, 'f'],
    ]);
    expect(bodies).toEqual([
      expect.objectContaining({ sql: "INSERT INTO prepared_rows VALUES (21, 'c'),(22, 'd')" }),
      expect.objectContaining({ sql: "INSERT INTO prepared_rows VALUES (23, 'e'),(24, 'f')" }),
    ]);
  });
});
