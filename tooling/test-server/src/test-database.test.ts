import mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { adminConnection } from './admin-connection.js';
import { testServer, useTestDatabase } from './test-database.js';

const database = useTestDatabase();

describe('the shared test server', () => {
  it('reports its flavour and version', () => {
    const { capabilities } = testServer();
    expect(['singlestore', 'mariadb', 'mysql']).toContain(capabilities.flavour);
    expect(capabilities.version.length).toBeGreaterThan(0);
    if (capabilities.flavour === 'mariadb') expect(capabilities.version).toMatch(/MariaDB/);
  });

  it('gives each test file a database of its own that other databases do not see', async () => {
    const mine = await mysql.createConnection({ uri: database.url });
    await mine.query('CREATE TABLE marker (id INT PRIMARY KEY)');
    await mine.query('INSERT INTO marker VALUES (1), (2)');
    const [count] = await mine.query({ sql: 'SELECT COUNT(*) FROM marker', rowsAsArray: true });
    expect(count).toEqual([[2]]);
    await mine.end();

    const admin = await adminConnection(database.server);
    try {
      await admin.query('CREATE DATABASE IF NOT EXISTS s2t_isolation_probe');
      await admin.query('USE s2t_isolation_probe');
      await expect(admin.query('SELECT * FROM marker')).rejects.toThrow(/doesn't exist/);
      const [visible] = await admin.query({
        sql: 'SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?',
        values: [database.name, 'marker'],
        rowsAsArray: true,
      });
      expect(visible).toEqual([[1]]);
    } finally {
      await admin.query('DROP DATABASE IF EXISTS s2t_isolation_probe');
      await admin.end();
    }
  });

  it('names the database after the test file', () => {
    expect(database.name).toMatch(/^s2t_test_database_[0-9a-f]{8}$/);
  });
});
