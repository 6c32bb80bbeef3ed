import mysql from 'mysql2/promise';
import type { TestServerInfo } from './types.js';

/**
 * An administrative connection for the harness itself (creating and dropping databases, reading
 * capabilities). It deliberately uses a third-party client so the harness does not depend on
 * the code under test.
 */
export function adminConnection(
  server: Pick<TestServerInfo, 'host' | 'port' | 'user' | 'password'>,
  database?: string,
): Promise<mysql.Connection> {
  return mysql.createConnection({
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    database,
    connectTimeout: 10_000,
    multipleStatements: false,
  });
}
