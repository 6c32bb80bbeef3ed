import { OperationalError, ProgrammingError } from '@s2/core-cursor';
import { testServer, useTestDatabase } from '@s2/test-server';
import { describe, expect, it } from 'vitest';
import { openConnection } from '../index.js';

const database = useTestDatabase();

describe('ProtocolConnection against the test server', () => {
  it('connects, queries and closes', async () => {
    await using connection = await openConnection(database.url);
    expect(connection.connectionId).toBeGreaterThan(0);
    expect(connection.serverVersion).toMatch(/^\d+\.\d+/);
    const [result] = await connection.query("SELECT 1 AS one, 'two' AS two, NULL AS three");
    expect(result?.columns.map((column) => column.name)).toEqual(['one', 'two', 'three']);
    expect(result?.rows()).toEqual([[1, 'two', null]]);
    await connection.ping();
  });

  it('switches the default database with COM_INIT_DB and resets the session with COM_RESET_CONNECTION', async () => {
    await using connection = await openConnection(testServer().url);
    await connection.selectDatabase(database.name);
    expect((await connection.query('SELECT DATABASE()'))[0]?.rows()).toEqual([[database.name]]);
    await connection.query('SET @kept = 1');
    await connection.resetConnection();
    expect((await connection.query('SELECT @kept'))[0]?.rows()).toEqual([[null]]);
    await expect(connection.selectDatabase('no_such_database_s2')).rejects.toMatchObject({
      errno: 1049,
    });
    await connection.close();
    await connection.close();
    await expect(connection.ping()).rejects.toMatchObject({ errno: 2048 });
  });

  it('reports server errors with errno, SQLSTATE and the mapped class, and stays usable', async () => {
    await using connection = await openConnection(database.url);
    const error = await connection.query('SELEC 1').catch((caught: unknown) => caught);
    expect(ProgrammingError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ errno: 1064, sqlState: '42000' });
    expect((await connection.query('SELECT 2'))[0]?.rows()).toEqual([[2]]);
  });

  it('rejects a wrong password with an OperationalError that does not contain it', async () => {
    const server = testServer();
    const secret = 'not-the-password-7f3a';
    const error = await openConnection({
      host: server.host,
      port: server.port,
      user: server.user,
      password: secret,
    }).catch((caught: unknown) => caught);
    expect(OperationalError.isInstance(error)).toBe(true);
    expect((error as Error).message).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(String((error as Error).stack)).not.toContain(secret);
  });
});
