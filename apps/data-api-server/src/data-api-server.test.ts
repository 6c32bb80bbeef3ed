import { testServer, useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataApiServer, startDataApiServer } from './data-api-server.js';

const database = useTestDatabase();
const logLines: string[] = [];
let server: DataApiServer;
let target: URL;

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function rootAuth(): string {
  return basic(decodeURIComponent(target.username), decodeURIComponent(target.password));
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: rootAuth(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

beforeAll(async () => {
  target = new URL(database.url);
  server = await startDataApiServer({
    target: `mysql://${target.host}`,
    log: (line) => logLines.push(line),
  });
});
afterAll(async () => {
  await server?.stop();
});

describe('data-api-server', () => {
  it('answers /ping without credentials and serves its OpenAPI document', async () => {
    const ping = await fetch(`${server.url}/ping`);
    expect([ping.status, await ping.text()]).toEqual([200, 'pong']);
    const spec = (await (await fetch(`${server.url}/api/v2/spec`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v2/query/tuples', '/api/v2/exec', '/ping']),
    );
  });

  it('writes every column type with the documented JSON value and dataType', async () => {
    const db = database.name;
    await post('/api/v2/exec', {
      database: db,
      sql: `CREATE TABLE json_types (bi BIGINT, bu BIGINT UNSIGNED, i INT, d DOUBLE,
        de DECIMAL(20,6), dt DATE, dtm DATETIME(6), tm TIME, y YEAR, vb VARBINARY(8), bl BLOB,
        tx TEXT, bt BIT(9), j JSON, n INT)`,
    });
    const inserted = await post('/api/v2/exec', {
      database: db,
      sql: `INSERT INTO json_types VALUES (-9223372036854775808, 18446744073709551615, 7, 2.5,
        '-12345678901234.123456', '2024-02-29', '2024-02-29 23:59:58.000001', '-838:59:59', 2155,
        X'00ff', X'', 'héllo', b'100000001', '{"k":[9007199254740993]}', NULL)`,
    });
    expect(inserted).toMatchObject({ status: 200, text: '{"lastInsertId":0,"rowsAffected":1}' });
    const { status, text } = await post('/api/v2/query/tuples', {
      database: db,
      sql: 'SELECT * FROM json_types',
    });
    expect(status).toBe(200);
    const mariadb = testServer().capabilities.flavour === 'mariadb';
    const json = mariadb ? '"{\\"k\\":[9007199254740993]}"' : '{"k":[9007199254740993]}';
    expect(text).toContain(
      `"rows":[[-9223372036854775808,18446744073709551615,7,2.5,"-12345678901234.123456","2024-02-29","2024-02-29 23:59:58.000001","-838:59:59",2155,"AP8=","","héllo","AQE=",${json},null]]`,
    );
    const { columns } = (JSON.parse(text) as { results: [{ columns: { dataType: string }[] }] })
      .results[0];
    expect(columns.map((column) => column.dataType)).toEqual([
      'BIGINT',
      'UNSIGNED BIGINT',
      'INT',
      'DOUBLE',
      'DECIMAL(20,6)',
      'DATE',
      'DATETIME(6)',
      'TIME',
      'YEAR',
      'VARBINARY',
      'BLOB',
      'TEXT',
      'BIT',
      mariadb ? 'TEXT' : 'JSON',
      'INT',
    ]);
  });

  it('keys rows by column name on /query/rows and returns several result sets', async () => {
    const rows = await post('/api/v2/query/rows', { sql: 'SELECT 1 AS a, ? AS b', args: ['x'] });
    expect(JSON.parse(rows.text)).toEqual({ results: [{ rows: [{ a: 1, b: 'x' }] }] });
    const db = database.name;
    await post('/api/v2/exec', {
      database: db,
      sql: 'CREATE PROCEDURE two_sets() BEGIN SELECT 1 AS one; SELECT 2 AS two; END',
    });
    const sets = await post('/api/v2/query/tuples', { database: db, sql: 'CALL two_sets()' });
    const parsed = JSON.parse(sets.text) as { results: { rows: unknown[][] }[] };
    expect(parsed.results.map((result) => result.rows)).toEqual([[[1]], [[2]]]);
  });

  it('binds args with the wire interpolation, keeping 64-bit integers exact', async () => {
    const { text } = await post(
      '/api/v2/query/tuples',
      '{"sql":"SELECT CAST(? AS UNSIGNED), ?, ?","args":[18446744073709551615,"it\'s",null]}',
    );
    expect(text).toContain('"rows":[[18446744073709551615,"it\'s",null]]');
  });

  it('keeps no session state between requests and honours database per request', async () => {
    await post('/api/v2/exec', { sql: 'SET @leftover = 42' });
    const variable = await post('/api/v2/query/tuples', { sql: 'SELECT @leftover' });
    expect(variable.text).toContain('"rows":[[null]]');
    const current = await post('/api/v2/query/tuples', {
      sql: 'SELECT DATABASE()',
      database: database.name,
    });
    expect(current.text).toContain(`"rows":[["${database.name}"]]`);
    await post('/api/v2/exec', { sql: `USE ${database.name}` });
    const none = await post('/api/v2/query/tuples', { sql: 'SELECT DATABASE()' });
    expect(none.text).toContain('"rows":[[null]]');
  });

  it('reports SQL errors as Error NNNN bodies with a 4xx status', async () => {
    const missing = await post('/api/v2/query/tuples', {
      database: database.name,
      sql: 'SELECT * FROM no_such_table',
    });
    expect(missing.status).toBe(400);
    expect(missing.text).toMatch(/^Error 1146: .*no_such_table/);
    const syntax = await post('/api/v2/exec', { sql: 'SELEC 1' });
    expect([syntax.status, syntax.text.slice(0, 11)]).toEqual([400, 'Error 1064:']);
  });

  it('rejects bad credentials, missing credentials and unconfigured Bearer tokens with 401', async () => {
    const wrong = await post(
      '/api/v2/exec',
      { sql: 'SELECT 1' },
      { authorization: basic('nobody', 'secret-pw') },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.text).toMatch(/^Error 1045: /);
    const none = await post('/api/v2/exec', { sql: 'SELECT 1' }, { authorization: '' });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
    const bearer = await post(
      '/api/v2/exec',
      { sql: 'SELECT 1' },
      { authorization: 'Bearer abc.def.ghi' },
    );
    expect(bearer.status).toBe(401);
    expect(bearer.text).toMatch(/Bearer.*not configured/);
  });

  it('rejects a wrong content type (415), bad JSON (400) and bodies over 1 MB (413)', async () => {
    const type = await post('/api/v2/exec', { sql: 'SELECT 1' }, { 'content-type': 'text/plain' });
    expect(type.status).toBe(415);
    const json = await post('/api/v2/exec', '{"sql": "SELECT 1",');
    expect(json.status).toBe(400);
    const shape = await post('/api/v2/exec', { query: 'SELECT 1' });
    expect([shape.status, shape.text]).toEqual([
      400,
      'Invalid request body: "sql" must be a non-empty string',
    ]);
    const padding = 'x'.repeat(1_048_576);
    const large = await post('/api/v2/query/tuples', { sql: `SELECT '${padding}'` });
    expect(large.status).toBe(413);
    const justUnder = await post('/api/v2/query/tuples', {
      sql: `SELECT LENGTH('${'y'.repeat(1_048_576 - 64)}')`,
    });
    expect(justUnder.text).toContain('"rows":[[1048512]]');
  });

  it('answers unknown paths with 404, wrong methods with 405 and CORS preflights with 204', async () => {
    expect((await fetch(`${server.url}/api/v2/nothing`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/v2/exec`)).status).toBe(405);
    const preflight = await fetch(`${server.url}/api/v2/query/tuples`, {
      method: 'OPTIONS',
      headers: { origin: 'http://example.test', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });

  it('logs one line per request without credentials or SQL', async () => {
    const before = logLines.length;
    await post(
      '/api/v2/exec',
      { sql: "SELECT 'sql-marker'" },
      { authorization: basic('root', 'pw-marker') },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = logLines.slice(before);
    expect(lines.some((line) => / POST \/api\/v2\/exec 401 /.test(line))).toBe(true);
    const all = logLines.join('\n');
    expect(all).not.toMatch(/pw-marker|sql-marker|Basic /);
    expect(all).not.toContain(Buffer.from('root:pw-marker').toString('base64'));
  });
});
