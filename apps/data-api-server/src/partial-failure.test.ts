import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataApiServer, startDataApiServer } from './data-api-server.js';

const database = useTestDatabase();
let single: DataApiServer;
let multi: DataApiServer;
let authorization: string;

async function post(server: DataApiServer, path: string, sql: string) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ sql, database: database.name }),
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as unknown };
}

beforeAll(async () => {
  const target = new URL(database.url);
  authorization = `Basic ${Buffer.from(
    `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`,
  ).toString('base64')}`;
  [single, multi] = await Promise.all([
    startDataApiServer({ target: `mysql://${target.host}`, log: false }),
    startDataApiServer({ target: `mysql://${target.host}`, log: false, multiStatements: true }),
  ]);
  await post(single, '/api/v2/exec', 'CREATE TABLE partial (a INT)');
  await post(
    single,
    '/api/v2/exec',
    'CREATE PROCEDURE half_done() BEGIN SELECT 1 AS one; SELECT * FROM no_such_table; END',
  );
});
afterAll(async () => {
  await Promise.all([single?.stop(), multi?.stop()]);
});

describe('HTTP 200 with an "error" field (data-api.md §9.1)', () => {
  it('answers the result sets before a failing statement of a procedure, plus the error', async () => {
    const answer = await post(single, '/api/v2/query/tuples', 'CALL half_done()');
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({
      results: [{ columns: [{ name: 'one', dataType: 'INT', nullable: false }], rows: [[1]] }],
      error: { code: 1146, message: expect.stringMatching(/no_such_table.*doesn't exist/) },
    });
    const rows = await post(single, '/api/v2/query/rows', 'CALL half_done()');
    expect(rows.json()).toMatchObject({ results: [{ rows: [{ one: 1 }] }], error: { code: 1146 } });
  });

  it('does the same for a multi-statement request when multiStatements is on', async () => {
    const answer = await post(
      multi,
      '/api/v2/query/tuples',
      'SELECT 1 AS a; SELECT 2 AS b; SELECT * FROM no_such_table; SELECT 4 AS d',
    );
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({
      results: [{ rows: [[1]] }, { rows: [[2]] }],
      error: { code: 1146 },
    });
    const exec = await post(
      multi,
      '/api/v2/exec',
      'INSERT INTO partial VALUES (1), (2); INSERT INTO no_such_table VALUES (3)',
    );
    expect([exec.status, exec.json()]).toEqual([
      200,
      { lastInsertId: 0, rowsAffected: 2, error: { code: 1146, message: expect.any(String) } },
    ]);
  });

  it('still answers a failure of the first statement with an error status', async () => {
    const first = await post(
      multi,
      '/api/v2/query/tuples',
      'SELECT * FROM no_such_table; SELECT 1',
    );
    expect([first.status, first.text.slice(0, 11)]).toEqual([400, 'Error 1146:']);
  });

  it('refuses several statements in one request by default', async () => {
    const answer = await post(single, '/api/v2/query/tuples', 'SELECT 1; SELECT 2');
    expect([answer.status, answer.text.slice(0, 11)]).toEqual([400, 'Error 1064:']);
  });
});
