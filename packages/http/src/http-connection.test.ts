import {
  IntegrityError,
  InternalError,
  NotSupportedError,
  OperationalError,
  ProgrammingError,
} from '@s2/core-cursor';
import type { DataApiServer } from '@s2/data-api-server';
import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type HttpConnection } from './index.js';
import { dataApiUrl, startLocalDataApi } from './test-support/local-data-api.js';

const database = useTestDatabase();
let server: DataApiServer;
let http: HttpConnection;
let url: string;

interface SeenRequest {
  url: string;
  authorization: string | null;
  body: string;
}

/** A fetch that records what it sends, to check the wire format without mocking the server. */
function recordingFetch(seen: SeenRequest[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    seen.push({
      url: request.url,
      authorization: request.headers.get('authorization'),
      body: request.method === 'POST' ? await request.clone().text() : '',
    });
    return fetch(request);
  };
}

beforeAll(async () => {
  server = await startLocalDataApi(database.url);
  url = dataApiUrl(server, database.url);
  http = await connect(url);
  await http.exec('CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(20))');
});
afterAll(async () => {
  await http?.close();
  await server?.stop();
});

describe('HttpConnection', () => {
  it('sends ? args in the args field, the database with each request, Basic auth, and no auth to /ping', async () => {
    const seen: SeenRequest[] = [];
    const connection = await connect(url, { fetch: recordingFetch(seen) });
    const rows = await connection.query('SELECT ?, ?, DATABASE()', [12345678901234567890n, "it's"]);
    expect(rows).toEqual([[12345678901234567890n, "it's", database.name]]);
    await connection.ping();
    expect(JSON.parse(seen[0]?.body ?? '{}')).toMatchObject({
      sql: 'SELECT ?, ?, DATABASE()',
      database: database.name,
    });
    expect(seen[0]?.body).toContain('"args":[12345678901234567890,"it\'s"]');
    expect(seen[0]?.url).toMatch(/\/api\/v2\/query\/tuples$/);
    expect(seen[0]?.authorization).toMatch(/^Basic /);
    expect(seen[1]?.url).toMatch(/\/ping$/);
    expect(seen[1]?.authorization).toBeNull();
    await connection.close();
  });

  it('routes EXPLAIN, DESC, parenthesised and commented queries to rows, DML to exec', async () => {
    expect(await http.query('-- leading comment\n(SELECT 1) UNION (SELECT 2)')).toEqual([[1], [2]]);
    expect(((await http.query('DESC people')) as unknown[][]).length).toBe(2);
    expect(
      ((await http.query('EXPLAIN SELECT * FROM people')) as unknown[][]).length,
    ).toBeGreaterThan(0);
    expect(await http.exec('INSERT INTO people VALUES (?, ?), (?, ?)', [1, 'a', 2, 'b'])).toEqual({
      rowsAffected: 2,
      lastInsertId: null,
    });
    const cursor = http.cursor({ resultsType: 'dicts' });
    await cursor.execute('SELECT * FROM people WHERE id = :id', { id: 2 });
    expect(await cursor.fetchAll()).toEqual([{ id: 2, name: 'b' }]);
    expect(cursor.description?.map((column) => column.name)).toEqual(['id', 'name']);
  });

  it('maps server errors into the S2Error family with the errno from the body', async () => {
    const missing = await http
      .query('SELECT * FROM no_such_table')
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ProgrammingError);
    expect((missing as ProgrammingError).errno).toBe(1146);
    const duplicate = await http
      .exec('INSERT INTO people VALUES (1, ?)', ['x'])
      .catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(IntegrityError);
    expect((duplicate as IntegrityError).errno).toBe(1062);
    const tooBig = await http
      .query('SELECT LENGTH(?)', ['z'.repeat(1_100_000)])
      .catch((error: unknown) => error);
    expect(tooBig).toBeInstanceOf(InternalError);
    expect((tooBig as InternalError).errno).toBe(413);
  });

  it('reports wrong credentials as OperationalError 1045 without the password', async () => {
    const wrong = new URL(url);
    wrong.password = 'not-the-password';
    const connection = await connect(wrong.toString());
    const error = await connection.query('SELECT 1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OperationalError);
    expect((error as OperationalError).errno).toBe(1045);
    expect(String(error)).not.toContain('not-the-password');
  });

  it('refuses transactions, LOCAL INFILE and session state with NotSupportedError saying why', async () => {
    await expect(http.begin()).rejects.toThrow(/no session between requests/);
    await expect(http.setAutocommit(false)).rejects.toBeInstanceOf(NotSupportedError);
    await expect(http.exec('USE mysql')).rejects.toThrow(/database option/);
    await expect(http.exec('SET @a = 1')).rejects.toBeInstanceOf(NotSupportedError);
    const cursor = http.cursor();
    await expect(
      cursor.execute("LOAD DATA LOCAL INFILE ':stream:' INTO TABLE people", undefined, {
        infileStream: (async function* () {
          yield '3,c\n';
        })(),
      }),
    ).rejects.toThrow(/LOCAL INFILE/);
    await http.commit();
    await http.rollback();
  });

  it('stops a running query on AbortSignal and on the per-request timeout', async () => {
    const controller = new AbortController();
    const cursor = http.cursor();
    const running = cursor.execute('SELECT SLEEP(20)', undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 100);
    const aborted = await running.catch((error: unknown) => error);
    expect(aborted).toBeInstanceOf(OperationalError);
    expect((aborted as OperationalError).errno).toBe(1317);
    const impatient = await connect(url, { queryTimeout: 200 });
    const timedOut = await impatient.query('SELECT SLEEP(20)').catch((error: unknown) => error);
    expect((timedOut as OperationalError).errno).toBe(2013);
  });

  it('turns network failures into OperationalError and retries only safe statements', async () => {
    let calls = 0;
    const failing: typeof fetch = async () => {
      calls++;
      throw new TypeError('fetch failed');
    };
    const connection = await connect(url, { fetch: failing, retries: 2 });
    const read = await connection.query('SELECT 1').catch((error: unknown) => error);
    expect((read as OperationalError).errno).toBe(2003);
    const readCalls = calls;
    calls = 0;
    await connection.exec('INSERT INTO people VALUES (9, ?)', ['z']).catch(() => undefined);
    expect([readCalls, calls]).toEqual([3, 1]);
  });
});
